import { posix } from 'node:path';
import type { FeatureSet } from '../../learn/role.ts';
import { readShapes } from '../../learn/read-shape.ts';
import type { DocShape } from '../../learn/tree.ts';
import type { Vocabulary } from '../../learn/vocabulary.ts';
import { appDocs, isAppTemplate, type FileRole, type RoleDoc } from '../../repo/graph/app-files.ts';
import type { FluxApp, Group } from '../../repo/graph/flux-graph.ts';
import { dig, type RepoObject } from '../../repo/graph/objects.ts';
import { hasChartIngress, reachedFromOutside } from '../../repo/ingress-classes.ts';
import type { FluxCluster, FluxModel } from '../../repo/flux-model.ts';
import { sizeVariableOf } from './storage-convention.ts';

/** A sibling app, as the learner sees it: its documents by role, its words, its features. */
export interface AppExample {
  app: FluxApp;
  /** Its name, namespace, group and cluster: what its files are abstracted by. */
  vocab: Vocabulary;
  /** Its entry Kustomization and the documents of the folder it deploys. */
  docs: RoleDoc[];
  /** What it has: a route, storage, a secret; whether it is an app-template app. */
  features: FeatureSet;
  helmRelease: RepoObject | undefined;
  /** In the group the new app goes to. */
  local: boolean;
}

/** How many sibling apps a new app is learned from: its group's first, then spread over the rest. */
export const EXAMPLE_LIMIT = 16;

/**
 * The apps a new app is learned from: those of its group first (in their order), then one from
 * each other group in turn, over the cluster's groups and then the other clusters', up to `limit`;
 * never one `skip` names.
 */
export function examplesFor(
  model: FluxModel,
  cluster: FluxCluster,
  group: Group | undefined,
  limit = EXAMPLE_LIMIT,
  skip: (app: FluxApp) => boolean = () => false,
): AppExample[] {
  const clusters = [cluster, ...model.clusters().filter((c) => c !== cluster)];
  const groups = clusters.flatMap((c) => model.groups(c)).filter((g) => g !== group);
  // the app itself is skipped before the limit counts: a second run learns from the same apps
  const picked: FluxApp[] = group
    ? model.graph
        .firstApps(group, limit + 1)
        .filter((a) => !skip(a))
        .slice(0, limit)
    : [];
  // the other groups' apps are read one at a time, as their turn comes
  const taken = groups.map(() => 0);
  let open = groups.length > 0;
  while (picked.length < limit && open) {
    open = false;
    groups.forEach((g, i) => {
      const at = taken[i] ?? 0;
      const next = picked.length < limit ? model.graph.firstApps(g, at + 1)[at] : undefined;
      if (!next) return;
      taken[i] = at + 1;
      open = true;
      if (!skip(next)) picked.push(next);
    });
  }
  const clusterOf = new Map(clusters.flatMap((c) => c.roots.map((r) => [r, c.name] as const)));
  return picked.map((app) =>
    exampleOf(model, app, clusterOf.get(app.group.root), app.group === group),
  );
}

function exampleOf(
  model: FluxModel,
  app: FluxApp,
  cluster: string | undefined,
  local: boolean,
): AppExample {
  const dir = app.ks.path;
  const entry: RoleDoc = {
    role: 'entry',
    file: app.ks.object.file,
    index: app.ks.object.index,
    object: app.ks.object,
  };
  const docs = [entry, ...(dir === undefined ? [] : appDocs(model.reader, dir))];
  const helmRelease = docs.find((d) => d.role === 'helmrelease')?.object;
  const namespace = app.namespace ?? helmRelease?.namespace;
  const group = model.groupName(app.group);
  const port = servicePortOf(helmRelease);
  const vocab: Vocabulary = {
    app: app.ks.name,
    ...(port !== undefined ? { port: String(port) } : {}),
    ...(namespace ? { ns: namespace } : {}),
    ...(group !== namespace ? { group } : {}),
    ...(cluster ? { cluster } : {}),
  };
  return { app, vocab, docs, features: featuresOf(docs, helmRelease), helmRelease, local };
}

/** The port of an app-template app's first service, as the siblings' words include it. */
function servicePortOf(hr: RepoObject | undefined): number | undefined {
  const services = Object.values(
    (dig(hr?.data, 'spec', 'values', 'service') ?? {}) as Record<string, unknown>,
  );
  for (const service of services) {
    for (const p of Object.values((dig(service, 'ports') ?? {}) as Record<string, unknown>)) {
      const port = dig(p, 'port');
      if (typeof port === 'number') return port;
    }
  }
  return undefined;
}

function featuresOf(docs: readonly RoleDoc[], hr: RepoObject | undefined): FeatureSet {
  const has = (role: FileRole) => docs.some((d) => d.role === role);
  const values = dig(hr?.data, 'spec', 'values');
  const route = dig(values, 'route');
  const persistence = Object.values((dig(values, 'persistence') ?? {}) as Record<string, unknown>);
  const claims = persistence.some(
    (p) => dig(p, 'existingClaim') !== undefined || dig(p, 'size') !== undefined,
  );
  // another chart's values say nothing homeops reads; an entry that substitutes a size
  // (`VOLSYNC_CAPACITY: 5Gi`) gives its app a volume
  const sized = sizeVariableOf(docs.find((d) => d.role === 'entry')?.object?.data) !== undefined;
  return {
    appTemplate: hr !== undefined && isAppTemplate(hr),
    route:
      has('route') ||
      (route !== null && typeof route === 'object' && Object.keys(route).length > 0) ||
      hasChartIngress(values),
    storage: has('claim') || claims || sized,
    secret: has('externalsecret'),
    external: reachedFromOutside(
      [
        ...Object.values((route ?? {}) as Record<string, unknown>),
        ...docs.filter((d) => d.role === 'route').map((d) => dig(d.object?.data, 'spec')),
      ],
      values,
    ),
  };
}

const shapes = new WeakMap<AppExample, Map<string, (DocShape & { index: number })[]>>();

/** A document of an example in the learner's form, abstracted by the example's words. */
export function shapeOf(model: FluxModel, example: AppExample, doc: RoleDoc): DocShape | undefined {
  let byFile = shapes.get(example);
  if (!byFile) shapes.set(example, (byFile = new Map()));
  let docs = byFile.get(doc.file);
  if (!docs) {
    const text = model.tree.read(doc.file) ?? '';
    docs = readShapes(text, example.vocab, model.reader.documents(doc.file));
    byFile.set(doc.file, docs);
  }
  return docs.find((d) => d.index === doc.index);
}

/** The file name of a document, relative to its app's folder (or the entry's to its group). */
export function fileNameIn(dir: string, file: string): string {
  return posix.relative(dir, file);
}
