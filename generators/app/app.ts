import type { Generator } from '../../src/engine/generator.ts';
import { FluxContext } from '../../src/flux/flux-context.ts';
import { appInputs, type AppAnswers } from './inputs.ts';
import { planFluxApp } from './plan-flux-app.ts';

export const appGenerator: Generator<FluxContext> = {
  name: 'app',
  description: 'a new service: Flux Kustomization, HelmRelease, chart source, route, storage, registration',
  inputs: appInputs,
  context: (repo) => new FluxContext(repo),
  plan: (ctx, answers) => planFluxApp(ctx, answers as unknown as AppAnswers),
};
