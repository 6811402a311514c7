import type { Choice } from './input-spec.ts';

/** inquirer's `prompt` (9, legacy API, as plop ships it): the one thing asking needs. */
export type PromptFn = (
  questions: object[],
  answers?: Record<string, unknown>,
) => Promise<Record<string, unknown>>;

/** Lists longer than this filter as one types (a dependsOn over 60 apps); shorter ones are picked with the arrows. */
export const LONG_LIST = 15;

const DONE = '\u0000done';

/** The choices whose name holds every word typed, in their order. */
export function filterChoices(choices: readonly Choice[], typed: string | undefined): Choice[] {
  const words = (typed ?? '').toLowerCase().split(/\s+/).filter(Boolean);
  return choices.filter((c) => words.every((w) => c.name.toLowerCase().includes(w)));
}

/** What an open input offers for text that names no choice: that text, as a new value. */
function typedChoice(choices: readonly Choice[], typed: string | undefined): Choice[] {
  const text = (typed ?? '').trim();
  if (!text || choices.some((c) => c.value === text)) return [];
  return [{ name: `${text} (another: as typed)`, value: text }];
}

/** One value from a long list, filtered as the person types (the autocomplete prompt `type`). */
export async function pickFiltered(
  prompt: PromptFn,
  type: string,
  question: { message: string; choices: Choice[]; open: boolean; default: unknown },
): Promise<unknown> {
  const picked = await prompt([
    {
      type,
      name: 'value',
      message: `${question.message} (type to filter)`,
      default: question.default,
      pageSize: 10,
      emptyText: 'nothing matches: type less, or another name',
      source: (_answers: unknown, typed: string | undefined) => [
        ...filterChoices(question.choices, typed),
        ...(question.open ? typedChoice(question.choices, typed) : []),
      ],
    },
  ]);
  return picked['value'];
}

/**
 * Several values from a long list: one at a time, each filtered as the person types, until they
 * pick "(done)"; what was picked is left out of the list and shown in the question.
 */
export async function pickManyFiltered(
  prompt: PromptFn,
  type: string,
  question: { message: string; choices: Choice[]; open: boolean; chosen: string[] },
): Promise<string[]> {
  const chosen = [...question.chosen];
  for (;;) {
    const left = question.choices.filter((c) => !chosen.includes(c.value));
    const picked = await prompt([
      {
        type,
        name: 'value',
        message: chosen.length
          ? `${question.message}: ${chosen.join(', ')}; another? (type to filter)`
          : `${question.message} (type to filter)`,
        pageSize: 10,
        emptyText: 'nothing matches: type less, or another name',
        source: (_answers: unknown, typed: string | undefined) => [
          ...(typed ? [] : [{ name: chosen.length ? '(done)' : '(none)', value: DONE }]),
          ...filterChoices(left, typed),
          ...(question.open ? typedChoice(question.choices, typed) : []),
        ],
      },
    ]);
    if (picked['value'] === DONE) return chosen;
    chosen.push(String(picked['value']));
  }
}
