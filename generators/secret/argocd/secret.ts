import { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { planSecretsTable } from './plan-secrets-table.ts';
import { argocdSecretInputs, type ArgocdSecretAnswers } from './secret-inputs.ts';
import { answersOf } from '../../../src/inputs/answers-of.ts';

/**
 * `homeops secret` in an Argo CD app-of-apps repo (seed 004): the repo has no External Secrets;
 * its bootstrap script creates Secrets from 1Password, listed in a SECRETS table. This adds the
 * app's lines to that table and wires the Secrets into its Deployment.
 */
export const argocdSecretGenerator: Generator<ArgocdContext> = {
  name: 'secret',
  description:
    "Secrets from 1Password for an app: lines in the bootstrap script's SECRETS table, envFrom in its Deployment",
  inputs: argocdSecretInputs,
  context: (repo) => new ArgocdContext(repo),
  plan: (ctx, answers) =>
    planSecretsTable(
      ctx,
      answersOf<ArgocdSecretAnswers, typeof ctx>(answers, argocdSecretInputs, ctx),
    ),
};
