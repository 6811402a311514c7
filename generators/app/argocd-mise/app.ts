import { ArgocdMiseContext } from '../../../src/argocd-mise/argocd-mise-context.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { miseAppInputs, type MiseAppAnswers } from './inputs.ts';
import { planMiseApp } from './plan-mise-app.ts';
import { answersOf } from '../../../src/inputs/answers-of.ts';

/** The `app` generator for the argocd-mise layout (talosctl + mise + Argo CD, seed 003). */
export const argocdMiseAppGenerator: Generator<ArgocdMiseContext> = {
  name: 'app',
  description:
    'a new service: Argo CD Application in src/apps/<tier>/<app>/, its k8s/ manifests (Deployment, Service, PVC, HTTPRoute) or a Helm chart',
  inputs: miseAppInputs,
  context: (repo) => new ArgocdMiseContext(repo),
  plan: (ctx, answers) =>
    planMiseApp(ctx, answersOf<MiseAppAnswers, typeof ctx>(answers, miseAppInputs, ctx)),
};
