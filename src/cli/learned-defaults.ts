import type { Answers, InputSpec } from '../inputs/input-spec.ts';
import { echo } from '../inputs/value-text.ts';

/**
 * What each input defaults to in this repo, as `--help` shows it: the defaults worked out in
 * order, each seeing the ones before it. A required input without a default stands, for those
 * after it, as the repo's first choice (a namespace, a cluster) or as `<name>` (a hostname made
 * of the app's name shows as `<name>.example.net`); neither is shown as its default. An input
 * that applies only with another's answer (the storage class, with --storage) shows the default
 * it would take; one that cannot be worked out without the user's answers is not shown.
 */
export async function learnedDefaults<C>(
  inputs: readonly InputSpec<C>[],
  ctx: C,
): Promise<Map<string, string>> {
  const answers: Answers = {};
  const shown = new Map<string, string>();
  for (const input of inputs) {
    if (input.name in answers) continue; // an input shared by variants, listed twice
    let value: unknown;
    try {
      value = input.default ? await input.default(ctx, answers) : undefined;
      if (isEmpty(value) && input.required) {
        const first = input.choices ? (await input.choices(ctx, answers))[0] : undefined;
        if (first) answers[input.name] = input.type === 'list' ? [first.value] : first.value;
        else if (input.type === 'string') answers[input.name] = `<${input.name}>`;
        continue;
      }
    } catch {
      continue;
    }
    if (isEmpty(value)) continue;
    answers[input.name] = value;
    shown.set(input.name, echo(Array.isArray(value) ? value.join(',') : String(value)));
  }
  return shown;
}

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
