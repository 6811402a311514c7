import { isHomeopsError } from '../errors.ts';
import { LONG_LIST, pickFiltered, pickManyFiltered, type PromptFn } from './ask-filtered.ts';
import { parseInputValue, type Answers, type Choice, type InputSpec } from './input-spec.ts';
import { promptWording, words } from './prompt-wording.ts';
import { checkValue } from './check-value.ts';
import type { Asker, Defaulted } from './resolve-inputs.ts';

export type { PromptFn } from './ask-filtered.ts';

/** What asking needs of the prompt library: inquirer's `prompt`, and its filtering list. */
export interface Prompter {
  prompt: PromptFn;
  /** Registers the prompt that filters a long list as one types, on first use; its type name. */
  filterable?: () => Promise<string>;
}

/** Where asking speaks to the person, besides the questions. */
export interface PromptVoice {
  /** A lookup failed: the run goes on with names typed by hand. */
  warn(text: string): void;
  /** An answer was refused; the question (or an earlier one) comes again. */
  refusal(text: string): void;
  /** Something to know before the next question (1Password is offline). */
  note(text: string): void;
}

const OTHER = '\u0000other';

/**
 * The person at the terminal, through inquirer. Each question is built when it is asked, from the
 * live context: choices may come from a service (1Password vaults, an item search), and when they
 * cannot be looked up the name is typed instead (said once a run). Typed answers are checked as
 * flags are, at the prompt itself; a pick from a list is checked by resolveInputs, which asks again.
 */
export function createAsker<C>(prompter: Prompter, voice: PromptVoice): Asker<C> {
  let offlineSaid = false;
  const sayOffline = (say: () => void) => {
    if (!offlineSaid) say();
    offlineSaid = true;
  };
  return {
    ask: (spec, answers, ctx, fallback) =>
      askInput(prompter, spec, answers, ctx, fallback, { voice, sayOffline }),
    async moreOptions(defaulted: readonly Defaulted<C>[]) {
      const list = defaulted.map((d) => `${words(d.spec.name)} ${shown(d.value)}`).join(', ');
      voice.note(`defaults taken: ${list}`);
      const picked = await prompter.prompt([
        { type: 'confirm', name: 'more', message: 'More options?', default: false },
      ]);
      return picked['more'] === true;
    },
    refused: (problem, at) => voice.refusal(promptWording(problem, at as InputSpec<never>)),
  };
}

interface Session {
  voice: PromptVoice;
  sayOffline: (say: () => void) => void;
}

async function askInput<C>(
  prompter: Prompter,
  spec: InputSpec<C>,
  answers: Answers,
  ctx: C,
  fallback: unknown,
  session: Session,
): Promise<unknown> {
  const { prompt } = prompter;
  const own = spec as InputSpec<never>;
  // a typed answer is refused right there; a refusal naming an earlier input is resolveInputs' to handle
  const validate = async (value: unknown) => {
    const parsed = parseInputValue(spec as InputSpec<unknown>, value === '' ? undefined : value);
    if ('problem' in parsed) return promptWording(parsed.problem, own);
    if (parsed.value === undefined || (Array.isArray(parsed.value) && parsed.value.length === 0))
      return spec.required ? 'an answer is needed here' : true;
    const problem =
      (await checkValue(spec, parsed.value, answers, ctx)) ??
      spec.taken?.(parsed.value as never, answers, ctx);
    return problem && (problem.field ?? spec.name) === spec.name
      ? promptWording(problem, own)
      : true;
  };
  const ask = async (question: object) =>
    (await prompt([{ name: 'value', validate, ...question }], {}))['value'];
  const typed = () =>
    ask({
      type: 'input',
      message: spec.message,
      default: Array.isArray(fallback) ? fallback.join(',') : fallback,
    });

  if (spec.type === 'boolean')
    return ask({ type: 'confirm', message: spec.message, default: fallback ?? false });
  const offline = spec.offline?.(ctx, answers);
  if (offline !== undefined) {
    session.sayOffline(() => session.voice.note(offline));
    return typed();
  }
  let query: string | undefined;
  if (spec.search)
    query = String(
      (
        await prompt([
          { type: 'input', name: 'q', message: `${spec.message}: type part of the name` },
        ])
      )['q'] ?? '',
    );
  const all = await listChoices(spec, ctx, answers, query, session);
  const choices = all?.filter((c) => !c.disabled);
  if (!all || !choices || choices.length === 0) {
    if (choices && spec.search)
      session.voice.note(`nothing matches "${query}": type the exact name`);
    return typed();
  }
  const type = choices.length > LONG_LIST ? await prompter.filterable?.() : undefined;
  if (spec.type === 'list') {
    const chosen = Array.isArray(fallback) ? fallback.map(String) : [];
    if (type)
      return pickManyFiltered(prompt, type, { ...spec, choices, open: !!spec.open, chosen });
    return ask({
      type: 'checkbox',
      message: spec.message,
      choices: all.map((c) => ({ ...c, checked: chosen.includes(c.value) })),
    });
  }
  if (type)
    return pickFiltered(prompt, type, { ...spec, choices, open: !!spec.open, default: fallback });
  // a short list shows what cannot be picked too, greyed with the reason
  const list = spec.open ? [...all, { name: '(another: type it)', value: OTHER }] : all;
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
  session: Session,
): Promise<Choice[] | undefined> {
  if (!spec.choices) return undefined;
  try {
    return await spec.choices(ctx, answers, query);
  } catch (error) {
    if (!isHomeopsError(error) || !error.code.startsWith('SOURCE_')) throw error;
    const said = promptWording(error, spec as InputSpec<never>);
    session.sayOffline(() => session.voice.warn(`${said}\ncontinuing with names typed by hand`));
    return undefined;
  }
}

/** A default as the person reads it. */
function shown(value: unknown): string {
  if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0))
    return '(none)';
  return Array.isArray(value) ? value.join(',') : String(value);
}
