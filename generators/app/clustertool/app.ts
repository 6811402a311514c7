import { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { clustertoolAppInputs, type ClustertoolAppAnswers } from './inputs.ts';
import { planClustertoolApp } from './plan-clustertool-app.ts';
import { answersOf } from '../../../src/inputs/answers-of.ts';

/** The `app` generator for the clustertool layout (TrueCharts ClusterTool, seed 001). */
export const clustertoolAppGenerator: Generator<ClustertoolContext> = {
  name: 'app',
  description:
    'a new service: Flux Kustomization in a layer, namespace, HelmRelease from a HelmRepository, registration',
  inputs: clustertoolAppInputs,
  context: (repo) => new ClustertoolContext(repo),
  plan: (ctx, answers) =>
    planClustertoolApp(
      ctx,
      answersOf<ClustertoolAppAnswers, typeof ctx>(answers, clustertoolAppInputs, ctx),
    ),
};
