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

/**
 * The value of an input that applies here (the plan is in the branch its `when` guards), e.g.
 * the hostname of a route: resolveInputs made sure it is there; this says which input it is if not.
 */
export function answer<A extends object, K extends keyof A & string>(
  answers: A,
  name: K,
): NonNullable<A[K]> {
  const value = answers[name];
  if (value === undefined || value === null)
    throw new HomeopsError('MISSING_INPUT', `missing required input: --${name}`, {
      field: name,
      fix: `pass --${name}=<value>`,
    });
  return value;
}
