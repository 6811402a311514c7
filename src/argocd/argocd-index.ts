import { posix } from 'node:path';
import { dig, readYamlAll } from '../repo/read-yaml.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import type { ArgocdPaths } from './argocd-paths.ts';

/** One source of an Application (`spec.source` or an entry of `spec.sources`). */
export interface AppSource {
  repoURL?: string;
  targetRevision?: string;
  chart?: string;
  path?: string;
  ref?: string;
}

export interface ApplicationEntry {
  file: string;
  name: string;
  /** `spec.destination.namespace`; undefined when the manifests name their own namespaces. */
  namespace: string | undefined;
  server: string | undefined;
  sources: AppSource[];
}

/** An Application anywhere in the repo: the app of apps, or one under appsDir. */
export interface NamedApplication {
  file: string;
  name: string;
}

export interface RouteEntry {
  file: string;
  name: string;
  namespace: string | undefined;
  parentRefs: { name: string; namespace: string | undefined }[];
  hostnames: string[];
  /** PathPrefix / Exact values of the rules; '' for a rule that matches every path. */
  paths: string[];
}

/** What an Argo CD repo holds, read from its files (each folder once, on first use). */
export class ArgocdIndex {
  private apps: ApplicationEntry[] | undefined;
  private routeList: RouteEntry[] | undefined;
  private declared: Map<string, string> | undefined;
  private named: NamedApplication[] | undefined;

  constructor(
    readonly tree: RepoTree,
    readonly paths: ArgocdPaths,
  ) {}

  /** Every Application under appsDir (subfolders too), by name. */
  applications(): ApplicationEntry[] {
    return (this.apps ??= this.tree.yamlFilesUnder(this.paths.appsDir).flatMap((file) =>
      readYamlAll(this.tree, file)
        .filter((d) => d.kind === 'Application' && typeof dig(d, 'metadata', 'name') === 'string')
        .map((d) => ({
          file,
          name: dig(d, 'metadata', 'name') as string,
          namespace: str(dig(d, 'spec', 'destination', 'namespace')),
          server: str(dig(d, 'spec', 'destination', 'server')),
          sources: [
            dig(d, 'spec', 'source'),
            ...((dig(d, 'spec', 'sources') ?? []) as unknown[]),
          ].filter((s): s is AppSource => !!s && typeof s === 'object'),
        })),
    ));
  }

  application(name: string): ApplicationEntry | undefined {
    return this.applications().find((a) => a.name === name);
  }

  /**
   * Every Argo CD Application of the repo, wherever its file is (the app of apps sits outside
   * appsDir): one of these names taken by a new app replaces that Application. Hidden folders and
   * node_modules are skipped; files that do not mention `kind: Application` are not parsed.
   */
  everyApplication(): NamedApplication[] {
    return (this.named ??= this.tree.yamlFilesUnder('').flatMap((file) => {
      if (!/^\s*kind:\s*["']?Application(?!\w)/m.test(this.tree.read(file) ?? '')) return [];
      return readYamlAll(this.tree, file)
        .filter(
          (d) =>
            d.kind === 'Application' &&
            String(d.apiVersion).startsWith('argoproj.io/') &&
            typeof dig(d, 'metadata', 'name') === 'string',
        )
        .map((d) => ({ file, name: dig(d, 'metadata', 'name') as string }));
    }));
  }

  /** Destination namespaces of the Applications, sorted. */
  namespaces(): string[] {
    return [
      ...new Set(this.applications().flatMap((a) => (a.namespace ? [a.namespace] : []))),
    ].sort();
  }

  /** Namespace name -> the manifests file that declares it as a Namespace object. */
  declaredNamespaces(): Map<string, string> {
    if (!this.declared) {
      this.declared = new Map();
      for (const file of this.tree.yamlFilesUnder(this.paths.manifestsDir)) {
        for (const doc of readYamlAll(this.tree, file)) {
          const name = dig(doc, 'metadata', 'name');
          if (doc.kind === 'Namespace' && typeof name === 'string' && !this.declared.has(name))
            this.declared.set(name, file);
        }
      }
    }
    return this.declared;
  }

  /** The HTTPRoutes of the routes folder. */
  routes(): RouteEntry[] {
    return (this.routeList ??= this.tree.yamlFilesUnder(this.paths.routesDir).flatMap((file) =>
      readYamlAll(this.tree, file)
        .filter((d) => d.kind === 'HTTPRoute')
        .map((d) => ({
          file,
          name: String(dig(d, 'metadata', 'name')),
          namespace: str(dig(d, 'metadata', 'namespace')),
          parentRefs: (
            (dig(d, 'spec', 'parentRefs') ?? []) as { name?: unknown; namespace?: unknown }[]
          ).flatMap((p) =>
            typeof p?.name === 'string' ? [{ name: p.name, namespace: str(p.namespace) }] : [],
          ),
          hostnames: ((dig(d, 'spec', 'hostnames') ?? []) as unknown[]).map(String),
          paths: ((dig(d, 'spec', 'rules') ?? []) as { matches?: unknown[] }[]).flatMap((rule) =>
            rule?.matches?.length
              ? rule.matches.map((m) => String(dig(m, 'path', 'value') ?? ''))
              : [''],
          ),
        })),
    ));
  }

  /** The manifests folder of an app (`<manifestsDir>/<app>`). */
  manifestsOf(app: string): string {
    return posix.join(this.paths.manifestsDir, app);
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
