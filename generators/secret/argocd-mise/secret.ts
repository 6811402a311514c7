import { ArgocdMiseContext } from '../../../src/argocd-mise/argocd-mise-context.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { miseSecretInputs, type MiseSecretAnswers } from './inputs.ts';
import { planOnePasswordItem } from './plan-onepassword-item.ts';
import { answersOf } from '../../../src/inputs/answers-of.ts';

/** The `secret` generator for the argocd-mise layout: a OnePasswordItem (1Password operator). */
export const argocdMiseSecretGenerator: Generator<ArgocdMiseContext> = {
  name: 'secret',
  description:
    "a OnePasswordItem for an app (the 1Password operator's Secret), its Application syncing k8s/, wired into the app's Deployment",
  inputs: miseSecretInputs,
  context: (repo) => new ArgocdMiseContext(repo),
  plan: (ctx, answers) =>
    planOnePasswordItem(
      ctx,
      answersOf<MiseSecretAnswers, typeof ctx>(answers, miseSecretInputs, ctx),
    ),
};
