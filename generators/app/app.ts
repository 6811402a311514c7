import type { Generator } from '../../src/engine/generator.ts';
import { FluxContext } from '../../src/flux/flux-context.ts';
import { appInputs, type AppAnswers } from './inputs.ts';
import { planFluxApp } from './plan-flux-app.ts';

export const appGenerator: Generator<FluxContext> = {
  name: 'app',
  description: 'a new service: Flux Kustomization, HelmRelease, chart source, route, storage, registration',
  inputs: appInputs,
  context: (repo) => {
    const ctx = new FluxContext(repo);
    ctx.chartVersions.start(); // the default chart version needs a count over every app: begin it now
    return ctx;
  },
  plan: (ctx, answers) => planFluxApp(ctx, answers as unknown as AppAnswers),
};
