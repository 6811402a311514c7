import { APP_TEMPLATE_URL } from '../../../src/flux/app-template.ts';
import type { ArgoAppContext } from '../../../src/engines/argocd/argo-app-context.ts';
import { isAppTemplateChart } from '../../../src/engines/argocd/argo-view.ts';
import * as check from '../../../src/inputs/checks.ts';
import {
  hasRoute,
  healthPathInput,
  imageInput,
  mountPathInput,
  portInput,
  routeInput,
  storageClassInput,
  storageInput,
} from '../../../src/inputs/common-inputs.ts';
import { applies, type Answers, type InputSpec } from '../../../src/inputs/input-spec.ts';
import { fillText } from '../../../src/learn/vocabulary.ts';
import { argoSecretInputs } from '../../secret/argocd-apps/secret-inputs.ts';
import { APP_TEMPLATE_FALLBACK_VERSION } from '../chart-inputs.ts';
import * as ways from '../../../src/engines/argocd/ways-in.ts';
import * as appNamespaces from '../../../src/engines/argocd/app-namespaces.ts';

const group = (a: Answers) => (typeof a.group === 'string' ? a.group : undefined);
const chartOf = (a: Answers, ctx: ArgoAppContext) => String(a.chart ?? ctx.defaultChart(group(a)));

const isAppTemplate = applies('with the app-template chart', (a: Answers, ctx: ArgoAppContext) =>
  isAppTemplateChart(chartOf(a, ctx)),
);
const hasContainer = applies(
  'with the app-template chart or plain manifests (--chart=none)',
  (a: Answers, ctx: ArgoAppContext) => isAppTemplate(a, ctx) || chartOf(a, ctx) === 'none',
);
const hasStorage = applies(
  'with --storage=<size>',
  (a: Answers, ctx: ArgoAppContext) =>
    hasContainer(a, ctx) && a.storage !== undefined && a.storage !== 'none',
);

/**
 * The `app` inputs of an Argo CD repo whose ApplicationSets pick up folders: the same names and
 * meaning as in a Flux repo, plus `--group` (`--tier`) where the repo has several groups.
 */
export const argoAppInputs: InputSpec<ArgoAppContext>[] = [
  {
    name: 'name',
    message: 'App name',
    help: 'name: the app, its folder and its Application (DNS-1123 label), e.g. echo',
    type: 'string',
    required: true,
    validate: (v: string) => check.appName(v),
    taken: (v: string, _a, ctx) => {
      const app = ctx.model.applications.find((x) => x.name === v);
      const folder = ctx.model.pickedFolders().find((f) => f.dir.endsWith(`/${v}`));
      const where = app?.object.file ?? folder?.dir;
      const off = where ? undefined : ctx.switchedOff(v);
      if (off)
        return {
          message: `an app named ${v} already exists (${off.dir}), switched off: its ${off.config} does not have ${off.labels}`,
          prompt: `an app named ${v} already exists (${off.dir}, switched off): type another name`,
        };
      return where
        ? {
            message: `an app named ${v} already exists (${where})`,
            prompt: `an app named ${v} already exists (${where}): type another name`,
          }
        : undefined;
    },
  },
  {
    name: 'cluster',
    message: 'Cluster',
    help: 'cluster: the cluster whose folder the app goes in, where the ApplicationSets name clusters in their paths (apps/<cluster>/...)',
    type: 'list',
    prompt: false,
    validate: (v: string[], _a, ctx) => {
      const known = ctx.clusterSegments();
      const wrong = v.filter((c) => !known.includes(c));
      return wrong.length
        ? {
            message: `no ApplicationSet of this repo picks up folders of cluster ${wrong.join(', ')}`,
            fix: known.length
              ? `pass --cluster=<one of: ${known.join(', ')}>`
              : 'leave --cluster out',
          }
        : undefined;
    },
  },
  {
    name: 'group',
    aliases: ['tier'],
    message: 'Group (the folder the app goes in)',
    help: 'group: the folder level between the root and the app (a category, a tier; --tier is the same); asked where the repo has several',
    type: 'choice',
    open: true,
    when: applies(
      'in a repo whose apps are in several groups (folders ApplicationSets pick up, or roots read)',
      (_a: Answers, ctx: ArgoAppContext) => ctx.groupNames().length > 1,
    ),
    // a missing group is refused by the plan, naming the groups the repo has
    choices: (ctx) => ctx.groupNames().map((g) => ({ name: g, value: g })),
    validate: (v: string) => check.dnsLabel(v, 'group'),
  },
  {
    name: 'namespace',
    message: 'Namespace',
    help: "namespace: where the app runs; default what its ApplicationSet gives it (the folder's name, the pattern's namespace level, or as the group's siblings set their config's key)",
    type: 'choice',
    open: true,
    required: true,
    choices: (ctx) => appNamespaces.namespaces(ctx).map((ns) => ({ name: ns, value: ns })),
    default: (ctx, a) => appNamespaces.defaultNamespace(ctx, String(a.name), group(a)),
    validate: (v: string, a, ctx) => {
      const problem = check.dnsLabel(v, 'namespace name');
      if (problem) return problem;
      const slot = ctx.slotOf(group(a));
      return slot
        ? appNamespaces.namespaceProblem(ctx, slot, group(a), String(a.name), v)
        : undefined;
    },
  },
  {
    name: 'chart',
    message: 'Helm chart (OCI URL, or none for plain manifests)',
    help: `chart: an OCI chart URL, a Helm repository URL and its chart ("https://charts.example.com app"), or none (plain manifests); default what the sibling apps use (${APP_TEMPLATE_URL} where they use no other)`,
    type: 'string',
    advanced: true,
    default: (ctx, a) => ctx.defaultChart(group(a)),
    validate: (v: string) =>
      v === 'none' || v.startsWith('oci://') || v.startsWith('https://')
        ? v.startsWith('oci://') && !v.includes(' ')
          ? check.ociUrl(v)
          : undefined
        : {
            message: `"${v}" is not a chart URL`,
            fix: 'pass an oci:// URL, <https repo URL>/<chart>, or none',
          },
  },
  imageInput<ArgoAppContext>(hasContainer),
  routeInput<ArgoAppContext>((v: string, _a, ctx) => {
    if (v === 'none') return undefined;
    if (ways.exposure(ctx) === 'ingressroute') {
      const points = ways.entryPoints(ctx);
      if (points[v as 'internal' | 'external']) return undefined;
      return {
        message: `this repo's IngressRoutes use ${points.all.map((p) => p.join(',')).join(' and ') || 'no entry points'}, none for ${v} routes`,
        fix: `use --route=${v === 'internal' ? 'external' : 'internal'}`,
      };
    }
    if (ways.exposure(ctx) === 'ingress') {
      const classes = ways.ingressClasses(ctx);
      if (classes[v as 'internal' | 'external']) return undefined;
      return {
        message: `this repo's apps use ${classes.all.length === 1 ? 'one ingress class,' : `no ingress class named for ${v} routes, only`} ${classes.all.join(', ')}`,
        fix: `use --route=${v === 'internal' ? 'external' : 'internal'}`,
      };
    }
    const gateways = ways.gateways(ctx);
    if (gateways[v as 'internal' | 'external']) return undefined;
    if (v === 'external' && ways.tailscale(ctx)) return undefined;
    const names = gateways.all.map((g) => g.name);
    if (names.length === 0)
      return {
        message: 'this repo has no Gateway its routes attach to',
        fix: 'pass --route=none, or set conventions.gatewayInternal in .homeops.yaml',
      };
    const other = v === 'internal' ? 'external' : 'internal';
    return {
      message: `this repo has ${names.length === 1 ? 'one Gateway,' : `no Gateway named for ${v} routes, only`} ${names.join(', ')}`,
      fix: gateways[other]
        ? `use --route=${other}`
        : `name the ${v} gateway in .homeops.yaml (conventions.gateway${v === 'internal' ? 'Internal' : 'External'})`,
    };
  }),
  {
    name: 'hostname',
    message: 'Hostname',
    help: "hostname: default the form the repo's routes of that kind use, e.g. echo.lab.example.net",
    type: 'string',
    required: true,
    when: hasRoute,
    default: (ctx, a) => {
      const pattern = ways.hostnamePattern(ctx, a.route === 'external' ? 'external' : 'internal');
      return pattern
        ? fillText(pattern.replace('⟪release⟫', '⟪app⟫'), { app: String(a.name) })
        : undefined;
    },
    // a tailnet machine name is one label (`memos`)
    validate: (v: string, a, ctx) =>
      a.route === 'external' && !ways.gateways(ctx).external && ways.tailscale(ctx)
        ? check.dnsLabel(v, 'tailnet hostname')
        : check.hostname(v),
  },
  // after the route: a chart's port is asked only where a route leads to it
  portInput<ArgoAppContext>((a, ctx) => hasContainer(a, ctx) || hasRoute(a)),
  healthPathInput<ArgoAppContext>(hasContainer),
  storageInput<ArgoAppContext>(hasContainer),
  storageClassInput<ArgoAppContext>(hasStorage, (ctx) => ctx.storageClass()),
  mountPathInput<ArgoAppContext>(hasStorage),
  {
    name: 'secret',
    message: 'Secrets from 1Password?',
    help: 'secret: true to add an ExternalSecret picked from 1Password (then --store, --vault, --item, --fields, --keys, --source)',
    type: 'boolean',
    when: hasContainer,
    default: () => false,
  },
  ...argoSecretInputs(
    applies('with --secret=true', (a: Answers) => a.secret === true),
    'with --secret=true in a repo with a 1Password ClusterSecretStore',
  ),
  {
    name: 'chartVersion',
    message: 'Chart version',
    help: 'chartVersion: default the version the sibling apps use for that chart',
    type: 'string',
    required: true,
    advanced: true,
    when: applies('with a chart', (a: Answers, ctx: ArgoAppContext) => chartOf(a, ctx) !== 'none'),
    default: (ctx, a) =>
      ctx.chartVersion(chartOf(a, ctx), group(a)) ??
      (isAppTemplate(a, ctx) ? APP_TEMPLATE_FALLBACK_VERSION : undefined),
    validate: (v: string) => check.version(v),
  },
];
