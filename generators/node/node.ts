import type { Generator } from '../../src/engine/generator.ts';
import { TalosContext } from '../../src/talos/talos-context.ts';
import { nodeInputs, type NodeAnswers } from './inputs.ts';
import { planMiseNode } from './plan-mise.ts';
import { planTalhelperNode } from './plan-talhelper.ts';

export const nodeGenerator: Generator<TalosContext> = {
  name: 'node',
  description:
    'a Talos node: talconfig.yaml entry (talhelper), or network patch and mise tasks (talosctl + mise)',
  inputs: nodeInputs,
  context: (repo) => new TalosContext(repo),
  plan: (ctx, answers) =>
    (ctx.kind === 'talhelper' ? planTalhelperNode : planMiseNode)(
      ctx,
      answers as unknown as NodeAnswers,
    ),
};
