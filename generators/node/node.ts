import type { Generator } from '../../src/engine/generator.ts';
import { TalosContext } from '../../src/talos/talos-context.ts';
import type { NodeInput } from '../../src/talos/node-input.ts';
import { nodeInputs } from './inputs.ts';

/** The inputs as the node checks take them (each was validated while resolving). */
const nodeInput = (a: Record<string, unknown>): NodeInput => ({
  hostname: String(a['hostname'] ?? ''),
  ip: String(a['ip'] ?? ''),
  role: String(a['role'] ?? ''),
  disk: String(a['disk'] ?? ''),
  mac: String(a['mac'] ?? ''),
  ...(typeof a['schematic'] === 'string' && { schematic: a['schematic'] }),
});

export const nodeGenerator: Generator<TalosContext> = {
  name: 'node',
  description:
    'a Talos node where the repo keeps them: talconfig.yaml (talhelper), topf.yaml, a per-node template, or a network patch and mise tasks',
  inputs: nodeInputs,
  context: (repo) => new TalosContext(repo),
  plan: (ctx, answers) =>
    ctx.backend(answers).planNode(ctx.repo.tree, {
      input: nodeInput(answers),
      facts: ctx.factsWithout(answers, answers['hostname']),
    }),
};
