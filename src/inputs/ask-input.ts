import { isHomeopsError } from '../errors.ts';
import { checkValue } from './resolve-inputs.ts';
import { parseInputValue, type Answers, type Choice, type InputSpec } from './input-spec.ts';

/** inquirer's `prompt` (9, legacy API, as plop ships it): the one thing asking needs. */
export type PromptFn = (questions: object[], answers?: Answers) => Promise<Answers>;

const OTHER = '\u0000other';

/**
 * Ask one input at a terminal. The question is built now, from the live context: choices may come
 * from a service (1Password vaults, an item search), and when they cannot be listed the user types
 * the name instead. Answers are validated exactly as flags are.
 */
export async function askInput<C>(
  prompt: PromptFn,
  spec: InputSpec<C>,
  answers: Answers,
  ctx: C,
  fallback: unknown,
  warn: (text: string) => void,
): Promise<unknown> {
  const validate = async (value: unknown) => {
    const parsed = parseInputValue(spec as InputSpec<unknown>, value === '' ? undefined : value);
    if ('problem' in parsed) return withFix(parsed.problem);
    if (parsed.value === undefined || (Array.isArray(parsed.value) && parsed.value.length === 0))
      return spec.required ? `${spec.name} is required` : true;
    const problem = await checkValue(spec, parsed.value, answers, ctx);
    return problem ? withFix(problem) : true;
  };
  const ask = async (question: object) =>
    (await prompt([{ name: 'value', validate, ...question }], {}))['value'];

  if (spec.type === 'boolean')
    return ask({ type: 'confirm', message: spec.message, default: fallback ?? false });
  let query: string | undefined;
  if (spec.search)
    query = String(
      (
        await prompt([
          { type: 'input', name: 'q', message: `${spec.message}: type part of the name` },
        ])
      )['q'] ?? '',
    );
  const choices = await listChoices(spec, ctx, answers, query, warn);
  if (!choices || choices.length === 0) {
    if (choices && spec.search) warn(`nothing matches "${query}": type the exact name`);
    const shown = Array.isArray(fallback) ? fallback.join(',') : fallback;
    return ask({ type: 'input', message: spec.message, default: shown });
  }
  if (spec.type === 'list') {
    const chosen = Array.isArray(fallback) ? fallback.map(String) : [];
    return ask({
      type: 'checkbox',
      message: spec.message,
      choices: choices.map((c) => ({ ...c, checked: chosen.includes(c.value) })),
    });
  }
  const list = spec.open ? [...choices, { name: '(another: type it)', value: OTHER }] : choices;
  const picked = await prompt(
    [{ type: 'list', name: 'value', message: spec.message, choices: list, default: fallback }],
    {},
  );
  if (picked['value'] !== OTHER) return picked['value'];
  return ask({ type: 'input', message: spec.message });
}

/** The choices to offer; undefined when there are none to offer and the name is typed. */
async function listChoices<C>(
  spec: InputSpec<C>,
  ctx: C,
  answers: Answers,
  query: string | undefined,
  warn: (t: string) => void,
): Promise<Choice[] | undefined> {
  if (!spec.choices) return undefined;
  try {
    return await spec.choices(ctx, answers, query);
  } catch (error) {
    if (!isHomeopsError(error) || !error.code.startsWith('SOURCE_')) throw error;
    warn(`${error.format()}\ncontinuing with names typed by hand`);
    return undefined;
  }
}

const withFix = (p: { message: string; fix?: string }) =>
  p.fix ? `${p.message} (${p.fix})` : p.message;
