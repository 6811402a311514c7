import { HomeopsError } from '../errors.ts';
import type { Answers, InputSpec } from './input-spec.ts';

/**
 * A generator's answers as its typed answers: every required input that applies has a value.
 * resolveInputs makes sure of that before a plan runs; a plan called another way (a test, a
 * script) is told which input is missing instead of failing later on an undefined value.
 */
export function answersOf<T extends Answers, C>(
  answers: Answers,
  inputs: readonly InputSpec<C>[],
  ctx: C,
): T {
  for (const spec of inputs) {
    if (!spec.required || answers[spec.name] !== undefined) continue;
    if (spec.when && !spec.when(answers, ctx)) continue;
    throw new HomeopsError('MISSING_INPUT', `missing required input: --${spec.name}`, {
      field: spec.name,
      fix: `pass --${spec.name}=<value> (${spec.help})`,
    });
  }
  // every required input is there; the others are optional in T
  return answers as T;
}
