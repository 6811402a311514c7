import type { Generator } from '../../src/engine/generator.ts';
import { getPatch } from '../../src/talos/patch-catalog.ts';
import { parsePatchTarget } from '../../src/talos/patch-refs.ts';
import { TalosContext } from '../../src/talos/talos-context.ts';
import { patchInputs, patchValues } from './inputs.ts';

export const patchGenerator: Generator<TalosContext> = {
  name: 'patch',
  description:
    'a Talos machine-config patch from the catalog, for all nodes, control planes, workers or one node',
  inputs: patchInputs,
  context: (repo) => new TalosContext(repo),
  plan(ctx, answers) {
    const def = getPatch(String(answers['patch']));
    const backend = ctx.backend(answers);
    const targetName = String(answers['target']);
    return backend.planPatch(ctx.repo.tree, {
      def,
      values: patchValues(def, answers),
      target: parsePatchTarget(targetName, backend.facts()),
      targetName,
    });
  },
};
