import type { Generator } from '../../../src/engine/generator.ts';
import { ArgoAppContext } from '../../../src/engines/argocd/argo-app-context.ts';
import { planArgoSecret } from '../../../src/engines/argocd/plan-secret.ts';
import { secretAppChoices, secretAppNames } from '../../../src/engines/argocd/secret-target.ts';
import { dnsLabel } from '../../../src/inputs/checks.ts';
import { applies, type Answers, type InputSpec } from '../../../src/inputs/input-spec.ts';
import { requiredText, text } from '../../../src/inputs/read-answers.ts';
import { secretSpecOf } from '../secret-inputs.ts';
import { argoSecretInputs } from './secret-inputs.ts';

const inputs: InputSpec<ArgoAppContext>[] = [
  {
    name: 'app',
    message: 'App',
    help: 'app: an existing app (a folder an ApplicationSet picks up, or an Application a root reads)',
    type: 'choice',
    required: true,
    choices: secretAppChoices,
    validate: (v: string) => dnsLabel(v, 'app name'),
  },
  {
    name: 'group',
    aliases: ['tier'],
    message: 'Group of the app',
    help: 'group: the folder level between the root and the app; asked where apps of that name are in several',
    type: 'choice',
    required: true,
    when: applies(
      'where apps of that name are in several groups',
      (a: Answers, ctx: ArgoAppContext) =>
        secretAppNames(ctx).filter((n) => n === a.app).length > 1,
    ),
    choices: (ctx) => ctx.groupNames().map((g) => ({ name: g, value: g })),
    validate: (v: string) => dnsLabel(v, 'group'),
  },
  ...argoSecretInputs(undefined, 'in a repo with a 1Password ClusterSecretStore'),
];

/** `homeops secret` in an Argo CD repo whose ApplicationSets pick up app folders, or whose root Applications read Applications. */
export const argoSecretGenerator: Generator<ArgoAppContext> = {
  name: 'secret',
  description:
    "an ExternalSecret (or 1Password item) for an existing app, written like its siblings', its Secret wired into the app's container",
  inputs,
  context: (repo) => new ArgoAppContext(repo),
  plan: (ctx, answers) =>
    planArgoSecret(
      ctx,
      requiredText(answers, 'app'),
      text(answers, 'group'),
      secretSpecOf(answers),
    ),
  writes: ['external-secrets.io/v1/ExternalSecret'],
};
