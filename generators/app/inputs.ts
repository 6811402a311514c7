import {
  healthPathInput,
  imageInput,
  mountPathInput,
  portInput,
  storageClassInput,
  storageInput,
} from '../../src/inputs/common-inputs.ts';
import { APP_TEMPLATE_URL } from '../../src/flux/app-template.ts';
import { lookUpDependency } from '../../src/flux/dependencies.ts';
import type { FluxContext } from '../../src/flux/flux-context.ts';
import * as check from '../../src/inputs/checks.ts';
import { applies, type Answers, type InputSpec } from '../../src/inputs/input-spec.ts';
import { secretInputs, type SecretAnswers } from '../secret/secret-inputs.ts';
import { appNameTakenIn } from './name-taken.ts';

/** app-template's version when the repo has no app of its own to learn it from. */
export const APP_TEMPLATE_FALLBACK_VERSION = '4.4.0';

export interface AppAnswers {
  name: string;
  namespace: string;
  createNamespace?: boolean;
  chart: string;
  chartVersion: string;
  image?: string;
  route: 'none' | 'internal' | 'external';
  hostname?: string;
  port?: number;
  healthPath?: string;
  storage: string;
  storageClass?: string;
  mountPath?: string;
  dependsOn: string[];
  /** Secrets from 1Password: the rest of SecretAnswers is set when true. */
  secret: boolean;
}

export type AppWithSecretAnswers = AppAnswers & Partial<SecretAnswers>;

const isAppTemplate = applies(
  'with the app-template chart (the default --chart)',
  (a: Answers) => a.chart === APP_TEMPLATE_URL,
);
const hasStorage = applies(
  'with --storage=<size> (and the app-template chart)',
  (a: Answers) => isAppTemplate(a) && a.storage !== undefined && a.storage !== 'none',
);

/** The `app` inputs, in prompt order. Their names are the flags. */
export const appInputs: InputSpec<FluxContext>[] = [
  {
    name: 'name',
    message: 'App name',
    help: 'name: the app (DNS-1123 label), e.g. echo',
    type: 'string',
    required: true,
    validate: (v: string) => check.appName(v),
  },
  {
    name: 'namespace',
    message: 'Namespace',
    help: 'namespace: an existing namespace, or a new one with --createNamespace',
    type: 'choice',
    open: true,
    required: true,
    choices: (ctx) => ctx.index.namespaces().map((ns) => ({ name: ns, value: ns })),
    default: (ctx) => (ctx.index.hasNamespace('default') ? 'default' : undefined),
    validate: (v: string) => check.dnsLabel(v, 'namespace name'),
    taken: (v: string, a, ctx) => appNameTakenIn(ctx, a, v),
  },
  {
    name: 'createNamespace',
    message: 'That namespace does not exist yet. Create it?',
    help: 'createNamespace: true to create the namespace when it does not exist',
    type: 'boolean',
    askWhen: (a, ctx) => !ctx.index.hasNamespace(a.namespace as string),
    default: () => false,
    validate: (v: boolean, a, ctx) =>
      v || ctx.index.hasNamespace(a.namespace as string)
        ? undefined
        : {
            field: 'namespace',
            message: `namespace "${String(a.namespace)}" does not exist`,
            prompt: 'not created: choose a namespace that exists, or type another',
            fix: `pass --createNamespace=true to create it${ctx.index.namespaces().length ? `, or use one of: ${ctx.index.namespaces().join(', ')}` : ''}`,
          },
  },
  {
    name: 'chart',
    message: 'Helm chart (OCI URL)',
    help: `chart: an OCI chart URL; default ${APP_TEMPLATE_URL}`,
    type: 'string',
    advanced: true,
    default: () => APP_TEMPLATE_URL,
    validate: (v: string) => check.ociUrl(v),
  },
  imageInput<FluxContext>(isAppTemplate),
  {
    name: 'route',
    message: 'Route',
    help: 'route: none | internal | external',
    type: 'choice',
    choices: () => ['none', 'internal', 'external'].map((v) => ({ name: v, value: v })),
    default: () => 'none',
  },
  {
    name: 'hostname',
    message: 'Hostname',
    help: 'hostname: default <name>.<the repo domain placeholder>, e.g. echo.${SECRET_DOMAIN}',
    type: 'string',
    when: applies('with --route=internal or --route=external', (a: Answers) => a.route !== 'none'),
    default: (ctx, a) => `${String(a.name)}.${ctx.conventions(a.namespace as string).domain}`,
    validate: (v: string) => check.hostname(v),
  },
  portInput<FluxContext>((a) => isAppTemplate(a) || a.route !== 'none'),
  healthPathInput<FluxContext>(isAppTemplate),
  storageInput<FluxContext>(isAppTemplate),
  storageClassInput<FluxContext>(
    hasStorage,
    (ctx, a) => ctx.conventions(a.namespace as string).storageClass ?? undefined,
  ),
  mountPathInput<FluxContext>(hasStorage),
  {
    name: 'dependsOn',
    message: 'Depends on (existing apps)',
    help: 'dependsOn: comma list of existing apps (or Flux Kustomizations), as app or namespace/app',
    type: 'list',
    open: true,
    choices: (ctx) =>
      ctx.index
        .namespaces()
        .flatMap((ns) =>
          ctx.index.apps(ns).map((app) => ({ name: `${ns}/${app}`, value: `${ns}/${app}` })),
        ),
    default: () => [],
    validate: (v: string[], _a, ctx) => {
      for (const dep of v) {
        const found = lookUpDependency(ctx.index, dep);
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
    default: () => false,
  },
  ...secretInputs<FluxContext>(applies('with --secret=true', (a: Answers) => a.secret === true)),
  {
    name: 'chartVersion',
    message: 'Chart version',
    help: 'chartVersion: default the version the repo uses most for that chart',
    type: 'string',
    required: true,
    advanced: true,
    default: async (ctx, a) =>
      (await ctx.chartVersion(a.chart as string)) ??
      (isAppTemplate(a) ? APP_TEMPLATE_FALLBACK_VERSION : undefined),
    validate: (v: string) => check.version(v),
  },
];
