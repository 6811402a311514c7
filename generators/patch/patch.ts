import type { Generator } from '../../src/engine/generator.ts';
import { getPatch } from '../../src/talos/patch-catalog.ts';
import { TalosContext } from '../../src/talos/talos-context.ts';
import { patchInputs, patchValues, type PatchAnswers } from './inputs.ts';
import { planMisePatch } from './plan-mise.ts';
import { planTalhelperPatch } from './plan-talhelper.ts';

export const patchGenerator: Generator<TalosContext> = {
  name: 'patch',
  description:
    'a Talos machine-config patch from the catalog, for all nodes, control planes, workers or one node',
  inputs: patchInputs,
  context: (repo) => new TalosContext(repo),
  plan(ctx, answers) {
    const a = answers as PatchAnswers;
    const def = getPatch(a.patch);
    return (ctx.kind === 'talhelper' ? planTalhelperPatch : planMisePatch)(
      ctx,
      def,
      patchValues(def, a),
      a.target,
    );
  },
};
