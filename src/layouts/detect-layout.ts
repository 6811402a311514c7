import { HomeopsError } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import { discover, fluxPath } from '../repo/graph/discover.ts';
import { ObjectReader, isYamlFile } from '../repo/graph/objects.ts';
import { isToolFolder, type RepoTree } from '../tree/repo-tree.ts';
import { LAYOUT_IDS, type LayoutId } from './layout.ts';

interface Family {
  ids: LayoutId[];
  marker: string;
  /** The GitOps engine the family's repos deploy with. */
  engine: Engine;
  matches(tree: RepoTree, found: () => ReturnType<typeof discover>): boolean;
}

export type Engine = 'flux' | 'argocd';

/**
 * ClusterTool and the two Argo CD seed shapes still have generators of their own, told by their
 * folders; every other repo with Flux Kustomizations is read by the Flux engine from its objects,
 * and every other repo with Argo CD Applications or ApplicationSets by the Argo CD engine.
 */
const FAMILIES: Family[] = [
  {
    ids: ['clustertool'],
    marker: 'clusters/main/kubernetes/ with clusters/main/clusterenv.yaml',
    engine: 'flux',
    matches: (t) =>
      t.isDirectory('clusters/main/kubernetes') && t.isFile('clusters/main/clusterenv.yaml'),
  },
  {
    ids: ['argocd'],
    marker: 'Application files in kubernetes/argocd/apps/',
    engine: 'argocd',
    matches: (t, found) =>
      t.isDirectory('kubernetes/argocd/apps') &&
      t.children('kubernetes/argocd/apps').some((f) => isYamlFile(f)) &&
      found().fluxKustomizations.length === 0,
  },
  {
    ids: ['argocd-mise'],
    marker: 'src/apps/ and .mise.toml',
    engine: 'argocd',
    matches: (t, found) =>
      t.isDirectory('src/apps') &&
      t.isFile('.mise.toml') &&
      found().fluxKustomizations.length === 0,
  },
  {
    ids: ['flux', 'flux-operator'],
    marker: 'Flux Kustomizations (kustomize.toolkit.fluxcd.io) anywhere in the repo',
    engine: 'flux',
    matches: (_t, found) => found().fluxKustomizations.length > 0,
  },
  {
    ids: ['argocd-apps'],
    marker: 'Argo CD Applications or ApplicationSets (argoproj.io) anywhere in the repo',
    engine: 'argocd',
    matches: (t, found) => found().argo.length > 0 || firstArgoFile(t, ['']) !== undefined,
  },
];

/** The question a repo with both engines raises (an interactive run asks it, see src/cli). */
export const WHICH_ENGINE = 'which one deploys new apps?';

/** Whether an error is the question of a repo with both Flux and Argo CD objects. */
export const asksForEngine = (error: unknown): boolean =>
  error instanceof HomeopsError && error.code === 'LAYOUT' && error.message.endsWith(WHICH_ENGINE);

const HOW_TO_SET = `set it in ${CONFIG_FILE} at the repo root, e.g. "engine: argocd" or "layout: flux" (layouts: ${LAYOUT_IDS.join(', ')})`;

const ARGO =
  /^apiVersion:\s*["']?argoproj\.io\/[^\n]*\n(?:[^\n]*\n)*?kind:\s*["']?Application(Set)?\b/m;

/**
 * The first file that holds an Argo CD Application or ApplicationSet in an `argo…` folder of
 * these trees (Argo CD installed by Flux keeps its ApplicationSets in its own namespace or app
 * folder), looked for `depth` folder levels down only: a Flux repo of thousands of apps is not
 * read whole to find none (in an apps tree, two levels are its namespace and app folders).
 */
export function firstArgoFile(
  tree: RepoTree,
  roots: readonly string[],
  depth = 3,
): string | undefined {
  const skip = isToolFolder;
  const join = (dir: string, name: string) => (dir === '' ? name : `${dir}/${name}`);
  const dirs = new Set<string>();
  const look = (dir: string, depth: number) => {
    // on the last level only a folder's name matters: the others are not asked what they are
    for (const child of depth > 1 ? tree.subfolders(dir) : tree.children(dir)) {
      const path = join(dir, child);
      if (/argo/i.test(child)) {
        if (tree.isDirectory(path)) dirs.add(path);
      } else if (depth > 1 && !skip(child)) look(path, depth - 1);
    }
  };
  for (const root of roots) look(root, depth);
  for (const dir of dirs)
    for (const f of tree.yamlFilesUnder(dir, skip)) {
      const text = tree.read(f);
      if (text !== undefined && text.includes('argoproj.io') && ARGO.test(text)) return f;
    }
  return undefined;
}

/** Tell the layout of a repo from its files: the first family that matches (of the engine pinned). */
export function detectLayout(tree: RepoTree, engine?: Engine): LayoutId {
  let found: ReturnType<typeof discover> | undefined;
  const discovered = () => (found ??= discover(new ObjectReader(tree)));
  const families = FAMILIES.filter((f) => engine === undefined || f.engine === engine);
  const family = families.find((f) => f.matches(tree, discovered));
  if (family?.ids.includes('flux') && engine === undefined) {
    const trees = discovered().fluxKustomizations.flatMap((k) => fluxPath(k) ?? []);
    // the repo's top three folder levels, and in the apps' trees the namespace and app folders
    const argo =
      discovered().argo[0]?.file ??
      firstArgoFile(tree, ['']) ??
      firstArgoFile(tree, [...new Set(trees.filter((t) => t !== ''))], 2);
    if (argo)
      throw new HomeopsError(
        'LAYOUT',
        `the repo has both Flux Kustomizations (${discovered().fluxKustomizations[0]?.file}) and Argo CD objects (${argo}): ${WHICH_ENGINE}`,
        { file: argo, fix: HOW_TO_SET },
      );
  }
  if (!family) {
    throw new HomeopsError(
      'LAYOUT',
      `no known repo layout found in ${tree.root} (looked for ${families.map((f) => f.marker).join('; ')})`,
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
