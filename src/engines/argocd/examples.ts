import { isToolFolder } from '../../tree/repo-tree.ts';
import { posix } from 'node:path';
import type { Example } from '../../learn/merge.ts';
import { readShapes } from '../../learn/read-shape.ts';
import type { FeatureSet } from '../../learn/role.ts';
import { nodeAt, toData, type DocShape } from '../../learn/tree.ts';
import type { Vocabulary } from '../../learn/vocabulary.ts';
import { appDocs, type FileRole, type RoleDoc } from '../../repo/graph/app-files.ts';
import { dig, str, type RepoObject } from '../../repo/graph/objects.ts';
import type { ArgoModel } from './argo-model.ts';
import { groupOfFolder, namespaceOfFolder, type AppSlot } from './app-slots.ts';
import { chartFolderDocs, learnableText } from './helm-template.ts';
import { umbrellaOf, umbrellaValues, type UmbrellaChart } from './umbrella-chart.ts';

/** The chart of an app folder's kustomization (`helmCharts[0]`), as written. */
export interface HelmChartEntry {
  name: string | undefined;
  repo: string | undefined;
  version: string | undefined;
  valuesFile: string | undefined;
  inline: boolean;
}

/** A sibling app folder, as the learner sees it. */
export interface ArgoExample {
  dir: string;
  /** The ApplicationSet pattern that picks it up (an app of apps entry has none). */
  slot: AppSlot | undefined;
  vocab: Vocabulary;
  docs: RoleDoc[];
  chart: HelmChartEntry | undefined;
  /** The folder is an umbrella chart of its chart (Chart.yaml, values.yaml, templates/). */
  umbrella: UmbrellaChart | undefined;
  /** Its chart values: the valuesFile's document, or the inline values (no header). */
  values: DocShape | undefined;
  features: FeatureSet;
  /** In the group the new app goes to. */
  local: boolean;
}

export const EXAMPLE_LIMIT = 16;

/** A folder's documents by role, a Tailscale LoadBalancer Service told from the app's own Service. */
export function argoAppDocs(model: ArgoModel, dir: string): RoleDoc[] {
  return appDocs(model.reader, dir).map((d) =>
    d.role === 'other:Service' && dig(d.object?.data, 'spec', 'loadBalancerClass') === 'tailscale'
      ? { ...d, role: 'other:TailscaleService' }
      : d,
  );
}

const kustomizationOf = (docs: readonly RoleDoc[]) =>
  docs.find((d) => d.role === 'kustomization')?.object;

export function helmChartOf(k: RepoObject | undefined): HelmChartEntry | undefined {
  const first = dig(k?.data, 'helmCharts', 0);
  if (!first) return undefined;
  return {
    name: str(dig(first, 'name')),
    repo: str(dig(first, 'repo')),
    version: str(dig(first, 'version')),
    valuesFile: str(dig(first, 'valuesFile')),
    inline: dig(first, 'valuesInline') !== undefined,
  };
}

/** The sibling apps: the group's own first, then one of each other group in turn. */
export function examplesFor(
  model: ArgoModel,
  slots: readonly AppSlot[],
  group: string | undefined,
  self: string | undefined,
): ArgoExample[] {
  const all = slots.flatMap((slot) =>
    slot.folders.filter((f) => f.dir !== self).map((f) => ({ slot, dir: f.dir })),
  );
  const local = all.filter((a) => groupOfFolder(a.slot, a.dir) === group);
  const byGroup = new Map<string, typeof all>();
  for (const a of all.filter((x) => !local.includes(x))) {
    const g = groupOfFolder(a.slot, a.dir) ?? '';
    byGroup.set(g, [...(byGroup.get(g) ?? []), a]);
  }
  const picked = [...local];
  const queues = [...byGroup.values()];
  while (picked.length < EXAMPLE_LIMIT && queues.some((q) => q.length > 0))
    for (const q of queues) {
      const next = q.shift();
      if (next && picked.length < EXAMPLE_LIMIT) picked.push(next);
    }
  return picked
    .slice(0, EXAMPLE_LIMIT)
    .map((a) => exampleOf(model, a.slot, a.dir, local.includes(a)));
}

export function exampleOf(
  model: ArgoModel,
  slot: AppSlot,
  dir: string,
  local: boolean,
): ArgoExample {
  const umbrella = umbrellaOf(model.reader, dir);
  const own = argoAppDocs(model, dir);
  const docs = umbrella ? chartFolderDocs(model.tree, own, dir) : own;
  const k = kustomizationOf(docs);
  const chart = umbrella?.chart ?? helmChartOf(k);
  const app = posix.basename(dir);
  const ns =
    str(dig(k?.data, 'namespace')) ??
    configNamespace(model, slot, dir) ??
    namespaceOfFolder(slot, dir) ??
    app;
  const group = groupOfFolder(slot, dir);
  const values = chart ? valuesOf(model, dir, chart, docs, {}, umbrella) : undefined;
  const port = servicePort(values) ?? containerPort(docs);
  const vocab: Vocabulary = {
    app,
    ns,
    ...(port !== undefined ? { port: String(port) } : {}),
    ...(group && group !== ns ? { group } : {}),
  };
  const abstracted = chart ? valuesOf(model, dir, chart, docs, vocab, umbrella) : undefined;
  return {
    dir,
    slot,
    vocab,
    docs,
    chart,
    umbrella,
    values: abstracted,
    features: featuresOf(docs, values, umbrella !== undefined),
    local,
  };
}

/** The namespace a files generator's config gives its folder's app (`namespace: home`). */
export function configNamespace(model: ArgoModel, slot: AppSlot, dir: string): string | undefined {
  const from = slot.namespaceFrom;
  if (from.kind !== 'config' || !slot.config) return undefined;
  // a config written as a list of one: its item
  return str(dig(model.reader.items(posix.join(dir, slot.config.name))[0], from.key));
}

function valuesOf(
  model: ArgoModel,
  dir: string,
  chart: HelmChartEntry,
  docs: readonly RoleDoc[],
  vocab: Vocabulary,
  umbrella: UmbrellaChart | undefined,
): DocShape | undefined {
  if (umbrella) return umbrellaValues(model.reader, dir, umbrella, vocab);
  if (chart.valuesFile) {
    const text = model.tree.read(posix.join(dir, chart.valuesFile));
    return text === undefined ? undefined : readShapes(text, vocab)[0];
  }
  const file = docs.find((d) => d.role === 'kustomization')?.file;
  const k = file ? readShapes(model.tree.read(file) ?? '', vocab)[0] : undefined;
  const root = nodeAt(k?.root, ['helmCharts', 0, 'valuesInline']);
  return root && k ? { header: [], root, layout: k.layout } : undefined;
}

/** The first container port of a plain-manifest app's Deployment. */
function containerPort(docs: readonly RoleDoc[]): number | undefined {
  const deployment = docs.find((d) => d.role === 'other:Deployment')?.object;
  const port = dig(deployment?.data, 'spec', 'template', 'spec', 'containers', 0, 'ports', 0);
  const n = dig(port, 'containerPort');
  return typeof n === 'number' ? n : undefined;
}

/** The port an app-template app's container listens on: its first service port's target, else the port. */
export function servicePort(values: DocShape | undefined): number | undefined {
  const data = values ? toData(values.root) : undefined;
  const services = dig(data, 'service');
  if (!services || typeof services !== 'object') return undefined;
  for (const s of Object.values(services as Record<string, unknown>)) {
    const ports = dig(s, 'ports');
    if (!ports || typeof ports !== 'object') continue;
    for (const p of Object.values(ports as Record<string, unknown>)) {
      const port = dig(p, 'targetPort') ?? dig(p, 'port');
      if (typeof port === 'number') return port;
    }
  }
  return undefined;
}

export function featuresOf(
  docs: readonly RoleDoc[],
  values: DocShape | undefined,
  umbrella = false,
): FeatureSet {
  const has = (role: FileRole) => docs.some((d) => d.role === role);
  const persistence = nodeAt(values?.root, ['persistence']);
  const claims =
    persistence?.kind === 'map' &&
    persistence.entries.some((e) =>
      ['existingClaim', 'size', 'accessMode'].some((k) => nodeAt(e.value, [k]) !== undefined),
    );
  const route = nodeAt(values?.root, ['route']);
  const ingress = nodeAt(values?.root, ['ingress']);
  const envFrom = JSON.stringify(values?.root ?? {}).includes('"envFrom"');
  return {
    appTemplate: nodeAt(values?.root, ['controllers']) !== undefined,
    route:
      has('route') ||
      has('other:IngressRoute') ||
      has('other:TailscaleService') ||
      (route?.kind === 'map' && route.entries.length > 0) ||
      (ingress?.kind === 'map' && ingress.entries.length > 0),
    storage: has('claim') || claims,
    secret: has('externalsecret') || envFrom,
    chart:
      umbrella || docs.some((d) => d.role === 'kustomization' && dig(d.object?.data, 'helmCharts')),
  };
}

/** The siblings' documents of a role, each abstracted by its own words. */
export function examplesOf(
  model: ArgoModel,
  examples: readonly ArgoExample[],
  role: FileRole | 'values',
): Example[] {
  return examples.flatMap((e) => {
    if (role === 'values')
      return e.values ? [{ shape: e.values, features: e.features, local: e.local }] : [];
    const doc = e.docs.find((d) => d.role === role);
    if (!doc) return [];
    const shape = readShapes(learnableText(model.tree, doc.file) ?? '', e.vocab).find(
      (s) => s.index === doc.index,
    );
    return shape ? [{ shape, features: e.features, local: e.local }] : [];
  });
}

/**
 * Documents of a kind anywhere in the repo (its Flux apps' ExternalSecrets, say), as examples
 * where no sibling app has one: the repo's own style still beats the template's.
 */
export function repoExamplesOfKind(
  model: ArgoModel,
  kind: string,
  limit = EXAMPLE_LIMIT,
): Example[] {
  const skip = (name: string) => isToolFolder(name) || name === 'templates';
  const needle = new RegExp(`^kind:\\s*${kind}\\b`, 'm');
  const out: Example[] = [];
  for (const file of model.tree.yamlFilesUnder('', skip)) {
    if (out.length >= limit) break;
    for (const o of model.reader.objectsIf(file, [needle])) {
      if (o.kind !== kind || !o.name) continue;
      const vocab: Vocabulary = { app: o.name, ...(o.namespace ? { ns: o.namespace } : {}) };
      const shape = readShapes(model.tree.read(file) ?? '', vocab).find((x) => x.index === o.index);
      if (shape) out.push({ shape, features: {} });
    }
  }
  return out.slice(0, limit);
}
