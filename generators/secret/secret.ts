import { byLayout } from '../../src/engine/by-layout.ts';
import type { Generator } from '../../src/engine/generator.ts';
import { FluxContext } from '../../src/flux/flux-context.ts';
import { dnsLabel } from '../../src/inputs/checks.ts';
import type { InputSpec } from '../../src/inputs/input-spec.ts';
import { planExternalSecret } from './plan-external-secret.ts';
import { secretInputs, type SecretAnswers } from './secret-inputs.ts';

const inputs: InputSpec<FluxContext>[] = [
  {
    name: 'namespace',
    message: 'Namespace of the app',
    help: 'namespace: the namespace of an existing app',
    type: 'choice',
    required: true,
    choices: (ctx) => ctx.index.namespaces().map((ns) => ({ name: ns, value: ns })),
    default: (ctx) => (ctx.index.hasNamespace('default') ? 'default' : undefined),
  },
  {
    name: 'app',
    message: 'App',
    help: 'app: an existing app of that namespace',
    type: 'choice',
    required: true,
    choices: (ctx, a) =>
      ctx.index.apps(a.namespace as string).map((app) => ({ name: app, value: app })),
    validate: (v: string) => dnsLabel(v, 'app name'),
  },
  ...secretInputs<FluxContext>(),
];

const fluxSecretGenerator: Generator<FluxContext> = {
  name: 'secret',
  description:
    "an ExternalSecret for an app, its references picked from 1Password, wired into the app's container",
  inputs,
  context: (repo) => new FluxContext(repo),
  plan: (ctx, answers) =>
    planExternalSecret(
      ctx,
      { namespace: answers.namespace as string, app: answers.app as string },
      answers as unknown as SecretAnswers,
    ),
};

/** `homeops secret`: the variant of the repo's layout. */
export const secretGenerator = byLayout(fluxSecretGenerator, {
  clustertool: async () => (await import('./clustertool/secret.ts')).clustertoolSecretGenerator,
  argocd: async () => (await import('./argocd/secret.ts')).argocdSecretGenerator,
  'argocd-mise': async () => (await import('./argocd-mise/secret.ts')).argocdMiseSecretGenerator,
});
