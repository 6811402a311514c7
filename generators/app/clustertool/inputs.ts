import {
  imageInput,
  mountPathInput,
  portInput,
  storageClassInput,
  storageInput,
} from '../../../src/inputs/common-inputs.ts';
import type { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import * as check from '../../../src/inputs/checks.ts';
import type { Answers, InputSpec, Problem } from '../../../src/inputs/input-spec.ts';
import {
  isAppTemplate,
  isRepositoryUrl,
  isTruecharts,
  newRepositoryName,
  repositoryOf,
} from './chart-kind.ts';

export type ClustertoolAppAnswers = {
  name: string;
  /** Always the app's name here. */
  namespace: string;
  layer: string;
  /** A HelmRepository name from repositories/helm/, or the URL of a new one. */
  repository: string;
  /** The name of the new HelmRepository when `repository` is a new URL. */
  repositoryName?: string;
  chart: string;
  chartVersion: string;
  image?: string;
  port?: number;
  /** The shared --route, which picks `ingress`. */
  route?: string;
  ingress: string;
  hostname?: string;
  loadBalancer: boolean;
  storage: string;
  storageClass?: string;
  mountPath?: string;
  dependsOn: string[];
};

/** Namespaces an app must never take over: its namespace.yaml is pruned with the app. */
const RESERVED_NAMESPACES = [
  'default',
  'flux-system',
  'kube-system',
  'kube-public',
  'kube-node-lease',
];

const knownValues = (a: Answers, ctx: ClustertoolContext) =>
  isAppTemplate(a) || isTruecharts(ctx, a);
const hasStorage = (a: Answers, ctx: ClustertoolContext) =>
  knownValues(a, ctx) && a.storage !== undefined && a.storage !== 'none';

/** The `app` inputs of the clustertool layout, in prompt order. Their names are the flags. */
export const clustertoolAppInputs: InputSpec<ClustertoolContext>[] = [
  {
    name: 'name',
    message: 'App name',
    help: 'name: the app (DNS-1123 label); also its namespace, e.g. whoami',
    type: 'string',
    required: true,
    validate: (v: string) =>
      check.appName(v) ??
      (RESERVED_NAMESPACES.includes(v)
        ? {
            message: `"${v}" is a system namespace: the app's namespace.yaml would take it over (and prune it with the app)`,
            fix: 'choose another --name',
          }
        : undefined),
    // every ks.yaml is a Kustomization in flux-system: the name conflicts in every layer
    taken: (v: string, _a, ctx) => {
      const layers = ctx.index.layersOf(v);
      return layers.length
        ? {
            message: `app ${v} already exists in layer ${layers.join(', ')}`,
            prompt: `an app named ${v} already exists (layer ${layers.join(', ')}): type another name`,
          }
        : undefined;
    },
  },
  {
    // the shared vocabulary: every app here has its own namespace, named after it
    name: 'namespace',
    message: 'Namespace',
    help: "namespace: the app's own, named after it (its namespace.yaml); any other is refused",
    type: 'string',
    prompt: false,
    default: (_ctx, a) => a.name,
    validate: (v: string, a) =>
      v === a.name
        ? undefined
        : {
            message: `in this repo every app has a namespace of its own, named after the app (its app/namespace.yaml): ${String(a.name)}, not ${v}`,
            fix: `leave --namespace out, or pass --namespace=${String(a.name)}`,
          },
  },
  {
    name: 'layer',
    aliases: ['group'],
    message: 'Layer',
    help: 'layer: the folder under clusters/main/kubernetes (apps, networking, core, system); default apps',
    type: 'choice',
    required: true,
    choices: (ctx) => ctx.index.layers().map((l) => ({ name: l, value: l })),
    default: (ctx) => (ctx.index.hasLayer('apps') ? 'apps' : undefined),
    validate: (v: string, a, ctx) => {
      const elsewhere = ctx.index.layersOf(a.name as string).filter((l) => l !== v);
      return elsewhere.length
        ? {
            message: `app ${String(a.name)} already exists in layer ${elsewhere.join(', ')} (every ks.yaml is a Kustomization in flux-system: names are shared by all layers)`,
            fix: 'choose another --name',
          }
        : undefined;
    },
  },
  {
    name: 'repository',
    message: 'Helm repository (a name from repositories/helm/, or the URL of a new one)',
    help: 'repository: an existing HelmRepository name, or an https:// or oci:// URL to add; default the one most apps use',
    type: 'choice',
    open: true,
    required: true,
    choices: (ctx) =>
      ctx.index.helmRepositories().map((r) => ({ name: `${r.name} (${r.url})`, value: r.name })),
    default: (ctx) => ctx.conventions().repository ?? ctx.index.helmRepositories()[0]?.name,
    validate: (v: string, _a, ctx): Problem | undefined => {
      if (ctx.index.helmRepository(v)) return undefined;
      if (/^(https?|oci):\/\//.test(v)) return helmRepositoryUrl(v);
      return {
        message: `no HelmRepository named "${v}" in repositories/helm/`,
        fix: `use one of ${ctx.index
          .helmRepositories()
          .map((r) => r.name)
          .join(', ')}, or pass the URL of a new one (https://... or oci://...)`,
      };
    },
  },
  {
    name: 'repositoryName',
    message: 'Name of the new HelmRepository',
    help: 'repositoryName: the name of repositories/helm/<name>.yaml when --repository is a new URL; default from the URL',
    type: 'string',
    required: true,
    when: (a, ctx) => isRepositoryUrl(a.repository) && repositoryOf(ctx, a) === undefined,
    default: (_ctx, a) => newRepositoryName(a.repository as string),
    validate: (v: string, _a, ctx) => {
      const taken = ctx.index.helmRepository(v);
      return (
        check.dnsLabel(v, 'HelmRepository name') ??
        (taken
          ? {
              message: `a HelmRepository named "${v}" already exists with another URL (${taken.url})`,
              fix: 'pass another --repositoryName, or --repository=' + v,
            }
          : undefined)
      );
    },
  },
  {
    name: 'chart',
    message: 'Chart name',
    help: 'chart: the chart in that repository; default app-template for bjw-s, else the app name (TrueCharts has a chart per app)',
    type: 'string',
    required: true,
    default: (ctx, a) => {
      const repo = repositoryOf(ctx, a);
      const used = repo
        ? [
            ...new Set(
              ctx.index
                .chartUses()
                .filter((u) => u.repository === repo.name)
                .map((u) => u.chart),
            ),
          ]
        : [];
      if (
        (used.length === 1 && used[0] === 'app-template') ||
        /bjw-s/.test(repo?.url ?? (a.repository as string))
      )
        return 'app-template';
      return a.name;
    },
    validate: (v: string) =>
      /^[a-z0-9]([-a-z0-9._]*[a-z0-9])?$/.test(v)
        ? undefined
        : {
            message: `"${v}" is not a chart name`,
            fix: 'pass the chart name as the repository lists it, e.g. plex or app-template',
          },
  },
  {
    name: 'chartVersion',
    message: 'Chart version',
    help: 'chartVersion: default the version the repo uses most for that chart',
    type: 'string',
    required: true,
    // the repo's version when it uses that chart already; asked when it does not
    advanced: true,
    default: (ctx, a) => {
      const repo = repositoryOf(ctx, a);
      return repo ? ctx.chartVersion(repo.name, a.chart as string) : undefined;
    },
    validate: (v: string) => check.version(v),
  },
  imageInput<ClustertoolContext>(
    isAppTemplate,
    'image: repository:tag for app-template, pinned (no "latest"), e.g. ghcr.io/org/app:1.2.3',
  ),
  portInput<ClustertoolContext>(
    isAppTemplate,
    'port: the port the app-template container listens on (1-65535)',
  ),
  {
    // the shared vocabulary: --route=internal|external picks the ingress class of that name
    name: 'route',
    message: 'Route',
    help: 'route: none | internal | external: the ingress class of that name the repo has (same as --ingress)',
    type: 'choice',
    prompt: false,
    when: knownValues,
    choices: () => ['none', 'internal', 'external'].map((v) => ({ name: v, value: v })),
    validate: (v: string, _a, ctx) => {
      if (v === 'none' || ingressClassFor(ctx, v)) return undefined;
      const classes = ctx.conventions().ingressClasses;
      return {
        message: `this repo has no ${v} ingress class (it has ${classes.length ? classes.join(', ') : 'none'})`,
        fix: classes.length
          ? `use --route=${classes.length === 1 ? (classes[0] ?? '') : `<one of ${classes.join(', ')}>`} or --ingress=<class>`
          : 'pass --route=none',
      };
    },
  },
  {
    name: 'ingress',
    message: 'Ingress class (none: no ingress)',
    help: "ingress: none, or the ingress class to expose the app on (the repo's, e.g. internal)",
    type: 'choice',
    open: true,
    when: knownValues,
    choices: (ctx) =>
      ['none', ...ctx.conventions().ingressClasses].map((v) => ({ name: v, value: v })),
    default: (ctx, a) =>
      typeof a.route === 'string' && a.route !== 'none'
        ? (ingressClassFor(ctx, a.route) ?? 'none')
        : 'none',
    validate: (v: string, a, ctx) => {
      const routed = typeof a.route === 'string' ? a.route : undefined;
      const wanted = routed === 'none' ? 'none' : routed && ingressClassFor(ctx, routed);
      if (wanted && v !== wanted)
        return {
          message: `--route=${String(routed)} means the ingress class ${wanted}, not ${v}`,
          fix: 'give one of --route and --ingress',
        };
      return v === 'none' ? undefined : check.dnsSubdomain(v, 'ingress class');
    },
  },
  {
    name: 'hostname',
    message: 'Hostname',
    help: 'hostname: default <name>.<the repo domain variable>, e.g. whoami.${DOMAIN_0}',
    type: 'string',
    when: (a, ctx) => knownValues(a, ctx) && a.ingress !== 'none',
    default: (ctx, a) => `${String(a.name)}.${ctx.conventions(a.layer as string).domain}`,
    validate: (v: string) => check.hostname(v),
  },
  {
    name: 'loadBalancer',
    message: 'A LoadBalancer service with its own IP (MetalLB)?',
    help: 'loadBalancer: true for a LoadBalancer service at ${<NAME>_IP}, a variable you add to clusterenv.yaml',
    type: 'boolean',
    when: knownValues,
    default: () => false,
  },
  storageInput<ClustertoolContext>(
    knownValues,
    'storage: a size such as 5Gi for the config volume, or none',
  ),
  storageClassInput<ClustertoolContext>(
    hasStorage,
    (ctx) => ctx.conventions().storageClass ?? undefined,
    undefined,
    true,
  ),
  mountPathInput<ClustertoolContext>((a, ctx) => hasStorage(a, ctx) && isAppTemplate(a)),
  {
    name: 'dependsOn',
    message: 'Depends on (existing apps)',
    help: 'dependsOn: comma list of existing apps (any layer); default what every app of the layer depends on',
    type: 'list',
    open: true,
    choices: (ctx) =>
      ctx.index.allApps().map(([layer, app]) => ({ name: `${app} (${layer})`, value: app })),
    default: (ctx, a) => ctx.layerDependencies(a.layer as string).filter((d) => d !== a.name),
    validate: (v: string[], a, ctx) => {
      for (const dep of v) {
        if (dep === a.name)
          return { message: 'an app cannot depend on itself', fix: 'remove it from --dependsOn' };
        if (ctx.index.layersOf(dep).length === 0)
          return {
            message: `no app "${dep}" in this repo`,
            fix: 'name existing apps, e.g. --dependsOn=nginx-internal',
          };
      }
      return undefined;
    },
  },
];

/** The repo's ingress class for a route: the one named so, or the only one with the word in it. */
function ingressClassFor(ctx: ClustertoolContext, route: string): string | undefined {
  const classes = ctx.conventions().ingressClasses;
  if (classes.includes(route)) return route;
  const named = classes.filter((c) => c.includes(route));
  return named.length === 1 ? named[0] : undefined;
}

function helmRepositoryUrl(v: string): Problem | undefined {
  return /^(https?:\/\/[a-z0-9.-]+(:[0-9]+)?(\/[A-Za-z0-9._~-]+)*\/?|oci:\/\/[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)+)$/.test(
    v,
  )
    ? undefined
    : {
        message: `"${v}" is not a Helm repository URL`,
        fix: 'pass https://charts.example.com or oci://registry.example.com/org/charts',
      };
}
