import { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { argocdAppInputs, type ArgocdAppAnswers } from './inputs.ts';
import { planArgocdApp } from './plan-argocd-app.ts';
import { answersOf } from '../../../src/inputs/answers-of.ts';

/** `homeops app` in an Argo CD app-of-apps repo (seed 004). */
export const argocdAppGenerator: Generator<ArgocdContext> = {
  name: 'app',
  description:
    'a new service: Argo CD Application, plain manifests or a Helm chart with values, Gateway route',
  inputs: argocdAppInputs,
  context: (repo) => new ArgocdContext(repo),
  plan: (ctx, answers) =>
    planArgocdApp(ctx, answersOf<ArgocdAppAnswers, typeof ctx>(answers, argocdAppInputs, ctx)),
};
