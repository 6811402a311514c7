import { HomeopsError } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import { discover } from '../repo/graph/discover.ts';
import { ObjectReader } from '../repo/graph/objects.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { LAYOUT_IDS, type LayoutId } from './layout.ts';

interface Family {
  ids: LayoutId[];
  marker: string;
  matches(tree: RepoTree, found: () => ReturnType<typeof discover>): boolean;
}

/**
 * ClusterTool and the two Argo CD seed shapes still have generators of their own, told by their
 * folders; every other repo with Flux Kustomizations is read by the Flux engine from its objects.
 */
const FAMILIES: Family[] = [
  {
    ids: ['clustertool'],
    marker: 'clusters/main/kubernetes/ with clusters/main/clusterenv.yaml',
    matches: (t) =>
      t.isDirectory('clusters/main/kubernetes') && t.isFile('clusters/main/clusterenv.yaml'),
  },
  {
    ids: ['argocd'],
    marker: 'kubernetes/argocd/apps/',
    matches: (t, found) =>
      t.isDirectory('kubernetes/argocd/apps') && found().fluxKustomizations.length === 0,
  },
  {
    ids: ['argocd-mise'],
    marker: 'src/apps/ and .mise.toml',
    matches: (t, found) =>
      t.isDirectory('src/apps') &&
      t.isFile('.mise.toml') &&
      found().fluxKustomizations.length === 0,
  },
  {
    ids: ['flux', 'flux-operator'],
    marker: 'Flux Kustomizations (kustomize.toolkit.fluxcd.io) anywhere in the repo',
    matches: (_t, found) => found().fluxKustomizations.length > 0,
  },
];

const HOW_TO_SET = `set it in ${CONFIG_FILE} at the repo root, e.g. "layout: flux" (one of: ${LAYOUT_IDS.join(', ')})`;

/** Tell the layout of a repo from its files: the first family that matches. */
export function detectLayout(tree: RepoTree): LayoutId {
  let found: ReturnType<typeof discover> | undefined;
  const discovered = () => (found ??= discover(new ObjectReader(tree)));
  const family = FAMILIES.find((f) => f.matches(tree, discovered));
  const both = discovered();
  if (family?.ids.includes('flux') && both.argo.length > 0) {
    throw new HomeopsError(
      'LAYOUT',
      `the repo has both Flux Kustomizations (${both.fluxKustomizations[0]?.file}) and Argo CD objects (${both.argo[0]?.file}): which one deploys new apps?`,
      { file: both.argo[0]?.file, fix: HOW_TO_SET },
    );
  }
  if (!family) {
    const argo = discovered().argo.length;
    throw new HomeopsError(
      'LAYOUT',
      `no known repo layout found in ${tree.root} (looked for ${FAMILIES.map((f) => f.marker).join('; ')})${argo ? `; it has ${argo} Argo CD Application(s)/ApplicationSet(s), a shape homeops does not write yet` : ''}`,
      { fix: `run at the root of a home-ops repo or pass --dest DIR; or ${HOW_TO_SET}` },
    );
  }
  return family.ids.length === 1 ? (family.ids[0] ?? 'flux') : fluxFlavor(tree);
}

/**
 * cluster-template repos substitute `cluster-secrets` into every app Kustomization; home-operations
 * repos (Flux Operator) do not. The namespace and secret generators still differ by it.
 */
function fluxFlavor(tree: RepoTree): LayoutId {
  for (const ns of tree.subfolders('kubernetes/apps')) {
    for (const app of tree.subfolders(`kubernetes/apps/${ns}`)) {
      const ks = tree.read(`kubernetes/apps/${ns}/${app}/ks.yaml`);
      if (ks === undefined) continue;
      return /^\s+substituteFrom:/m.test(ks) ? 'flux' : 'flux-operator';
    }
  }
  return tree.isFile('talos/talenv.yaml') ? 'flux' : 'flux-operator';
}
