import { byLayout } from '../../src/engine/by-layout.ts';
import type { Generator } from '../../src/engine/generator.ts';
import { FluxContext } from '../../src/flux/flux-context.ts';
import { appInputs, type AppAnswers } from './inputs.ts';
import { planFluxApp } from './plan-flux-app.ts';

const fluxAppGenerator: Generator<FluxContext> = {
  name: 'app',
  description:
    'a new service: Flux Kustomization, HelmRelease, chart source, route, storage, registration',
  inputs: appInputs,
  context: (repo) => new FluxContext(repo),
  plan: (ctx, answers) => planFluxApp(ctx, answers as unknown as AppAnswers),
  writes: ['kustomize.toolkit.fluxcd.io/v1/Kustomization', 'helm.toolkit.fluxcd.io/v2/HelmRelease'],
};

/** `homeops app`: the variant of the repo's layout. */
export const appGenerator = byLayout(fluxAppGenerator, {
  clustertool: async () => (await import('./clustertool/app.ts')).clustertoolAppGenerator,
  argocd: async () => (await import('./argocd/app.ts')).argocdAppGenerator,
  'argocd-mise': async () => (await import('./argocd-mise/app.ts')).argocdMiseAppGenerator,
});
