import { posix } from 'node:path';
import { majorityOf } from '../../learn/majority.ts';
import { abstractText } from '../../learn/vocabulary.ts';
import { chartOf, type FileRole } from '../../repo/graph/app-files.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { hasChartIngress } from '../../repo/ingress-classes.ts';
import type { AppExample } from './examples.ts';

/** Where a new app's files go and which it has, as its siblings do it (abstract: `⟪app⟫`). */
export interface FolderConventions {
  /** The entry file, relative to its group's folder: `⟪app⟫/ks.yaml`, `⟪app⟫.yaml`. */
  entryFile: string;
  /** The line that registers it in the group's kustomization: `./⟪app⟫/ks.yaml`. */
  registration: string;
  /** The app folder, repo-relative: `kubernetes/apps/⟪ns⟫/⟪app⟫/app`. */
  appDir: string;
  /** Whether `spec.path` is written with a leading `./`. */
  dotSlash: boolean;
  /** File names by role, relative to the app folder. */
  files: Partial<Record<FileRole, string>>;
  /** Whether the app folder has a kustomization.yaml. */
  kustomization: boolean;
  /** The order the app kustomization lists its files in, as the siblings list theirs. */
  resourceOrders: string[][];
  /** `./` before each file the app kustomization lists, or nothing, as the siblings write them. */
  resourcePrefix: string;
  chartSource: ChartSourceConvention | undefined;
  routeIn: 'values' | 'file';
  /** How the routed siblings are reached: Gateway API routes, or their chart's `ingress:` values. */
  exposure: 'gateway' | 'ingress';
  storage: StorageConvention;
  /** Whether each app folder holds a Namespace of its own (ClusterTool). */
  namespaceFile: boolean;
}

export type ChartSourceConvention =
  /** An OCIRepository per app, named as the siblings name theirs (`⟪app⟫`, `app-template`). */
  | { kind: 'per-app'; name: string }
  /** One source for every app, in another namespace. */
  | { kind: 'shared'; name: string; namespace: string }
  /** A source every namespace gets from a component: no file of the app's own. */
  | { kind: 'component'; name: string }
  /** HelmRepository `chart.spec`. */
  | { kind: 'helm-repository'; name: string; namespace: string | undefined };

export type StorageConvention =
  | { kind: 'values' }
  /** A PersistentVolumeClaim file of the app's own, named as the siblings name theirs. */
  | { kind: 'file'; claimName: string }
  /** A backup component provides the claim: its path, the size variable, the claim name. */
  | {
      kind: 'component';
      components: string[];
      capacityVar: string | undefined;
      /** The size the component gives where the variable is not set (`${VOLSYNC_CAPACITY:=5Gi}`). */
      capacityDefault?: string;
      /** The variable the component's claim takes its class from (`${KOPIUR_STORAGECLASS:=ceph}`). */
      classVar?: string;
      claimName: string;
    };

/** A storage size as substitute values write it (`5Gi`). */
export const QUANTITY = /^\d+(\.\d+)?[KMGTPE]i?$/;

/** Learn the folder conventions from the examples (the new app's group first). */
export function learnFolderConventions(
  examples: readonly AppExample[],
  chartUrl: string | undefined,
  /** The repo's files, to read a backup component's own variables where the siblings set none. */
  tree?: RepoTree,
): FolderConventions {
  const local = examples.filter((e) => e.local);
  const placementFrom = local.length > 0 ? local : examples;
  const abs = (e: AppExample, text: string) => abstractText(text, e.vocab);
  // where an app's files go is learned from siblings whose paths name their app: an
  // envoy-config Kustomization deploying envoy/config says nothing of where another app goes
  const placed = (of: (e: AppExample) => string): string | undefined => {
    const naming = (xs: readonly AppExample[]) => xs.map(of).filter((v) => v.includes('⟪app⟫'));
    const near = naming(placementFrom);
    return majorityOf(near.length ? near : naming(examples), (v) => v);
  };
  const sameChart = examples.filter((e) => e.features.appTemplate);
  const shapeFrom = sameChart.length > 0 ? sameChart : examples;

  const files: Partial<Record<FileRole, string>> = {};
  const roles = new Set(shapeFrom.flatMap((e) => e.docs.map((d) => d.role)));
  for (const role of roles) {
    if (role === 'entry') continue;
    const having = shapeFrom.filter((e) => e.docs.some((d) => d.role === role));
    const name = majorityOf(having, (e) => {
      const doc = e.docs.find((d) => d.role === role);
      return doc && e.app.ks.path !== undefined
        ? abs(e, posix.relative(e.app.ks.path, doc.file))
        : '';
    });
    if (name) files[role] = name;
  }
  const listed = shapeFrom.flatMap((e) => {
    const k = e.docs.find((d) => d.role === 'kustomization');
    const list = dig(k?.object?.data, 'resources');
    return Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [];
  });
  const resourcePrefix =
    listed.length && listed.filter((x) => !x.startsWith('./')).length * 2 > listed.length
      ? ''
      : './';
  return {
    entryFile:
      placed((e) => abs(e, posix.relative(e.app.group.dir, e.app.ks.object.file))) ??
      '⟪app⟫/ks.yaml',
    registration: placed((e) => abs(e, e.app.registration.entry)) ?? './⟪app⟫/ks.yaml',
    appDir: placed((e) => abs(e, e.app.ks.path ?? '')) ?? '',
    dotSlash:
      majorityOf(examples, (e) =>
        String(str(dig(e.app.ks.object.data, 'spec', 'path'))?.startsWith('./') ?? true),
      ) !== 'false',
    files,
    // whatever their charts, the namespace's own apps say first whether a folder lists its files
    kustomization: majority(
      local.length >= 2 ? local : shapeFrom,
      (e) => e.docs.some((d) => d.role === 'kustomization'),
      true,
    ),
    resourceOrders: shapeFrom.flatMap((e) => {
      const k = e.docs.find((d) => d.role === 'kustomization');
      const list = dig(k?.object?.data, 'resources');
      return Array.isArray(list)
        ? [list.filter((x): x is string => typeof x === 'string').map((x) => abs(e, x))]
        : [];
    }),
    resourcePrefix,
    chartSource: chartSourceOf(sameChart.length ? sameChart : examples, chartUrl),
    routeIn: majority(
      examples.filter((e) => e.features.route),
      (e) => !e.docs.some((d) => d.role === 'route'),
      true,
    )
      ? 'values'
      : 'file',
    exposure: majority(
      examples.filter((e) => e.features.route),
      (e) =>
        !e.docs.some((d) => d.role === 'route') &&
        dig(e.helmRelease?.data, 'spec', 'values', 'route') === undefined &&
        hasChartIngress(dig(e.helmRelease?.data, 'spec', 'values')),
      false,
    )
      ? 'ingress'
      : 'gateway',
    storage: storageOf(examples, tree),
    namespaceFile: majority(shapeFrom, (e) => e.docs.some((d) => d.role === 'namespace'), false),
  };
}

/** Whether more than half of `xs` hold `test` (none: `fallback`). */
function majority<T>(xs: readonly T[], test: (x: T) => boolean, fallback: boolean): boolean {
  if (xs.length === 0) return fallback;
  return xs.filter(test).length * 2 > xs.length;
}

function chartSourceOf(
  examples: readonly AppExample[],
  chartUrl: string | undefined,
): ChartSourceConvention | undefined {
  const kinds = examples.flatMap((e): ChartSourceConvention[] => {
    if (!e.helmRelease) return [];
    const chart = chartOf(e.helmRelease);
    const ns = str(dig(e.helmRelease.data, 'spec', 'chartRef', 'namespace'));
    if (chart.sourceKind === 'HelmRepository') {
      const namespace = str(
        dig(e.helmRelease.data, 'spec', 'chart', 'spec', 'sourceRef', 'namespace'),
      );
      return [{ kind: 'helm-repository', name: chart.sourceName ?? '', namespace }];
    }
    if (chart.sourceName === undefined) return [];
    if (ns) return [{ kind: 'shared', name: chart.sourceName, namespace: ns }];
    const own = e.docs.some(
      (d) => d.role === 'chart-source' && d.object?.name === chart.sourceName,
    );
    const url = e.docs.find((d) => d.role === 'chart-source')?.object;
    if (own && chartUrl && str(dig(url?.data, 'spec', 'url')) !== chartUrl) return [];
    return own
      ? [{ kind: 'per-app', name: abstractText(chart.sourceName, e.vocab) }]
      : [{ kind: 'component', name: chart.sourceName }];
  });
  const winner = majorityOf(kinds, (k) => JSON.stringify(k));
  return winner ? (JSON.parse(winner) as ChartSourceConvention) : undefined;
}

function storageOf(examples: readonly AppExample[], tree: RepoTree | undefined): StorageConvention {
  const stored = examples.filter((e) => e.features.storage);
  const plain = examples.filter((e) => !e.features.storage);
  if (stored.length === 0) return { kind: 'values' };
  const componentsOf = (e: AppExample) =>
    ((dig(e.app.ks.object.data, 'spec', 'components') ?? []) as unknown[]).filter(
      (c): c is string => typeof c === 'string',
    );
  // components most stored apps carry and most others do not: the backup component
  const backup = [...new Set(stored.flatMap(componentsOf))].filter(
    (c) =>
      stored.filter((e) => componentsOf(e).includes(c)).length * 2 > stored.length &&
      plain.filter((e) => componentsOf(e).includes(c)).length * 2 <= plain.length,
  );
  if (backup.length > 0) {
    const capacity = majorityOf(stored, (e) => {
      const sub = (dig(e.app.ks.object.data, 'spec', 'postBuild', 'substitute') ?? {}) as Record<
        string,
        unknown
      >;
      return Object.keys(sub).find((k) => QUANTITY.test(String(sub[k]))) ?? '';
    });
    const claim = majorityOf(stored, (e) => {
      const persistence = (dig(e.helmRelease?.data, 'spec', 'values', 'persistence') ??
        {}) as Record<string, unknown>;
      const existing = Object.values(persistence)
        .map((p) => dig(p, 'existingClaim'))
        .find((c) => typeof c === 'string');
      return typeof existing === 'string' ? abstractText(existing, e.vocab) : '⟪app⟫';
    });
    // siblings that keep the component's default size set no variable: the component names it
    const own = capacity ? undefined : componentCapacity(tree, stored, backup);
    const classVar = componentVariable(tree, stored, backup, CLASS_VARIABLE)?.name;
    return {
      kind: 'component',
      components: backup,
      capacityVar: capacity || own?.name,
      ...(own ? { capacityDefault: own.default } : {}),
      ...(classVar ? { classVar } : {}),
      claimName: claim ?? '⟪app⟫',
    };
  }
  const claims = stored.flatMap((e) =>
    e.docs
      .filter((d) => d.role === 'claim' && d.object?.name)
      .map((d) => abstractText(d.object?.name ?? '', e.vocab)),
  );
  return claims.length * 2 > stored.length
    ? { kind: 'file', claimName: majorityOf(claims, (c) => c) ?? '⟪app⟫' }
    : { kind: 'values' };
}

/**
 * The size variable a backup component's claim reads (`storage: ${KOPIUR_CAPACITY:=5Gi}`) and its
 * default, from the component's own files. Flux resolves a Kustomization's components from its
 * `spec.path`.
 */
function componentCapacity(
  tree: RepoTree | undefined,
  stored: readonly AppExample[],
  components: readonly string[],
): { name: string; default: string } | undefined {
  const found = componentVariable(tree, stored, components, CAPACITY_VARIABLE);
  return found?.default ? { name: found.name, default: found.default } : undefined;
}

const CAPACITY_VARIABLE = /\bstorage:\s*["']?\$\{([A-Z][A-Z0-9_]*):=(\d+(?:\.\d+)?[KMGTPE]i?)\}/;
const CLAIM_KIND = /^kind:\s*["']?PersistentVolumeClaim["']?\s*$/m;
const CLASS_VARIABLE = /\bstorageClassName:\s*["']?\$\{([A-Z][A-Z0-9_]*)(?::=([^}"'\s]*))?\}/;

/** A variable a backup component's files read where `pattern` finds it: its name and default. */
function componentVariable(
  tree: RepoTree | undefined,
  stored: readonly AppExample[],
  components: readonly string[],
  pattern: RegExp,
): { name: string; default: string | undefined } | undefined {
  const base = stored.find((e) => e.app.ks.path !== undefined)?.app.ks.path;
  if (!tree || base === undefined) return undefined;
  for (const component of components) {
    const dir = posix.normalize(posix.join(base, component));
    // the claim's own file first: a cache volume elsewhere in the component has a class of its own
    const texts = tree.children(dir).map((name) => tree.read(posix.join(dir, name)) ?? '');
    const claimFirst = [...texts].sort(
      (a, b) => Number(CLAIM_KIND.test(b)) - Number(CLAIM_KIND.test(a)),
    );
    for (const text of claimFirst) {
      const found = pattern.exec(text);
      if (found?.[1]) return { name: found[1], default: found[2] };
    }
  }
  return undefined;
}
