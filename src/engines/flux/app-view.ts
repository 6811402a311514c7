import { HomeopsError } from '../../errors.ts';
import { majorityOf } from '../../learn/majority.ts';
import { fillText } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import type { GatewayRef } from '../../repo/gateways.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import { APP_TEMPLATE_URL } from '../../flux/app-template.ts';
import type { AppExample } from './examples.ts';
import { secretNameFor } from '../../secrets/secret-name.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';
import type { FolderConventions } from './folder-conventions.ts';
import { learnedDependencies, lookUpDependency, type KsRef } from './dependencies.ts';
import { storeDependency } from './external-secret.ts';
import { vocabularyOf } from './vocabulary-of.ts';
import { wayIn, type WayIn } from './ways-in.ts';
import * as charts from './app-charts.ts';

/** What the Flux app templates are rendered from: the inputs, placed and named as the repo does. */
export interface AppView {
  app: string;
  namespace: string;
  schemas: Record<
    'ks' | 'helmrelease' | 'ocirepository' | 'httproute' | 'externalsecret' | 'kustomization',
    string | null
  >;
  ks: {
    components: string[];
    dependsOn: { name: string; namespace: string | null }[];
    interval: string;
    path: string;
    substituteFrom: { name: string; kind: string; optional: boolean | null }[];
    substitute: { key: string; value: string }[];
    sourceRef: { kind: string; name: string; namespace: string };
    targetNamespace: boolean;
    hasWait: boolean;
    wait: boolean;
    /** The namespace the new Kustomization lives in. */
    ownNamespace: string | undefined;
    metadataNamespace: string | null;
  };
  chart: {
    url: string;
    version: string;
    kind: 'OCIRepository' | 'HelmRepository';
    sourceName: string;
    sourceNamespace: string | null;
    /** The chart's name in a Helm repository (chart.spec), else null. */
    chartName: string | null;
    /** Whether the app has an OCIRepository file of its own. */
    ownSource: boolean;
  };
  appTemplate: boolean;
  image: { repository: string; tag: string } | null;
  port: number | null;
  probe: { path: string | null };
  envFrom: string[];
  security: {
    podOptionsKey: string;
    user: number;
    group: number;
    seccompProfile: string | null;
    flow: boolean;
  };
  /** The route's hostname and its way in: a Gateway, or the class of a chart ingress. */
  route: { hostname: string; gateway: GatewayRef | null; className: string | null } | null;
  routeInValues: boolean;
  ingressInValues: boolean;
  storage: {
    size: string;
    storageClass: string | null;
    mountPath: string;
    inValues: boolean;
    claimFile: boolean;
    claimName: string;
  } | null;
  recreate: boolean;
  metadataNamespace: string;
  /** A flat repo's app waits for what it needs on its HelmRelease (it has no Kustomization). */
  hrDependsOn: { name: string; namespace: string | null }[];
  warnings: string[];
}

export function appView(
  ctx: FluxAppContext,
  spec: AppSpec,
  placement: Placement,
  conventions: FolderConventions,
  examples: readonly AppExample[],
): AppView {
  const vocab = vocabularyOf(spec, ctx, placement);
  const resolved = charts.resolveChart(ctx, placement, spec.chart, spec.chartVersion);
  const chartUrl = resolved.url ?? APP_TEMPLATE_URL;
  const appTemplate =
    chartUrl === APP_TEMPLATE_URL ||
    (spec.chart.kind === 'helm' && spec.chart.chart === 'app-template');
  // a flat repo's HelmRelease lives in the app's namespace; an entry where its group puts it
  const ownNamespace = ctx.flat(placement.cluster)
    ? spec.namespace
    : (placement.group?.unit.namespace ??
      majorityOf(
        examples.map((e) => e.app.ks.object.namespace ?? ''),
        (n) => n,
      ) ??
      spec.namespace);
  const storage = spec.storage;
  const mode = conventions.storage;
  const deps = dependencies(ctx, spec, placement, examples, ownNamespace);
  const way =
    spec.route.kind === 'none' ? undefined : wayInFor(ctx, placement, spec.route.kind, appTemplate);
  const gateway = way?.kind === 'gateway' ? way.gateway : undefined;
  const className = way?.kind === 'ingress' ? way.className : undefined;
  const learned = conventions.chartSource;
  const helm = spec.chart.kind === 'helm' ? spec.chart : undefined;
  const shared = !helm && resolved.source?.where === 'shared' ? resolved.source : undefined;
  const component = !helm && resolved.source?.where === 'component' ? resolved.source : undefined;
  const perAppName =
    learned?.kind === 'per-app' ? (fillText(learned.name, vocab) ?? spec.name) : spec.name;
  return {
    app: spec.name,
    namespace: spec.namespace,
    schemas: schemasOf(ctx),
    ks: {
      components: storage && mode.kind === 'component' ? mode.components : [],
      dependsOn: deps,
      interval: '1h',
      path: `${conventions.dotSlash ? './' : ''}${fillText(conventions.appDir, vocab) ?? `${spec.namespace}/${spec.name}/app`}`,
      substituteFrom: [],
      substitute:
        storage && mode.kind === 'component'
          ? [
              { key: 'APP', value: spec.name },
              // a size the component gives by default needs no variable, as the siblings set none
              ...(mode.capacityVar && storage.size !== mode.capacityDefault
                ? [{ key: mode.capacityVar, value: storage.size }]
                : []),
            ]
          : [],
      sourceRef: { kind: 'GitRepository', name: 'flux-system', namespace: 'flux-system' },
      targetNamespace: true,
      hasWait: true,
      wait: false,
      ownNamespace,
      metadataNamespace: ownNamespace === spec.namespace ? null : ownNamespace,
    },
    chart: {
      url: chartUrl,
      version: spec.chartVersion ?? '',
      kind: helm ? 'HelmRepository' : 'OCIRepository',
      sourceName: helm
        ? helm.repository
        : shared
          ? shared.name
          : component
            ? component.name
            : perAppName,
      sourceNamespace: helm
        ? (resolved.source?.namespace ?? 'flux-system')
        : (shared?.namespace ?? null),
      chartName: helm ? helm.chart : null,
      ownSource: !helm && !shared && !component,
    },
    appTemplate,
    image: spec.image ?? null,
    port: spec.port ?? null,
    probe: { path: spec.healthPath ?? null },
    envFrom: spec.secret ? [secretNameFor(examples, spec.name)] : [],
    security: {
      podOptionsKey: 'defaultPodOptions',
      user: 65534,
      group: 65534,
      seccompProfile: 'RuntimeDefault',
      flow: false,
    },
    route:
      way && spec.route.hostname
        ? { hostname: spec.route.hostname, gateway: gateway ?? null, className: className ?? null }
        : null,
    routeInValues: gateway !== undefined && appTemplate && conventions.routeIn === 'values',
    ingressInValues: className !== undefined,
    storage: storage
      ? {
          size: storage.size,
          storageClass: storage.storageClass ?? null,
          mountPath: storage.mountPath,
          inValues: mode.kind === 'values',
          claimFile: mode.kind === 'file',
          claimName:
            mode.kind === 'component' || mode.kind === 'file'
              ? (fillText(mode.claimName, vocab) ?? spec.name)
              : spec.name,
        }
      : null,
    recreate: storage !== undefined,
    metadataNamespace: spec.namespace,
    hrDependsOn: ctx.flat(placement.cluster) ? deps : [],
    warnings: [],
  };
}

function wayInFor(
  ctx: FluxAppContext,
  placement: Placement,
  kind: 'internal' | 'external',
  appTemplate: boolean,
): WayIn {
  const found = wayIn(ctx, placement, kind, appTemplate);
  if (!('problem' in found)) return found;
  throw new HomeopsError('INVALID_INPUT', found.problem.message, {
    field: 'route',
    ...(found.problem.fix ? { fix: found.problem.fix } : {}),
  });
}

/** The dependsOn entries, each once: the inputs', then what siblings with the app's features depend on. */
function dependencies(
  ctx: FluxAppContext,
  spec: AppSpec,
  placement: Placement,
  examples: readonly AppExample[],
  own: string,
): { name: string; namespace: string | null }[] {
  const refs = new Map<string, KsRef>();
  for (const dep of spec.dependsOn) {
    const found = lookUpDependency(ctx, placement.cluster, dep);
    if ('problem' in found)
      throw new HomeopsError('INVALID_INPUT', found.problem.message, {
        field: 'dependsOn',
        fix: found.problem.fix,
      });
    refs.set(`${found.ref.namespace}/${found.ref.name}`, found.ref);
  }
  const store = spec.secret
    ? ctx.secrets.pick(
        spec.secret.store,
        ctx.storesScope(placement.cluster),
        ctx.storesOf(placement.cluster),
      )
    : undefined;
  const storeRef = store
    ? storeDependency(ctx, placement.cluster, store.file, examples)
    : undefined;
  const learned = [
    ...learnedDependencies(examples, {
      appTemplate:
        charts.resolveChart(ctx, placement, spec.chart, spec.chartVersion).url === APP_TEMPLATE_URL,
      storage: spec.storage !== undefined,
      secret: spec.secret !== undefined,
      route: spec.route.kind !== 'none',
    }),
    ...(storeRef ? [storeRef] : []),
  ];
  for (const ref of learned)
    if (!(ref.name === spec.name && (ref.namespace ?? own) === own))
      refs.set(`${ref.namespace}/${ref.name}`, ref);
  return [...refs.values()].map((r) => ({
    name: r.name,
    namespace: r.namespace === own || r.namespace === undefined ? null : r.namespace,
  }));
}

/** Schema lines where the repo has none to learn from: the host its own Flux files use, if any. */
export function schemasOf(ctx: FluxAppContext): AppView['schemas'] {
  const root = ctx.model.graph.roots[0];
  const line =
    root &&
    ctx.repo.tree
      .read(root.object.file)
      ?.match(/# yaml-language-server: \$schema=(\S+)\/kustomize\.toolkit\.fluxcd\.io\//);
  const host =
    ctx.repo.config.conventions.schemaHost !== undefined
      ? ctx.repo.config.conventions.schemaHost
      : (line?.[1] ?? null);
  const url = (group: string, file: string) => (host ? `${host}/${group}/${file}` : null);
  return {
    ks: url('kustomize.toolkit.fluxcd.io', 'kustomization_v1.json'),
    helmrelease: url('helm.toolkit.fluxcd.io', 'helmrelease_v2.json'),
    ocirepository: url('source.toolkit.fluxcd.io', 'ocirepository_v1.json'),
    httproute: url('gateway.networking.k8s.io', 'httproute_v1.json'),
    externalsecret: url('external-secrets.io', 'externalsecret_v1.json'),
    kustomization: host ? 'https://json.schemastore.org/kustomization' : null,
  };
}

export { dig, str };
