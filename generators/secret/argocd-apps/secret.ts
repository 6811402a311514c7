import type { Generator } from '../../../src/engine/generator.ts';
import { ArgoAppContext } from '../../../src/engines/argocd/argo-app-context.ts';
import { appFolderNames, planArgoSecret } from '../../../src/engines/argocd/plan-secret.ts';
import { dnsLabel } from '../../../src/inputs/checks.ts';
import { applies, type Answers, type InputSpec } from '../../../src/inputs/input-spec.ts';
import { requiredText, text } from '../../../src/inputs/read-answers.ts';
import { secretSpecOf } from '../secret-inputs.ts';
import { argoSecretInputs } from './secret-inputs.ts';
import { HomeopsError } from '../../../src/errors.ts';

const inputs: InputSpec<ArgoAppContext>[] = [
  {
    name: 'app',
    message: 'App',
    help: 'app: an existing app, a folder an ApplicationSet picks up',
    type: 'choice',
    required: true,
    choices: (ctx) => [...new Set(appFolderNames(ctx))].sort().map((a) => ({ name: a, value: a })),
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
        appFolderNames(ctx).filter((n) => n === a.app).length > 1,
    ),
    choices: (ctx) => ctx.groupNames().map((g) => ({ name: g, value: g })),
    validate: (v: string) => dnsLabel(v, 'group'),
  },
  ...argoSecretInputs(undefined, 'in a repo with a 1Password ClusterSecretStore'),
];

/** `homeops secret` in an Argo CD repo whose ApplicationSets pick up app folders. */
export const argoSecretGenerator: Generator<ArgoAppContext> = {
  name: 'secret',
  description:
    "an ExternalSecret (or 1Password item) for an existing app, written like its siblings', its Secret wired into the app's container",
  inputs,
  context: (repo) => {
    const ctx = new ArgoAppContext(repo);
    if (ctx.mode !== 'appset')
      throw new HomeopsError(
        'LAYOUT',
        'homeops secret writes to apps that ApplicationSets pick up; this repo deploys its apps as Applications of an app of apps',
        { fix: 'add the ExternalSecret to the app by hand for now, following a sibling app' },
      );
    return ctx;
  },
  plan: (ctx, answers) =>
    planArgoSecret(
      ctx,
      requiredText(answers, 'app'),
      text(answers, 'group'),
      secretSpecOf(answers),
    ),
  writes: ['external-secrets.io/v1/ExternalSecret'],
};
