import type { Generator } from '../../src/engine/generator.ts';
import { initContext, type InitContext } from '../../src/init/init-context.ts';
import { GENERATORS } from '../index.ts';
import { initInputs, type InitAnswers } from './inputs.ts';
import { planInit } from './plan-init.ts';

/**
 * `homeops init`: sets a home-ops repo up to run the generators (`npx plop`, `npx homeops`, a
 * mise or just task). Like every generator it plans on the in-memory tree, and the engine shows
 * the diff and writes all of it or nothing; a second run changes nothing.
 */
export const initGenerator: Generator<InitContext> = {
  name: 'init',
  description: 'set this repo up to run npx plop and npx homeops (package.json, plopfile, a task)',
  inputs: initInputs,
  context: initContext,
  plan: (ctx, answers) => planInit(ctx, answers as Partial<InitAnswers>, Object.keys(GENERATORS)),
};
