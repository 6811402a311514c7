import type { RepoTree } from '../tree/repo-tree.ts';

/** Namespaces and apps of a Flux repo, by folder: `<appsDir>/<ns>/<app>/ks.yaml`. */
export class FluxRepoIndex {
  constructor(
    readonly tree: RepoTree,
    readonly appsDir: string,
  ) {}

  namespaces(): string[] {
    return this.tree
      .subfolders(this.appsDir)
      .filter((ns) => this.tree.isFile(this.namespaceKustomization(ns)));
  }

  hasNamespace(ns: string): boolean {
    return this.tree.isFile(this.namespaceKustomization(ns));
  }

  namespaceKustomization(ns: string): string {
    return `${this.appsDir}/${ns}/kustomization.yaml`;
  }

  apps(ns: string): string[] {
    return this.tree
      .subfolders(`${this.appsDir}/${ns}`)
      .filter((app) => this.tree.isFile(this.ksPath(ns, app)));
  }

  ksPath(ns: string, app: string): string {
    return `${this.appsDir}/${ns}/${app}/ks.yaml`;
  }

  appDir(ns: string, app: string): string {
    return `${this.appsDir}/${ns}/${app}/app`;
  }

  /** Namespaces holding an app folder of this name. */
  namespacesOf(app: string): string[] {
    return this.namespaces().filter((ns) => this.tree.isFile(this.ksPath(ns, app)));
  }

  /** Up to `limit` apps as [ns, app], the given namespace's first: what conventions are learned from. */
  sample(preferNamespace: string | undefined, limit: number): [string, string][] {
    const out: [string, string][] = [];
    const namespaces = this.namespaces();
    const ordered =
      preferNamespace && namespaces.includes(preferNamespace)
        ? [preferNamespace, ...namespaces.filter((n) => n !== preferNamespace)]
        : namespaces;
    for (const ns of ordered) {
      for (const app of this.tree.subfolders(`${this.appsDir}/${ns}`)) {
        if (!this.tree.isFile(this.ksPath(ns, app))) continue;
        out.push([ns, app]);
        if (out.length >= limit) return out;
      }
    }
    return out;
  }
}
