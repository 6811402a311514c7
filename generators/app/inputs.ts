import type { FluxCluster } from '../../src/repo/flux-model.ts';
import { APP_TEMPLATE_URL } from '../../src/flux/app-template.ts';
import { lookUpDependency } from '../../src/engines/flux/dependencies.ts';
import type { FluxAppContext, Placement } from '../../src/engines/flux/flux-app-context.ts';
import * as check from '../../src/inputs/checks.ts';
import {
  hasRoute,
  healthPathInput,
  imageInput,
  mountPathInput,
  portInput,
  routeInput,
  storageClassInput,
  storageInput,
} from '../../src/inputs/common-inputs.ts';
import { applies, type Answers, type InputSpec } from '../../src/inputs/input-spec.ts';
import { fillText } from '../../src/learn/vocabulary.ts';
import { secretInputs } from '../secret/secret-inputs.ts';
import { noOnePasswordStore } from '../../src/secrets/secret-stores.ts';
import { chartRef } from './app-spec.ts';
import { appNameTakenIn } from './name-taken.ts';

/** app-template's version when the repo has no app of its own to learn it from. */
export const APP_TEMPLATE_FALLBACK_VERSION = '4.4.0';

/** Where the answers so far place the app: its cluster, its group (namespace folder or layer). */
export function placementOf(ctx: FluxAppContext, a: Answers): Placement {
  const cluster = ctx.cluster(firstCluster(a));
  return ctx.place(
    cluster,
    String(a.namespace ?? ''),
    typeof a.group === 'string' ? a.group : undefined,
    typeof a.name === 'string' ? a.name : undefined,
  );
}

const firstCluster = (a: Answers): string | undefined =>
  Array.isArray(a.cluster) ? (a.cluster[0] as string | undefined) : undefined;

/** The chart the answers name, resolved against the repo's shared sources. */
const chartOf = (ctx: FluxAppContext, a: Answers) =>
  ctx.resolveChart(placementOf(ctx, a), chartRef(String(a.chart ?? APP_TEMPLATE_URL)));

const isAppTemplate = applies(
  'with the app-template chart (the default --chart)',
  (a: Answers, ctx: FluxAppContext) => {
    const ref = chartRef(String(a.chart ?? APP_TEMPLATE_URL));
    return ref.kind === 'helm'
      ? ref.chart === 'app-template'
      : chartOf(ctx, a).url === APP_TEMPLATE_URL;
  },
);
const hasStorage = applies(
  'with --storage=<size> (and the app-template chart)',
  (a: Answers, ctx: FluxAppContext) =>
    isAppTemplate(a, ctx) && a.storage !== undefined && a.storage !== 'none',
);

/** The `app` inputs of a Flux repo, in prompt order. Their names are the flags. */
export const appInputs: InputSpec<FluxAppContext>[] = [
  {
    name: 'name',
    message: 'App name',
    help: 'name: the app (DNS-1123 label), e.g. echo',
    type: 'string',
    required: true,
    validate: (v: string) => check.appName(v),
  },
  {
    name: 'cluster',
    message: 'Cluster',
    help: 'cluster: the cluster(s) the app goes to, comma-separated (a cluster with its own tree gets its own copy); default the only one',
    type: 'list',
    when: applies(
      'in a repo with several clusters',
      (_a: Answers, ctx: FluxAppContext) => ctx.clusterNames().length > 1,
    ),
    required: true,
    choices: (ctx) => ctx.clusterNames().map((c) => ({ name: c, value: c })),
  },
  {
    name: 'namespace',
    message: 'Namespace',
    help: 'namespace: an existing namespace, or a new one with --createNamespace',
    type: 'choice',
    open: true,
    required: true,
    choices: (ctx, a) =>
      ctx.namespaces(ctx.cluster(firstCluster(a))).map((ns) => ({ name: ns, value: ns })),
    default: (ctx, a) =>
      ctx.namespaces(ctx.cluster(firstCluster(a))).includes('default') ? 'default' : undefined,
    validate: (v: string) => check.dnsLabel(v, 'namespace name'),
    taken: (v: string, a, ctx) => appNameTakenIn(ctx, a, v),
  },
  {
    name: 'createNamespace',
    message: 'That namespace does not exist yet. Create it?',
    help: 'createNamespace: true to create the namespace when it does not exist',
    type: 'boolean',
    askWhen: (a, ctx) => needsNamespace(ctx, a),
    default: () => false,
    validate: (v: boolean, a, ctx) => {
      if (v || !needsNamespace(ctx, a)) return undefined;
      const known = ctx.namespaces(ctx.cluster(firstCluster(a)));
      return {
        field: 'namespace',
        message: `namespace "${String(a.namespace)}" does not exist`,
        prompt: 'not created: choose a namespace that exists, or type another',
        fix: `pass --createNamespace=true to create it${known.length ? `, or use one of: ${known.join(', ')}` : ''}`,
      };
    },
  },
  {
    name: 'group',
    message: 'Group (the folder the app goes in)',
    help: 'group: the folder between the root and the app (a ClusterTool layer); asked where the repo has several',
    type: 'choice',
    when: applies(
      'in a repo whose folders are layers, not namespaces',
      (a: Answers, ctx: FluxAppContext) => {
        const cluster = ctx.cluster(firstCluster(a));
        // the namespace's own folder takes the app, whatever the other folders are
        if (typeof a.namespace === 'string' && ctx.hasNamespace(cluster, a.namespace)) return false;
        return !ctx.groupsAreNamespaces(cluster);
      },
    ),
    required: true,
    choices: (ctx, a) =>
      ctx.groupNames(ctx.cluster(firstCluster(a))).map((g) => ({ name: g, value: g })),
    default: (ctx, a) => {
      const names = ctx.groupNames(ctx.cluster(firstCluster(a)));
      return names.length === 1 ? names[0] : names.includes('apps') ? 'apps' : undefined;
    },
  },
  {
    name: 'chart',
    message: 'Helm chart (OCI URL, or a chart source of the repo)',
    help: `chart: an OCI chart URL, the name of a chart source the repo shares (app-template), or <helm repository>/<chart>; default ${APP_TEMPLATE_URL}`,
    type: 'string',
    advanced: true,
    // as the siblings take app-template: its OCI URL, or their HelmRepository (bjw-s/app-template)
    default: (ctx, a) =>
      typeof a.namespace === 'string'
        ? ctx.appTemplateChart(placementOf(ctx, a))
        : APP_TEMPLATE_URL,
    validate: (v: string, a, ctx) => {
      if (v.startsWith('oci://')) return check.ociUrl(v);
      if (chartOf(ctx, { ...a, chart: v }).source) return undefined;
      const names = ctx
        .chartSources(ctx.cluster(firstCluster(a)))
        .map((s) => `${s.name} (${s.kind})`);
      return {
        message: `"${v}" is not an OCI chart URL nor a chart source of this repo`,
        fix: `pass an oci:// URL${names.length ? `, or one of: ${names.join(', ')}` : ''}`,
      };
    },
  },
  imageInput<FluxAppContext>(isAppTemplate),
  portInput<FluxAppContext>((a, ctx) => isAppTemplate(a, ctx) || hasRoute(a)),
  healthPathInput<FluxAppContext>(isAppTemplate),
  routeInput<FluxAppContext>((v: string, a, ctx) => {
    if (v === 'none' || typeof a.namespace !== 'string') return undefined;
    const gateways = ctx.gateways(placementOf(ctx, a));
    if (gateways[v as 'internal' | 'external']) return undefined;
    const names = gateways.all.map((g) => g.name);
    if (names.length === 0)
      return {
        message: 'this repo has no Gateway its routes attach to',
        fix: 'pass --route=none, or set conventions.gatewayInternal in .homeops.yaml',
      };
    const other = v === 'internal' ? 'external' : 'internal';
    return {
      message: `this repo has ${names.length === 1 ? 'one Gateway' : 'no Gateway named for ' + v + ' routes, only'} ${names.join(', ')}`,
      fix: gateways[other]
        ? `use --route=${other}`
        : `name the ${v} gateway in .homeops.yaml (conventions.gateway${v === 'internal' ? 'Internal' : 'External'})`,
    };
  }),
  {
    name: 'hostname',
    message: 'Hostname',
    help: 'hostname: default the form the repo\'s routes use, e.g. echo.${SECRET_DOMAIN} or "{{ .Release.Name }}.example.com"',
    type: 'string',
    when: hasRoute,
    default: (ctx, a) => {
      const pattern = ctx.hostnamePattern(placementOf(ctx, a)) ?? '⟪app⟫.${SECRET_DOMAIN}';
      return fillText(pattern, { app: String(a.name) });
    },
    validate: (v: string) => check.hostname(v),
  },
  storageInput<FluxAppContext>(isAppTemplate),
  storageClassInput<FluxAppContext>(hasStorage, (ctx, a) => ctx.storageClass(placementOf(ctx, a))),
  mountPathInput<FluxAppContext>(hasStorage, '/config', (ctx, a) =>
    ctx.mountPath(placementOf(ctx, a)),
  ),
  {
    name: 'dependsOn',
    message: 'Depends on (existing apps)',
    help: 'dependsOn: comma list of existing apps (or Flux Kustomizations), as app or namespace/app',
    type: 'list',
    open: true,
    choices: (ctx, a) => {
      const cluster = ctx.cluster(firstCluster(a));
      return ctx.model
        .groups(cluster)
        .flatMap((g) => ctx.model.apps(g))
        .map((app) => `${app.namespace ?? app.ks.namespace}/${app.ks.name}`)
        .map((v) => ({ name: v, value: v }));
    },
    default: () => [],
    validate: (v: string[], a, ctx) => {
      for (const dep of v) {
        const found = lookUpDependency(ctx, ctx.cluster(firstCluster(a)), dep);
        if ('problem' in found) return found.problem;
      }
      return undefined;
    },
  },
  {
    name: 'secret',
    message: 'Secrets from 1Password?',
    help: 'secret: true to add an ExternalSecret picked from 1Password (then --store, --vault, --item, --fields, --keys, --source)',
    type: 'boolean',
    when: isAppTemplate,
    // no question where a chosen cluster has no store to read 1Password through
    askWhen: (a, ctx) => withoutStore(ctx, a) === undefined,
    default: () => false,
    validate: (v: boolean, a, ctx) => {
      const cluster = v ? withoutStore(ctx, a) : undefined;
      if (!cluster) return undefined;
      const none = noOnePasswordStore(ctx.storesScope(cluster), ctx.secrets.otherStores());
      return { message: none.message, fix: `${none.fix ?? ''}; or leave --secret out` };
    },
  },
  ...secretInputs<FluxAppContext>(applies('with --secret=true', (a: Answers) => a.secret === true)),
  {
    name: 'chartVersion',
    message: 'Chart version',
    help: 'chartVersion: default the version the repo uses most for that chart (a shared source: its own)',
    type: 'string',
    required: true,
    advanced: true,
    default: (ctx, a) => {
      const { url, source } = chartOf(ctx, a);
      if (source?.version) return source.version;
      const ref = chartRef(String(a.chart ?? APP_TEMPLATE_URL));
      const chartName = ref.kind === 'helm' ? ref.chart : undefined;
      const learned = url ? ctx.chartVersion(placementOf(ctx, a), url, chartName) : undefined;
      return learned ?? (isAppTemplate(a, ctx) ? APP_TEMPLATE_FALLBACK_VERSION : undefined);
    },
    validate: (v: string, a, ctx) => {
      // a chart named by its source takes the source's version; an OCI URL may pin its own
      const { source } = chartOf(ctx, a);
      if (source?.version && v !== source.version && !String(a.chart ?? '').includes('://'))
        return {
          message: `the chart source ${source.name} (${source.file}) is at ${source.version}`,
          fix: `leave --chartVersion out (or pass ${source.version}); to pin another version for this app alone, pass --chart=${source.url}`,
        };
      return check.version(v);
    },
  },
];

/** The first of the chosen clusters (each gets the app) with no 1Password store, if one has none. */
function withoutStore(ctx: FluxAppContext, a: Answers): FluxCluster | undefined {
  const names = Array.isArray(a.cluster) ? (a.cluster as string[]) : [undefined];
  return names.map((n) => ctx.cluster(n)).find((c) => ctx.storesOf(c).length === 0);
}

function needsNamespace(ctx: FluxAppContext, a: Answers): boolean {
  const cluster = ctx.cluster(firstCluster(a));
  // an existing namespace folder needs nothing, whatever the other groups are
  return !ctx.hasNamespace(cluster, String(a.namespace)) && ctx.groupsAreNamespaces(cluster);
}
