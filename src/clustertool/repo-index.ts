import { isFluxKustomization } from '../flux/kustomizations.ts';
import { dig, readYamlAll, readYamlData } from '../repo/read-yaml.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { compareText } from '../text/compare-text.ts';

/** Where a ClusterTool repo keeps things (seed 001): one cluster, `main`. */
export const CLUSTER_DIR = 'clusters/main';
export const KUBERNETES_DIR = `${CLUSTER_DIR}/kubernetes`;
export const CLUSTERENV = `${CLUSTER_DIR}/clusterenv.yaml`;
export const HELM_REPOSITORIES_DIR = 'repositories/helm';
/** Folders whose `flux-entry*.yaml` files define the Kustomizations that reconcile the repo itself. */
const FLUX_ENTRY_DIRS = [KUBERNETES_DIR, 'repositories', CLUSTER_DIR, ''];
const FLUX_ENTRY_FILE = /^flux-entry.*\.ya?ml$/;

export interface HelmRepositoryRef {
  name: string;
  namespace: string;
  url: string;
  file: string;
}

/** A Flux Kustomization of a flux-entry file (`flux-entry` reconciles clusters/main/kubernetes). */
export interface EntryKustomization {
  name: string;
  /** undefined when the file does not say (it lands wherever it is applied). */
  namespace: string | undefined;
  file: string;
}

export interface ChartUse {
  layer: string;
  app: string;
  chart: string;
  version: string;
  repository: string;
}

/** Layers, apps, Helm repositories and chart uses of a ClusterTool repo, read from its folders. */
export class ClustertoolRepoIndex {
  private uses: ChartUse[] | undefined;
  private repositories: HelmRepositoryRef[] | undefined;
  private entries: EntryKustomization[] | undefined;

  constructor(readonly tree: RepoTree) {}

  /** `clusters/main/kubernetes/<layer>/` folders that have a kustomization.yaml. */
  layers(): string[] {
    return this.tree
      .subfolders(KUBERNETES_DIR)
      .filter((layer) => this.tree.isFile(this.layerKustomization(layer)));
  }

  hasLayer(layer: string): boolean {
    return this.tree.isFile(this.layerKustomization(layer));
  }

  layerKustomization(layer: string): string {
    return `${KUBERNETES_DIR}/${layer}/kustomization.yaml`;
  }

  /** The kustomization that lists the layers. */
  rootKustomization(): string {
    return `${KUBERNETES_DIR}/kustomization.yaml`;
  }

  apps(layer: string): string[] {
    return this.tree
      .subfolders(`${KUBERNETES_DIR}/${layer}`)
      .filter((app) => this.tree.isFile(this.ksPath(layer, app)));
  }

  /** Every app as [layer, app], the given layer's first. */
  allApps(preferLayer?: string): [string, string][] {
    const layers = this.layers();
    const ordered =
      preferLayer && layers.includes(preferLayer)
        ? [preferLayer, ...layers.filter((l) => l !== preferLayer)]
        : layers;
    return ordered.flatMap((layer) =>
      this.apps(layer).map((app): [string, string] => [layer, app]),
    );
  }

  /** Layers holding an app of this name (Kustomization names share flux-system: at most one is right). */
  layersOf(app: string): string[] {
    return this.layers().filter((layer) => this.tree.isFile(this.ksPath(layer, app)));
  }

  appFolder(layer: string, app: string): string {
    return `${KUBERNETES_DIR}/${layer}/${app}`;
  }

  ksPath(layer: string, app: string): string {
    return `${this.appFolder(layer, app)}/ks.yaml`;
  }

  appDir(layer: string, app: string): string {
    return `${this.appFolder(layer, app)}/app`;
  }

  /** The namespace an app runs in: its namespace.yaml, else its HelmRelease's, else its name. */
  appNamespace(layer: string, app: string): string {
    const dir = this.appDir(layer, app);
    const ns = dig(readYamlData(this.tree, `${dir}/namespace.yaml`), 'metadata', 'name');
    if (typeof ns === 'string') return ns;
    const hr = dig(readYamlData(this.tree, `${dir}/helm-release.yaml`), 'metadata', 'namespace');
    return typeof hr === 'string' ? hr : app;
  }

  /** The Flux Kustomizations of the flux-entry files (clusters/main/kubernetes/flux-entry.yaml, repositories/flux-entry.yaml). */
  entryKustomizations(): EntryKustomization[] {
    if (this.entries) return this.entries;
    const out: EntryKustomization[] = [];
    for (const dir of FLUX_ENTRY_DIRS) {
      for (const name of this.tree.children(dir).filter((n) => FLUX_ENTRY_FILE.test(n))) {
        const file = dir === '' ? name : `${dir}/${name}`;
        if (!this.tree.isFile(file)) continue;
        for (const doc of readYamlAll(this.tree, file)) {
          const ksName = dig(doc, 'metadata', 'name');
          if (!isFluxKustomization(doc) || typeof ksName !== 'string') continue;
          const namespace = dig(doc, 'metadata', 'namespace');
          out.push({
            name: ksName,
            namespace: typeof namespace === 'string' ? namespace : undefined,
            file,
          });
        }
      }
    }
    return (this.entries = out);
  }

  /** HelmRepository documents under repositories/helm/, by name. */
  helmRepositories(): HelmRepositoryRef[] {
    if (this.repositories) return this.repositories;
    const out: HelmRepositoryRef[] = [];
    for (const name of this.tree.children(HELM_REPOSITORIES_DIR)) {
      if (!/\.ya?ml$/.test(name) || name.startsWith('kustomization.')) continue;
      const file = `${HELM_REPOSITORIES_DIR}/${name}`;
      for (const doc of readYamlAll(this.tree, file)) {
        const repoName = dig(doc, 'metadata', 'name');
        const url = dig(doc, 'spec', 'url');
        if (
          doc.kind !== 'HelmRepository' ||
          typeof repoName !== 'string' ||
          typeof url !== 'string'
        )
          continue;
        const namespace = dig(doc, 'metadata', 'namespace');
        out.push({
          name: repoName,
          namespace: typeof namespace === 'string' ? namespace : 'flux-system',
          url,
          file,
        });
      }
    }
    return (this.repositories = out.sort((a, b) => compareText(a.name, b.name)));
  }

  helmRepository(name: string): HelmRepositoryRef | undefined {
    return this.helmRepositories().find((r) => r.name === name);
  }

  /** The HelmRepository with this URL (trailing slashes ignored). */
  helmRepositoryByUrl(url: string): HelmRepositoryRef | undefined {
    const bare = (u: string) => u.replace(/\/+$/, '');
    return this.helmRepositories().find((r) => bare(r.url) === bare(url));
  }

  /** Every `chart.spec` of the apps' helm-release.yaml files. */
  chartUses(): ChartUse[] {
    if (this.uses) return this.uses;
    const out: ChartUse[] = [];
    for (const [layer, app] of this.allApps()) {
      for (const hr of readYamlAll(this.tree, `${this.appDir(layer, app)}/helm-release.yaml`)) {
        if (hr.kind !== 'HelmRelease') continue;
        const spec = dig(hr, 'spec', 'chart', 'spec');
        const chart = dig(spec, 'chart');
        const version = dig(spec, 'version');
        const repository = dig(spec, 'sourceRef', 'name');
        if (typeof chart === 'string' && typeof repository === 'string' && version !== undefined)
          out.push({ layer, app, chart, version: String(version), repository });
      }
    }
    return (this.uses = out);
  }
}
