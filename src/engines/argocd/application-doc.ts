import { emitDocument } from '../../learn/emit.ts';
import { learnShape } from '../../learn/learn-document.ts';
import type { Example } from '../../learn/merge.ts';
import { readShapes } from '../../learn/read-shape.ts';
import { compileRole, type FeatureSet } from '../../learn/role.ts';
import { DEFAULT_LAYOUT, mapEntry, type DocShape, type Node } from '../../learn/tree.ts';
import type { Vocabulary } from '../../learn/vocabulary.ts';
import { render } from '../../render/templates.ts';
import type { ArgoModel } from './argo-model.ts';
import type { AppEntry } from './app-entries.ts';

export type SourceKind = 'chart' | 'ref' | 'path';

const PLACEHOLDER = 'SOURCES';

const APPLICATION = compileRole({
  core: ['apiVersion', 'kind', 'metadata.name', 'spec.destination.namespace', 'spec.sources'],
});

const SOURCE_ROLES = {
  chart: compileRole({
    core: ['chart', 'targetRevision', 'helm.releaseName', 'helm.valueFiles', 'helm.valuesObject'],
  }),
  ref: compileRole({ core: ['ref'] }),
  path: compileRole({ core: ['path'] }),
} as const;

const kindOf = (node: Node): SourceKind | undefined =>
  mapEntry(node, 'chart')
    ? 'chart'
    : mapEntry(node, 'ref')
      ? 'ref'
      : mapEntry(node, 'path')
        ? 'path'
        : undefined;

/** An Application's document with its sources taken out (a placeholder where they were). */
function split(shape: DocShape): { skeleton: DocShape; sources: Node[] } {
  const spec = mapEntry(shape.root, 'spec');
  if (spec?.kind !== 'map' || shape.root.kind !== 'map') return { skeleton: shape, sources: [] };
  let sources: Node[] = [];
  const entries = spec.entries.map((e) => {
    if (e.key !== 'sources' && e.key !== 'source') return e;
    sources = e.value.kind === 'seq' ? e.value.items : [e.value];
    return {
      ...e,
      key: 'sources',
      value: { kind: 'scalar', value: PLACEHOLDER, style: 'PLAIN' } as Node,
    };
  });
  const root = {
    ...shape.root,
    entries: shape.root.entries.map((e) =>
      e.key === 'spec' ? { ...e, value: { ...spec, entries } } : e,
    ),
  };
  return { skeleton: { ...shape, root }, sources };
}

export interface ApplicationInputs {
  app: string;
  namespace: string;
  chart: { repo: string; name: string; version: string } | null;
  valuesRef: string | null;
  manifestsDir: string | null;
  repoURL: string;
  /** The learned chart values, where siblings keep them in the Application. */
  valuesObject: Node | undefined;
}

/**
 * The new app's Application, as its siblings write theirs: the document around the sources learned
 * from theirs, each source (chart, `$values` ref, manifests folder) learned from the siblings'
 * sources of its kind, in the order most of them keep.
 */
export function learnApplication(
  model: ArgoModel,
  entries: readonly AppEntry[],
  inputs: ApplicationInputs,
  vocab: Vocabulary,
  features: FeatureSet,
): string {
  const shapes = entries.flatMap((e) => {
    const shape = readShapes(model.tree.read(e.app.object.file) ?? '', e.example.vocab).find(
      (s) => s.index === e.app.object.index,
    );
    return shape ? [{ entry: e, ...split(shape) }] : [];
  });
  const template = render('argocd-apps/application.yaml', inputs);
  const skeleton = learnShape(
    template,
    vocab,
    shapes.map((s) => ({ shape: s.skeleton, features: s.entry.example.features })),
    APPLICATION,
    features,
  );
  const templates = readShapes(render('argocd-apps/sources.yaml', inputs), vocab)[0];
  const list = mapEntry(templates?.root, 'sources');
  const items = list?.kind === 'seq' ? list.items : [];
  const order = majorityOrder(shapes.map((s) => s.sources.flatMap((n) => kindOf(n) ?? [])));
  const learned = items
    .map((item) => {
      const kind = kindOf(item) ?? 'path';
      const pool: Example[] = shapes.flatMap((s) =>
        s.sources
          .filter((n) => kindOf(n) === kind)
          .filter((n) => kind !== 'chart' || sameChart(n, inputs.chart?.name))
          .map((n) => ({
            shape: { header: [], root: n, layout: s.skeleton.layout },
            features: s.entry.example.features,
          })),
      );
      const text = emitDocument({ header: ['---'], root: item, layout: DEFAULT_LAYOUT });
      let node = learnShape(text, vocab, pool, SOURCE_ROLES[kind], features).root;
      if (kind === 'chart' && inputs.valuesObject) node = withValues(node, inputs.valuesObject);
      return { kind, node };
    })
    .sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
  const single = shapes.filter((s) => s.sources.length === 1).length * 2 > shapes.length;
  const sources: Node =
    learned.length === 1 && single && learned[0]
      ? learned[0].node
      : { kind: 'seq', flow: false, items: learned.map((l) => l.node) };
  return emitDocument(replaceSources(skeleton, sources, learned.length === 1 && single));
}

function sameChart(node: Node, chart: string | undefined): boolean {
  const c = mapEntry(node, 'chart');
  return c?.kind === 'scalar' && c.value === chart;
}

/** The kinds of sources in the order most siblings list them (chart, ref, path by default). */
function majorityOrder(lists: readonly SourceKind[][]): SourceKind[] {
  const counts = new Map<string, number>();
  for (const l of lists) counts.set(l.join(','), (counts.get(l.join(',')) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const order = (best ? best.split(',') : []) as SourceKind[];
  return [...order, ...(['chart', 'ref', 'path'] as const).filter((k) => !order.includes(k))];
}

function withValues(node: Node, values: Node): Node {
  if (node.kind !== 'map') return node;
  return {
    ...node,
    entries: node.entries.map((e) =>
      e.key === 'helm' && e.value.kind === 'map'
        ? {
            ...e,
            value: {
              ...e.value,
              entries: e.value.entries.map((h) =>
                h.key === 'valuesObject' ? { ...h, value: values } : h,
              ),
            },
          }
        : e,
    ),
  };
}

function replaceSources(doc: DocShape, sources: Node, single: boolean): DocShape {
  const swap = (node: Node): Node => {
    if (node.kind !== 'map') return node;
    return {
      ...node,
      entries: node.entries.map((e) =>
        e.key === 'sources' && e.value.kind === 'scalar' && e.value.value === PLACEHOLDER
          ? { ...e, key: single ? 'source' : 'sources', value: sources }
          : { ...e, value: swap(e.value) },
      ),
    };
  };
  return { ...doc, root: swap(doc.root) };
}
