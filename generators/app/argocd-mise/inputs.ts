import {
  healthPathInput,
  imageInput,
  mountPathInput,
  storageClassInput,
  storageInput,
} from '../../../src/inputs/common-inputs.ts';
import { TIERS } from '../../../src/argocd-mise/apps-index.ts';
import type { ArgocdMiseContext } from '../../../src/argocd-mise/argocd-mise-context.ts';
import * as check from '../../../src/inputs/checks.ts';
import type { Answers, InputSpec, Problem } from '../../../src/inputs/input-spec.ts';

export type MiseAppKind = 'manifests' | 'helm' | 'helm+manifests';

export type MiseAppAnswers = {
  name: string;
  tier: string;
  namespace: string;
  kind: MiseAppKind;
  image?: string;
  chart?: string;
  repoURL?: string;
  chartVersion?: string;
  serverSideApply?: boolean;
  route?: 'none' | 'internal';
  hostname?: string;
  port?: number;
  healthPath?: string;
  storage?: string;
  storageClass?: string;
  mountPath?: string;
};

const isManifests = (a: Answers) => a.kind === 'manifests';
const isHelm = (a: Answers) => a.kind === 'helm' || a.kind === 'helm+manifests';
/** A route is a file in k8s/, so the Application must sync k8s/. */
const canRoute = (a: Answers) => a.kind !== 'helm';
const hasRoute = (a: Answers) => canRoute(a) && a.route !== undefined && a.route !== 'none';
const hasStorage = (a: Answers) =>
  isManifests(a) && a.storage !== undefined && a.storage !== 'none';
const choices = (values: readonly string[]) => () => values.map((v) => ({ name: v, value: v }));

/** A Helm repository: an https URL, or an OCI registry path (`oci://ghcr.io/org/charts`). */
function helmRepoURL(value: string): Problem | undefined {
  return /^(https?:\/\/[A-Za-z0-9.-]+(:[0-9]+)?(\/[A-Za-z0-9._~%-]+)*\/?|oci:\/\/[a-z0-9.-]+(:[0-9]+)?(\/[a-z0-9._-]+)*)$/.test(
    value,
  )
    ? undefined
    : {
        message: `"${value}" is not a Helm repository URL`,
        fix: 'pass an https URL such as https://charts.longhorn.io, or an OCI registry path such as oci://ghcr.io/org/charts',
      };
}

/** The `app` inputs of the argocd-mise layout, in prompt order. Their names are the flags. */
export const miseAppInputs: InputSpec<ArgocdMiseContext>[] = [
  {
    name: 'name',
    message: 'App name',
    help: 'name: the app and its Application (DNS-1123 label), e.g. whoami',
    type: 'string',
    required: true,
    validate: (v: string, _a, ctx) => {
      const bad = check.appName(v);
      if (bad) return bad;
      const file = ctx.applicationNames().get(v);
      if (file !== undefined && !/^src\/apps\/[^/]+\/[^/]+\/application\.yaml$/.test(file)) {
        return {
          message: `an Application named "${v}" already exists (${file}); Application names are unique in Argo CD`,
          fix: 'choose another --name',
        };
      }
      return undefined;
    },
    taken: (v: string, _a, ctx) => {
      const file = ctx.applicationNames().get(v);
      return file === undefined
        ? undefined
        : {
            message: `an Application named ${v} already exists (${file})`,
            prompt: `an Application named ${v} already exists (${file}): type another name`,
          };
    },
  },
  {
    name: 'tier',
    message: 'Tier',
    help: 'tier: infrastructure (cluster-level) | services (everything else); default services',
    type: 'choice',
    choices: choices(TIERS),
    default: () => 'services',
  },
  {
    name: 'namespace',
    message: 'Namespace',
    help: 'namespace: the namespace the app runs in; default: the app name (created by CreateNamespace=true)',
    type: 'string',
    default: (_ctx, a) => a.name,
    validate: (v: string) => check.dnsLabel(v, 'namespace name'),
  },
  {
    name: 'kind',
    message: 'What the Application syncs',
    help: 'kind: manifests (k8s/ Deployment, Service, ...) | helm (a chart with inline values) | helm+manifests (a chart plus k8s/); default manifests',
    type: 'choice',
    choices: choices(['manifests', 'helm', 'helm+manifests']),
    default: () => 'manifests',
  },
  imageInput<ArgocdMiseContext>(
    isManifests,
    'image: repository:tag, pinned (no "latest"), e.g. ghcr.io/org/app:1.2.3 (kind manifests)',
  ),
  {
    name: 'chart',
    message: 'Helm chart name',
    help: 'chart: the chart name in its repository, e.g. podinfo (kinds helm, helm+manifests)',
    type: 'string',
    required: true,
    when: isHelm,
    validate: (v: string) => check.dnsSubdomain(v, 'chart'),
  },
  {
    name: 'repoURL',
    message: 'Helm repository URL',
    help: 'repoURL: the chart repository, https://... or oci://... (kinds helm, helm+manifests)',
    type: 'string',
    required: true,
    when: isHelm,
    validate: (v: string) => helmRepoURL(v),
  },
  {
    name: 'chartVersion',
    message: 'Chart version',
    help: 'chartVersion: the chart version; default the one the repo already uses for that chart',
    type: 'string',
    required: true,
    // the repo's version when it uses that chart already; asked when it does not
    advanced: true,
    when: isHelm,
    default: (ctx, a) =>
      a.chart && a.repoURL ? ctx.chartVersion(a.chart as string, a.repoURL as string) : undefined,
    validate: (v: string) => check.version(v),
  },
  {
    name: 'serverSideApply',
    message: 'Does the chart ship CRDs (sync with ServerSideApply)?',
    help: 'serverSideApply: true for CRD-heavy charts (adds ServerSideApply=true); default false',
    type: 'boolean',
    when: isHelm,
    default: () => false,
  },
  {
    name: 'route',
    message: 'Route',
    help: 'route: none | internal (an HTTPRoute in k8s/ to the internal Gateway; kinds manifests, helm+manifests)',
    type: 'choice',
    when: canRoute,
    choices: choices(['none', 'internal']),
    default: () => 'none',
  },
  {
    name: 'hostname',
    message: 'Hostname',
    help: 'hostname: default <name>.<the suffix the repo uses>, e.g. whoami.internal',
    type: 'string',
    when: hasRoute,
    default: (ctx, a) => `${String(a.name)}.${ctx.conventions().hostSuffix}`,
    validate: (v: string) =>
      v.includes('${')
        ? {
            message: `"${v}" has a \${...} placeholder, but Argo CD substitutes no variables`,
            fix: 'pass the literal hostname, e.g. whoami.internal',
          }
        : check.hostname(v),
  },
  {
    name: 'port',
    message: 'Port (the container port; for a chart, its Service port)',
    help: "port: the container's port (manifests), or the chart Service's port the route sends to (helm+manifests)",
    type: 'number',
    required: true,
    when: (a) => isManifests(a) || hasRoute(a),
    validate: (v: number) => check.port(v),
  },
  healthPathInput<ArgocdMiseContext>(isManifests),
  storageInput<ArgocdMiseContext>(
    isManifests,
    'storage: a size such as 5Gi (a ReadWriteOnce PVC in k8s/), or none (kind manifests)',
  ),
  storageClassInput<ArgocdMiseContext>(
    hasStorage,
    (ctx) => ctx.conventions().storageClass,
    "storageClass: default the repo's most used one (longhorn)",
  ),
  mountPathInput<ArgocdMiseContext>(hasStorage, '/data'),
];
