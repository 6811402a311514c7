import type { Problem } from './input-spec.ts';

/** The longest value an input takes; longer ones are refused without being echoed. */
export const MAX_VALUE_LENGTH = 4096;
// eslint-disable-next-line no-control-regex -- control characters are what it finds
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
/** How much of a value a message quotes. */
const ECHO_LENGTH = 64;

/** A value as messages quote it: long ones cut, with their length. */
export function echo(value: string): string {
  return value.length <= ECHO_LENGTH
    ? value
    : `${value.slice(0, ECHO_LENGTH)}... (${value.length} characters)`;
}

/** Messages quote values as they are: cut the long ones wherever a check quoted them. */
export function shortenValues(problem: Problem, values: readonly string[]): Problem {
  let { message, fix } = problem;
  for (const value of values.filter((v) => v.length > ECHO_LENGTH)) {
    message = message.split(value).join(echo(value));
    fix = fix?.split(value).join(echo(value));
  }
  return { ...problem, message, ...(fix !== undefined && { fix }) };
}

/**
 * Why a text cannot be a value: too long, or with a control character (a newline, an escape)
 * that no name, path or URL of a repo holds and that a terminal or a YAML file would act on.
 */
export function textProblem(text: string, flag: string): Problem | undefined {
  if (text.length > MAX_VALUE_LENGTH)
    return {
      message: `the value is ${text.length} characters long; an input takes at most ${MAX_VALUE_LENGTH}`,
      fix: `pass a shorter --${flag}`,
    };
  const control = CONTROL.exec(text);
  if (control)
    return {
      message: `"${echo(text.replace(new RegExp(CONTROL.source, 'g'), '?'))}" holds a control character (U+${control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}), which no value may`,
      fix: `pass --${flag} without it`,
    };
  return undefined;
}
