import { byLayout } from '../../src/engine/by-layout.ts';
import type { Generator } from '../../src/engine/generator.ts';
import { FluxAppContext } from '../../src/engines/flux/flux-app-context.ts';
import { appsOf, findApp, planFluxSecret } from '../../src/engines/flux/plan-secret.ts';
import { dnsLabel } from '../../src/inputs/checks.ts';
import { applies, type Answers, type InputSpec } from '../../src/inputs/input-spec.ts';
import { list, requiredText } from '../../src/inputs/read-answers.ts';
import { HomeopsError } from '../../src/errors.ts';
import { secretInputs, secretSpecOf } from './secret-inputs.ts';

const firstCluster = (a: Answers): string | undefined =>
  Array.isArray(a.cluster) ? (a.cluster[0] as string | undefined) : undefined;

const inputs: InputSpec<FluxAppContext>[] = [
  {
    name: 'cluster',
    message: 'Cluster',
    help: 'cluster: the cluster of the app; default the only one',
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
    message: 'Namespace of the app',
    help: 'namespace: the namespace of an existing app',
    type: 'choice',
    required: true,
    choices: (ctx, a) =>
      ctx.namespaces(ctx.cluster(firstCluster(a))).map((ns) => ({ name: ns, value: ns })),
    default: (ctx, a) =>
      ctx.namespaces(ctx.cluster(firstCluster(a))).includes('default') ? 'default' : undefined,
  },
  {
    name: 'app',
    message: 'App',
    help: 'app: an existing app of that namespace',
    type: 'choice',
    required: true,
    choices: (ctx, a) =>
      appsOf(ctx, ctx.cluster(firstCluster(a)), String(a.namespace)).map((app) => ({
        name: app,
        value: app,
      })),
    validate: (v: string) => dnsLabel(v, 'app name'),
  },
  ...secretInputs<FluxAppContext>(),
];

const fluxSecretGenerator: Generator<FluxAppContext> = {
  name: 'secret',
  description:
    "an ExternalSecret for an app, its references picked from 1Password, wired into the app's container",
  inputs,
  context: (repo) => new FluxAppContext(repo),
  plan(ctx, answers) {
    const cluster = ctx.cluster(list(answers, 'cluster')[0]);
    const namespace = requiredText(answers, 'namespace');
    const name = requiredText(answers, 'app');
    const app = findApp(ctx, cluster, namespace, name);
    if (!app) {
      throw new HomeopsError('INVALID_INPUT', `no app ${namespace}/${name} in this repo`, {
        field: 'app',
        fix: `name an existing app, or create it with homeops app${appsOf(ctx, cluster, namespace).length ? ` (apps of ${namespace}: ${appsOf(ctx, cluster, namespace).join(', ')})` : ''}`,
      });
    }
    return planFluxSecret(ctx, cluster, app, secretSpecOf(answers));
  },
};

/** `homeops secret`: the variant of the repo's layout. */
export const secretGenerator = byLayout(fluxSecretGenerator, {
  clustertool: async () => (await import('./clustertool/secret.ts')).clustertoolSecretGenerator,
  argocd: async () => (await import('./argocd/secret.ts')).argocdSecretGenerator,
  'argocd-mise': async () => (await import('./argocd-mise/secret.ts')).argocdMiseSecretGenerator,
  'argocd-apps': async () => (await import('./argocd-apps/secret.ts')).argoSecretGenerator,
});
