import {
  healthPathInput,
  imageInput,
  mountPathInput,
  portInput,
  storageClassInput,
  storageInput,
} from '../../../src/inputs/common-inputs.ts';
import type { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import * as check from '../../../src/inputs/checks.ts';
import type { Answers, InputSpec, Problem } from '../../../src/inputs/input-spec.ts';
import { chartVersionInUse, routeProblem } from './route-and-chart.ts';

export type ArgocdAppAnswers = {
  name: string;
  namespace: string;
  kind: 'manifests' | 'helm';
  image?: string;
  port?: number;
  healthPath?: string;
  chart?: string;
  repoURL?: string;
  chartVersion?: string;
  route: 'none' | 'path' | 'host';
  hostname?: string;
  path?: string;
  serviceName?: string;
  servicePort?: number;
  storage: string;
  storageClass?: string;
  mountPath?: string;
  podSecurity?: 'restricted' | 'baseline' | 'privileged';
};

const manifests = (a: Answers) => a.kind === 'manifests';
const helm = (a: Answers) => a.kind === 'helm';
const routed = (a: Answers) => a.route !== undefined && a.route !== 'none';
const stored = (a: Answers) => a.storage !== undefined && a.storage !== 'none';
const options =
  (...values: string[]) =>
  () =>
    values.map((v) => ({ name: v, value: v }));

function chartName(v: string): Problem | undefined {
  return /^[a-z0-9]([a-z0-9._-]*[a-z0-9])?$/.test(v)
    ? undefined
    : {
        message: `"${v}" is not a chart name`,
        fix: 'pass the chart name as in the Helm repo, e.g. --chart=homarr',
      };
}

function helmRepoURL(v: string): Problem | undefined {
  return /^https:\/\/[a-z0-9.-]+(:[0-9]+)?(\/[A-Za-z0-9._~-]+)*\/?$/.test(v)
    ? undefined
    : {
        message: `"${v}" is not a Helm repository URL`,
        fix: 'pass an https URL such as https://homarr-labs.github.io/charts',
      };
}

/** The inputs of `homeops app` in an Argo CD app-of-apps repo, in prompt order. */
export const argocdAppInputs: InputSpec<ArgocdContext>[] = [
  {
    name: 'name',
    message: 'App name',
    help: 'name: the app and its Application (DNS-1123 label), e.g. echo',
    type: 'string',
    required: true,
    validate: (v: string) => check.appName(v),
    // Application names are unique in Argo CD: known to conflict as soon as it is typed
    taken: (v: string, _a, ctx) => {
      const app = ctx.index.everyApplication().find((found) => found.name === v);
      return app
        ? {
            message: `an Application named ${v} already exists (${app.file})`,
            prompt: `an Application named ${v} already exists (${app.file}): type another name`,
          }
        : undefined;
    },
  },
  {
    name: 'namespace',
    message: 'Namespace (created by Argo CD if new)',
    help: 'namespace: the destination namespace; default: the app name',
    type: 'choice',
    open: true,
    required: true,
    choices: (ctx) => ctx.index.namespaces().map((ns) => ({ name: ns, value: ns })),
    default: (_ctx, a) => a.name,
    validate: (v: string) => check.dnsLabel(v, 'namespace name'),
  },
  {
    name: 'kind',
    message: 'What Argo CD deploys',
    help: 'kind: manifests (Deployment + Service in manifests/<app>/) | helm (a chart + values/<app>.yaml)',
    type: 'choice',
    choices: options('manifests', 'helm'),
    default: () => 'manifests',
  },
  imageInput<ArgocdContext>(manifests),
  portInput<ArgocdContext>(manifests),
  healthPathInput<ArgocdContext>(manifests),
  {
    name: 'chart',
    message: 'Chart name',
    help: 'chart: the chart name in its Helm repository, e.g. homarr',
    type: 'string',
    required: true,
    when: helm,
    validate: (v: string) => chartName(v),
  },
  {
    name: 'repoURL',
    message: 'Helm repository URL',
    help: 'repoURL: the https URL of the Helm repository; default: the one the repo already uses for that chart',
    type: 'string',
    required: true,
    when: helm,
    default: (ctx, a) =>
      ctx.index
        .applications()
        .flatMap((app) => app.sources)
        .find((s) => s.chart === a.chart)?.repoURL,
    validate: (v: string) => helmRepoURL(v),
  },
  {
    name: 'chartVersion',
    message: 'Chart version',
    help: 'chartVersion: default the version the repo already uses for that chart',
    type: 'string',
    required: true,
    // the repo's version when it uses that chart already; asked when it does not
    advanced: true,
    when: helm,
    default: (ctx, a) => chartVersionInUse(ctx, a.chart as string, a.repoURL as string),
    validate: (v: string) => check.version(v),
  },
  {
    name: 'route',
    message: 'Route through the Gateway',
    help: 'route: none | path (https://<hostname>/<path>, like whoami) | host (every path of a hostname, like homarr)',
    type: 'choice',
    choices: options('none', 'path', 'host'),
    default: () => 'none',
  },
  {
    name: 'hostname',
    message: 'Hostname',
    help: "hostname: default: the repo's routes' hostname (route=path), <name>.<it> (route=host)",
    type: 'string',
    required: true,
    when: routed,
    default: (ctx, a) => {
      const host = ctx.conventions().hostname;
      return host && (a.route === 'host' ? `${String(a.name)}.${host}` : host);
    },
    validate: async (v: string, a, ctx) =>
      check.hostname(v) ?? (a.route === 'host' ? routeProblem(ctx, a, v, '') : undefined),
  },
  {
    name: 'path',
    message: 'Path prefix',
    help: 'path: the path prefix the app is served under (stripped before it reaches the app); default /<name>',
    type: 'string',
    required: true,
    when: (a) => a.route === 'path',
    default: (_ctx, a) => `/${String(a.name)}`,
    validate: (v: string, a, ctx) =>
      v === '/'
        ? {
            message: 'the path "/" would take every path of the hostname',
            fix: 'pass --route=host for that, or a path such as /echo',
          }
        : (check.absolutePath(v, `/${String(a.name)}`) ??
          routeProblem(ctx, a, a.hostname as string, v.replace(/\/+$/, ''))),
  },
  {
    name: 'serviceName',
    message: "The chart's Service name",
    help: 'serviceName: the Service the chart creates; default the app name (the release name)',
    type: 'string',
    when: (a) => helm(a) && routed(a),
    default: (_ctx, a) => a.name,
    validate: (v: string) => check.serviceName(v, 'Service name'),
  },
  {
    name: 'servicePort',
    message: "The chart's Service port",
    help: "servicePort: the port of the chart's Service (see the chart's values.yaml)",
    type: 'number',
    required: true,
    when: (a) => helm(a) && routed(a),
    validate: (v: number) => check.port(v),
  },
  storageInput<ArgocdContext>(
    undefined,
    'storage: a size such as 5Gi (a PersistentVolumeClaim in manifests/<app>/), or none',
  ),
  storageClassInput<ArgocdContext>(
    stored,
    (ctx) => ctx.conventions().storageClass ?? undefined,
    'storageClass: default: conventions.storageClass of .homeops.yaml, else none (the cluster default class)',
  ),
  mountPathInput<ArgocdContext>((a) => manifests(a) && stored(a)),
  {
    name: 'podSecurity',
    message: 'Pod Security level of the new namespace',
    help: 'podSecurity: restricted | baseline | privileged, for a namespace this app declares; default restricted (manifests), baseline (helm)',
    type: 'choice',
    when: (a, ctx) => ctx.ownsNewNamespace(a.namespace as string, a.name as string),
    choices: options('restricted', 'baseline', 'privileged'),
    default: (_ctx, a) => (helm(a) ? 'baseline' : 'restricted'),
  },
];
