import { posix } from 'node:path';
import { majorityOf } from '../../learn/majority.ts';
import { abstractText } from '../../learn/vocabulary.ts';
import { chartOf, type FileRole } from '../../repo/graph/app-files.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { hasChartIngress } from '../../repo/ingress-classes.ts';
import type { AppExample } from './examples.ts';
import { storageOf, type StorageConvention } from './storage-convention.ts';

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
