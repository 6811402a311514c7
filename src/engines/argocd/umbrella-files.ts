import { posix } from 'node:path';
import { stringify } from 'yaml';
import { learnDocument } from '../../learn/learn-document.ts';
import type { Example } from '../../learn/merge.ts';
import { readShapes } from '../../learn/read-shape.ts';
import { compileRole, type FeatureSet } from '../../learn/role.ts';
import type { DocShape } from '../../learn/tree.ts';
import type { Vocabulary } from '../../learn/vocabulary.ts';
import { render } from '../../render/templates.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { AppSlot } from './app-slots.ts';
import type { ArgoView } from './argo-view.ts';
import type { ArgoExample } from './examples.ts';
import { CHART_FILE } from './umbrella-chart.ts';

/** An umbrella Chart.yaml: its name and the chart it wraps are the inputs'; the rest is learned. */
const UMBRELLA_CHART = compileRole({
  core: [
    'apiVersion',
    'name',
    'dependencies.[].name',
    'dependencies.[].version',
    'dependencies.[].repository',
  ],
});

/** The siblings' files of one name (their Chart.yaml, their config), each read with its own words. */
function siblingFiles(
  tree: RepoTree,
  examples: readonly ArgoExample[],
  name: (e: ArgoExample) => string | undefined,
  lists = false,
): Example[] {
  return examples.flatMap((e) => {
    const file = name(e);
    const text = file === undefined ? undefined : tree.read(posix.join(e.dir, file));
    const [shape] = text === undefined ? [] : readShapes(text, e.vocab, undefined, lists);
    return shape ? [{ shape, features: e.features, local: e.local }] : [];
  });
}

/** The new app's Chart.yaml, written as the sibling umbrella charts write theirs. */
export function umbrellaChartFile(
  tree: RepoTree,
  view: ArgoView,
  vocab: Vocabulary,
  examples: readonly ArgoExample[],
  features: FeatureSet,
): string {
  const pool = siblingFiles(
    tree,
    examples.filter((e) => e.umbrella),
    () => CHART_FILE,
  );
  return learnDocument(
    render('argocd-apps/umbrella-chart.yaml', view),
    vocab,
    pool,
    UMBRELLA_CHART,
    features,
  );
}

/**
 * The config file a files generator makes the new app's Application from: the selector's labels
 * (so that it is picked up) and the namespace, where a key gives it; every other key (a sync wave)
 * as most of its group's siblings' configs have it, or all of them where they are one or two.
 * `siblings` says how many it was learned from (none: it has only those keys).
 */
export function configFile(
  tree: RepoTree,
  slot: AppSlot,
  namespace: string,
  vocab: Vocabulary,
  examples: readonly ArgoExample[],
  features: FeatureSet,
): { name: string; text: string; siblings: number } | undefined {
  const config = slot.config;
  if (!config) return undefined;
  const nsKey = slot.namespaceFrom.kind === 'config' ? slot.namespaceFrom.key : undefined;
  const data: Record<string, string> = { ...config.selector };
  if (nsKey) data[nsKey] = namespace;
  // every app folder has one: what all its siblings' say is the convention, however few they are
  const role = compileRole({ core: Object.keys(data), unanimous: true });
  // a config's values say where the app stands among its group's (a sync wave): the group's own
  // siblings decide where two or more of them have one, the whole repo's otherwise
  const configs = examples.filter((e) => e.slot?.config?.name === config.name);
  const local = configs.filter((e) => e.local);
  const files = siblingFiles(tree, local.length >= 2 ? local : configs, () => config.name, true);
  // configs written as a list of one (`- enabled: "true"`) are learned by their item, and the
  // new one is written so too
  const pool = files.map((x) => {
    const { root } = x.shape;
    const [only] = root.kind === 'seq' && root.items.length === 1 ? root.items : [];
    return only?.kind === 'map' ? { ...x, shape: { ...x.shape, root: only } } : x;
  });
  const listed = files.filter((x) => x.shape.root.kind === 'seq').length * 2 > files.length;
  const asList = (d: DocShape): DocShape =>
    listed ? { ...d, root: { kind: 'seq', flow: false, items: [d.root] } } : d;
  return {
    name: config.name,
    text: learnDocument(`---\n${stringify(data)}`, vocab, pool, role, features, asList),
    siblings: pool.length,
  };
}
