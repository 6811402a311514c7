import type { Answers, InputSpec, Problem } from './input-spec.ts';

/** No answer: nothing, or empty text (an empty list is an answer: "none"). */
export const noValue = (value: unknown) => value === undefined || value === null || value === '';

/** Validate one parsed value against its spec (choices, then the spec's own check). */
export async function checkValue<C>(
  spec: InputSpec<C>,
  value: unknown,
  answers: Answers,
  ctx: C,
): Promise<Problem | undefined> {
  if (value === undefined || value === '') return undefined;
  if ((spec.type === 'choice' || spec.type === 'list') && spec.choices && !spec.open) {
    const choices = await spec.choices(ctx, answers);
    const values = Array.isArray(value) ? value : [value];
    const bad = values.find((v) => !choices.some((c) => c.value === String(v)));
    const allowed = choices.filter((c) => !c.disabled).map((c) => c.value);
    if (bad !== undefined)
      return {
        message: `"${String(bad)}" is not one of ${allowed.join(', ') || '(none)'}`,
        fix: `pass one of: ${allowed.join(', ')}`,
      };
  }
  return spec.validate?.(value as never, answers, ctx);
}
