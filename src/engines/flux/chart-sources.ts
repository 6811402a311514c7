import { isToolFolder } from '../../tree/repo-tree.ts';
import { dig, str, type RepoObject } from '../../repo/graph/objects.ts';
import type { FluxCluster, FluxModel } from '../../repo/flux-model.ts';
import { isFluxKustomization } from '../../repo/graph/discover.ts';
import { kustomizationFileIn, type KustomizeUnit } from '../../repo/graph/kustomize-unit.ts';

/** A chart source the repo defines: an OCIRepository or a HelmRepository. */
export interface ChartSource {
  kind: 'OCIRepository' | 'HelmRepository';
  name: string;
  namespace: string | undefined;
  url: string;
  /** An OCIRepository's `ref.tag`: the chart version every app of a shared source gets. */
  version: string | undefined;
  file: string;
  /** Where it is: a tree of its own (shared), a component every namespace takes, or one app's folder. */
  where: 'shared' | 'component';
}

const KINDS = new Set(['OCIRepository', 'HelmRepository']);
const SOURCE_KIND = /^kind:\s*["']?(OCIRepository|HelmRepository)["']?\s*$/m;
const HELM_RELEASE_KIND = /^kind:\s*["']?HelmRelease["']?\s*$/m;
const SOURCE_API = /^apiVersion:\s*["']?source\.toolkit\.fluxcd\.io\//m;

/**
 * The YAML files outside the apps' trees that declare a chart source, found by their kind and
 * apiVersion lines (only those are parsed). Folders of tools (dot folders, node_modules) and the
 * apps' trees themselves are not entered, and a folder with a HelmRelease holds an app's own
 * source (an `apps/base/<ns>/<app>` folder), not a shared one.
 */
function sourceFilesOutside(model: FluxModel, appTrees: readonly string[]): string[] {
  const tree = model.reader.tree;
  if (appTrees.includes('')) return [];
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    const sources: string[] = [];
    let release = false;
    for (const name of tree.children(dir)) {
      if (isToolFolder(name)) continue;
      const path = dir === '' ? name : `${dir}/${name}`;
      if (tree.isDirectory(path)) {
        if (depth < 8 && !appTrees.includes(path)) walk(path, depth + 1);
      } else if (/\.ya?ml$/.test(name)) {
        const text = tree.read(path) ?? '';
        if (HELM_RELEASE_KIND.test(text)) release = true;
        else if (SOURCE_KIND.test(text) && SOURCE_API.test(text)) sources.push(path);
      }
    }
    if (!release) out.push(...sources);
  };
  walk('', 0);
  return out;
}

/**
 * The chart sources apps share: those in the trees of the roots that deploy no apps (a
 * `flux-repositories` Kustomization), and those the groups' components provide. An app's own
 * OCIRepository is not among them.
 */
export function sharedChartSources(model: FluxModel, cluster: FluxCluster): ChartSource[] {
  const out: ChartSource[] = [];
  const seen = new Set<string>();
  // a source a Flux Kustomization syncs carries manifests, not a chart (the OCIRepository a
  // repo is pushed to): one the graph found, or one in the source's own file
  const sourceOf = (ks: RepoObject) =>
    `${str(dig(ks.data, 'spec', 'sourceRef', 'kind'))}/${str(dig(ks.data, 'spec', 'sourceRef', 'name'))}`;
  const manifests = new Set(model.graph.found.map((ks) => sourceOf(ks.object)));
  const add = (o: RepoObject, where: ChartSource['where'], namespace: string | undefined) => {
    if (!KINDS.has(o.kind) || !o.apiVersion.startsWith('source.toolkit.fluxcd.io/') || !o.name)
      return;
    const synced = (ks: RepoObject) =>
      isFluxKustomization(ks) && sourceOf(ks) === `${o.kind}/${o.name}`;
    if (manifests.has(`${o.kind}/${o.name}`) || model.reader.objects(o.file).some(synced)) return;
    const url = str(dig(o.data, 'spec', 'url'));
    if (!url || seen.has(`${o.file}#${o.index}`)) return;
    seen.add(`${o.file}#${o.index}`);
    out.push({
      kind: o.kind === 'OCIRepository' ? 'OCIRepository' : 'HelmRepository',
      name: o.name,
      namespace: namespace ?? o.namespace,
      url,
      version: str(dig(o.data, 'spec', 'ref', 'tag')),
      file: o.file,
      where,
    });
  };
  const walk = (
    unit: KustomizeUnit,
    where: ChartSource['where'],
    namespace: string | undefined,
    depth: number,
  ) => {
    for (const r of unit.resources) {
      if (r.kind === 'file')
        for (const o of model.reader.objects(r.path))
          add(o, where, o.namespace ?? unit.namespace ?? namespace);
      else if (r.kind === 'dir' && depth < 4)
        walk(model.graph.unit(r.path), where, unit.namespace ?? namespace, depth + 1);
    }
    if (depth < 4)
      for (const c of unit.components) walk(model.graph.unit(c), where, namespace, depth + 1);
  };
  for (const root of model.graph.roots) {
    if (root.path === undefined || model.graph.groups(root).some((g) => model.registersApps(g)))
      continue;
    walk(
      model.graph.unit(root.path),
      'shared',
      str(dig(root.object.data, 'spec', 'targetNamespace')),
      0,
    );
  }
  // sources kept outside the apps' trees, deployed by a root not read as one (the bootstrap
  // Kustomization over kubernetes/flux): kubernetes/flux/repositories/helm/bjw-s.yaml
  const tree = model.reader.tree;
  const appTrees = model
    .clusters()
    .flatMap((c) => c.roots.flatMap((r) => (r.path === undefined ? [] : [r.path])));
  for (const file of sourceFilesOutside(model, appTrees))
    for (const o of model.reader.objects(file)) add(o, 'shared', o.namespace);
  // only a kustomization with a `components:` line is read for them
  const listsComponents = (dir: string) => {
    const file = kustomizationFileIn(tree, dir);
    return file !== undefined && /^components:/m.test(tree.read(file) ?? '');
  };
  const components = new Set(
    model.groups(cluster).flatMap((g) => (listsComponents(g.dir) ? g.unit.components : [])),
  );
  for (const dir of components) walk(model.graph.unit(dir), 'component', undefined, 0);
  return out;
}
