import { otherStoresText } from '../secrets/secret-stores.ts';
import type { RepoContext } from '../engine/generator.ts';
import { FluxAppContext, type Placement } from '../engines/flux/flux-app-context.ts';
import type { ChartSourceConvention } from '../engines/flux/folder-conventions.ts';
import type { FluxCluster } from '../repo/flux-model.ts';
import { dig, str } from '../repo/graph/objects.ts';
import { clusterInfo, firstEntryFile } from './flux-clusters.ts';
import { emptyEngineInfo, type EngineDescriber } from './describer.ts';
import { fluxCommands } from './flux-commands.ts';
import type { AppsInfo, ClusterInfo, EngineInfo } from './info-model.ts';
import { sampleGroupOf } from './flux-commands.ts';
import { byUse } from '../learn/majority.ts';
import { isSorted } from '../text/compare-text.ts';
import { gatewayInfo, ingressClassInfo, spelled } from './words.ts';
import { gatewaysAt, hostnamePattern, ingressClasses } from '../engines/flux/ways-in.ts';
import * as charts from '../engines/flux/app-charts.ts';
import * as storage from '../engines/flux/app-storage.ts';

/** A Flux repo of any shape, read through FluxAppContext: what `homeops app` learns there. */
export const fluxDescriber: EngineDescriber = {
  engine: 'flux',
  describe(repo: RepoContext): EngineInfo {
    const ctx = new FluxAppContext(repo);
    const clusters = ctx.model.clusters();
    const first = clusters[0];
    const layout = repo.config.layout ?? layoutIfKnown(repo);
    const info = emptyEngineInfo('flux', layout, '');
    const entryFile = first ? firstEntryFile(ctx, first) : undefined;
    info.clusters = clusters.map((c) => clusterInfo(ctx, c, entryFile));
    // namespace folders, and where groups are not namespaces (layers, overlays), the apps' own
    info.namespaces = [
      ...new Set([
        ...clusters.flatMap((c) => ctx.namespaces(c)),
        ...info.clusters.flatMap((c) =>
          c.groups.flatMap((g) => (g.namespace === null ? g.appNamespaces : [])),
        ),
      ]),
    ].sort();
    if (!first) return info;
    const placement = samplePlacement(
      ctx,
      first,
      info.clusters[0] ?? clusterInfo(ctx, first, entryFile),
    );
    info.apps = appsInfo(ctx, placement, info.clusters);
    info.shape = shapeOf(ctx, first, info);
    info.chartSources = clusters
      .flatMap((c) => charts.chartSources(ctx, c))
      .filter((s, i, all) => all.findIndex((o) => o.file === s.file && o.name === s.name) === i)
      .map((s) => ({
        kind: s.kind,
        name: s.name,
        namespace: s.namespace ?? null,
        url: s.url,
        version: s.version ?? null,
        file: s.file,
        where: s.where,
      }));
    const gateways = gatewaysAt(ctx, placement);
    info.gateways =
      ctx.learn(placement, undefined).conventions.exposure === 'ingress'
        ? ingressClassInfo(ingressClasses(ctx, placement))
        : {
            kind: 'gateway',
            internal: gatewayInfo(gateways.internal),
            external: gatewayInfo(gateways.external),
            all: gateways.all.flatMap((g) => gatewayInfo(g) ?? []),
          };
    const hostname = hostnamePattern(ctx, placement);
    info.hostname = hostname === undefined ? null : spelled(hostname);
    const { examples, conventions } = ctx.learn(placement, undefined);
    const claimed = examples.flatMap((e) => [
      ...e.docs
        .filter((d) => d.role === 'claim')
        .map((d) => str(dig(d.object?.data, 'spec', 'storageClassName'))),
      ...Object.values(
        (dig(e.helmRelease?.data, 'spec', 'values', 'persistence') ?? {}) as Record<
          string,
          unknown
        >,
      ).map((p) => str(dig(p, 'storageClass'))),
    ]);
    const pinned = storage.storageClass(ctx, placement);
    info.storage = {
      classes: byUse([pinned, ...claimed]),
      claims: examples.some((e) => e.features.storage) ? conventions.storage.kind : null,
      backupComponent:
        conventions.storage.kind === 'component'
          ? {
              components: conventions.storage.components,
              capacityVar: conventions.storage.capacityVar ?? null,
              claimName: spelled(conventions.storage.claimName),
            }
          : null,
    };
    info.secrets = {
      stores: ctx.secrets.stores().map((s) => ({
        name: s.name,
        provider: s.provider,
        vaults: s.vaults,
        file: s.file,
      })),
      other: otherStoresText(ctx.secrets.otherStores()),
      onePasswordItems: null,
    };
    return info;
  },
  commands: fluxCommands,
};

function layoutIfKnown(repo: RepoContext): string | null {
  try {
    return repo.layout.id;
  } catch {
    return null; // both engines: the generators need a pin, info describes each
  }
}

/** Where a new app would go, to learn from: the group the sample commands name. */
function samplePlacement(ctx: FluxAppContext, cluster: FluxCluster, info: ClusterInfo): Placement {
  const sample = sampleGroupOf(info.groups);
  const group = ctx.model.groups(cluster).find((g) => g.unit.dir === sample?.dir);
  const namespaces = ctx.namespaces(cluster);
  const ns = (group && ctx.model.groupNamespace(group)) ?? namespaces[0] ?? '';
  return ctx.place(cluster, ns, group ? ctx.model.groupName(group) : undefined);
}

function appsInfo(
  ctx: FluxAppContext,
  placement: Placement,
  clusters: readonly ClusterInfo[],
): AppsInfo {
  const { conventions } = ctx.learn(placement, undefined);
  const count = clusters.reduce((n, c) => n + c.groups.reduce((m, g) => m + g.apps.length, 0), 0);
  const group = placement.group;
  const flat = ctx.flat(placement.cluster);
  const flatRoot = placement.cluster.roots[0]?.path ?? '';
  const entries = group ? ctx.model.apps(group).map((a) => a.registration.entry) : [];
  const listFile = group?.unit.file;
  const listNamespace = group && ctx.model.groupNamespace(group);
  const abstractFile =
    listFile && listNamespace ? listFile.replace(`/${listNamespace}/`, '/⟪ns⟫/') : listFile;
  return {
    count,
    entryFile: flat ? '<app>/<app>.yaml' : spelled(conventions.entryFile),
    appDir: flat
      ? [flatRoot, '<namespace>/<app>'].filter(Boolean).join('/')
      : spelled(conventions.appDir) || null,
    registration: flat
      ? {
          how: 'none',
          line: null,
          file: null,
          order: null,
          pickedUpBy: `the Kustomization ${placement.cluster.roots[0]?.name ?? ''}, which reads every file under ${placement.cluster.roots[0]?.path || '.'}`,
        }
      : {
          how: 'list',
          line: spelled(conventions.registration),
          file: abstractFile ? spelled(abstractFile) : null,
          order: isSorted(entries) ? 'sorted' : 'appended',
          pickedUpBy: null,
        },
    files: Object.fromEntries(
      Object.entries(conventions.files).map(([role, name]) => [role, spelled(name ?? '')]),
    ),
    chartSource: chartSourceText(conventions.chartSource),
  };
}

function chartSourceText(c: ChartSourceConvention | undefined): string | null {
  if (!c) return null;
  switch (c.kind) {
    case 'per-app':
      return `an OCIRepository of its own in each app, named ${spelled(c.name)}`;
    case 'shared':
      return `the shared source ${c.name} in ${c.namespace} (chartRef)`;
    case 'component':
      return `the source ${c.name} every namespace gets from a component (chartRef)`;
    case 'helm-repository':
      return `HelmRepository ${c.name}${c.namespace ? ` in ${c.namespace}` : ''} (chart.spec)`;
  }
}

function shapeOf(ctx: FluxAppContext, cluster: FluxCluster, info: EngineInfo): string {
  const n = info.clusters.length;
  const clusters = n > 1 ? `${n} clusters (${info.clusters.map((c) => c.name).join(', ')})` : '';
  if (ctx.flat(cluster))
    return `Flux, flat: each app is a folder of manifests (<namespace>/<app>/<app>.yaml) that the root Kustomization reads whole${clusters ? `; ${clusters}` : ''}`;
  const apps = info.apps;
  const rootPaths = cluster.roots.map((r) => r.path);
  const groups = info.clusters[0]?.groups.every((g) => rootPaths.includes(g.dir))
    ? 'a list of app entries'
    : ctx.groupsAreNamespaces(cluster)
      ? 'namespace folders'
      : 'layer folders';
  const rootDirs = new Set(cluster.roots.map((r) => r.path));
  const apart =
    apps?.appDir && ![...rootDirs].some((d) => d !== undefined && apps.appDir?.startsWith(`${d}/`));
  const trees =
    n > 1
      ? apart
        ? `${clusters}, each with`
        : `one tree per cluster: ${clusters}, each with`
      : 'one tree of';
  return `Flux, ${trees} ${groups}; an app is ${apps?.entryFile ?? '?'} (a Flux Kustomization) deploying ${apps?.appDir ?? '?'}${apart ? ', app folders kept apart from their entries' : ''}`;
}
