import { byLayout } from '../../src/engine/by-layout.ts';
import type { Generator } from '../../src/engine/generator.ts';
import { FluxAppContext } from '../../src/engines/flux/flux-app-context.ts';
import { planFluxAppRun } from './plan-flux-app.ts';
import { appInputs } from './inputs.ts';

const fluxAppGenerator: Generator<FluxAppContext> = {
  name: 'app',
  description:
    'a new service: Flux Kustomization, HelmRelease, chart source, route, storage, registration',
  inputs: appInputs,
  context: (repo) => new FluxAppContext(repo),
  plan: (ctx, answers) => planFluxAppRun(ctx, answers),
  writes: ['kustomize.toolkit.fluxcd.io/v1/Kustomization', 'helm.toolkit.fluxcd.io/v2/HelmRelease'],
};

/** `homeops app`: the variant of the repo's layout. */
export const appGenerator = byLayout(fluxAppGenerator, {
  clustertool: async () => (await import('./clustertool/app.ts')).clustertoolAppGenerator,
  argocd: async () => (await import('./argocd/app.ts')).argocdAppGenerator,
  'argocd-mise': async () => (await import('./argocd-mise/app.ts')).argocdMiseAppGenerator,
  'argocd-apps': async () => (await import('./argocd-apps/app.ts')).argoAppGenerator,
});
