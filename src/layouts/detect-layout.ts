import { HomeopsError } from '../errors.ts';
import { readYamlData } from '../repo/read-yaml.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { LAYOUT_IDS, type LayoutId } from './layout.ts';

interface Family {
  ids: LayoutId[];
  marker: string;
  matches(tree: RepoTree): boolean;
}

const FAMILIES: Family[] = [
  {
    ids: ['flux', 'flux-operator'],
    marker: 'kubernetes/apps/<namespace>/kustomization.yaml',
    matches: (t) => hasFluxApps(t),
  },
  {
    ids: ['clustertool'],
    marker: 'clusters/main/kubernetes/',
    matches: (t) => t.isDirectory('clusters/main/kubernetes'),
  },
  {
    ids: ['argocd'],
    marker: 'kubernetes/argocd/apps/',
    matches: (t) => t.isDirectory('kubernetes/argocd/apps'),
  },
  {
    ids: ['argocd-mise'],
    marker: 'src/apps/ and .mise.toml',
    matches: (t) => t.isDirectory('src/apps') && t.isFile('.mise.toml'),
  },
];

const HOW_TO_SET = `set it in ${CONFIG_FILE} at the repo root, e.g. "layout: flux-operator" (one of: ${LAYOUT_IDS.join(', ')})`;

/** Tell the layout of a repo from its files. */
export function detectLayout(tree: RepoTree): LayoutId {
  const found = FAMILIES.filter((f) => f.matches(tree));
  if (found.length === 0) {
    throw new HomeopsError(
      'LAYOUT',
      `no known repo layout found in ${tree.root} (looked for ${FAMILIES.map((f) => f.marker).join('; ')})`,
      {
        fix: `run at the root of a home-ops repo or pass --dest DIR; or ${HOW_TO_SET}`,
      },
    );
  }
  if (found.length > 1) {
    throw new HomeopsError(
      'LAYOUT',
      `the repo matches several layouts: ${found.flatMap((f) => f.ids).join(', ')}`,
      { fix: HOW_TO_SET },
    );
  }
  const family = found[0]!;
  return family.ids.length === 1 ? family.ids[0]! : fluxFlavor(tree);
}

function hasFluxApps(tree: RepoTree): boolean {
  return tree
    .subfolders('kubernetes/apps')
    .some((ns) => tree.isFile(`kubernetes/apps/${ns}/kustomization.yaml`));
}

/**
 * cluster-template repos substitute `cluster-secrets` into every app Kustomization; home-operations
 * repos (Flux Operator) do not. One app's ks.yaml tells.
 */
function fluxFlavor(tree: RepoTree): LayoutId {
  for (const ns of tree.subfolders('kubernetes/apps')) {
    for (const app of tree.subfolders(`kubernetes/apps/${ns}`)) {
      const ks = readYamlData(tree, `kubernetes/apps/${ns}/${app}/ks.yaml`);
      if (!ks) continue;
      const spec = (ks.spec ?? {}) as { postBuild?: { substituteFrom?: unknown } };
      return spec.postBuild?.substituteFrom ? 'flux' : 'flux-operator';
    }
  }
  return tree.isFile('talos/talenv.yaml') ? 'flux' : 'flux-operator';
}
