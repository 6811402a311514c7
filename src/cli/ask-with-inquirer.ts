import type { Prompter, PromptVoice } from '../inputs/ask-input.ts';
import type { PromptFn } from '../inputs/ask-filtered.ts';
import { NO_PAINT } from './paint.ts';
import type { Printer } from './print-result.ts';

/** inquirer 9 as `homeops` loads it and as plop hands it to a generator's prompts. */
export interface InquirerLike {
  prompt: unknown;
  registerPrompt(name: string, prompt: never): void;
}

/** inquirer, loaded only for interactive runs (`homeops app --yes` never loads it). */
export async function inquirerPrompter(): Promise<Prompter> {
  const { default: inquirer } = await import('inquirer');
  return prompterOf(inquirer);
}

/**
 * What asking needs of an inquirer: its prompt, and the autocomplete prompt for long lists,
 * loaded and registered the first time a list is long (a run with short lists never loads it).
 */
export function prompterOf(inquirer: InquirerLike): Prompter {
  let registered: Promise<string> | undefined;
  return {
    prompt: inquirer.prompt as PromptFn,
    filterable: () =>
      (registered ??= import('inquirer-autocomplete-prompt').then(({ default: prompt }) => {
        inquirer.registerPrompt('autocomplete', prompt as never);
        return 'autocomplete';
      })),
  };
}

/** How the prompts speak besides their questions: on stderr, in colour on a terminal. */
export function promptVoice(io: Printer): PromptVoice {
  const paint = io.paint?.err ?? NO_PAINT;
  return {
    warn: (text) => io.err(`${paint.yellow('warning:')} ${text}\n`),
    refusal: (text) => io.err(`${paint.red('>>')} ${text}\n`),
    note: (text) => io.err(`${paint.dim(text)}\n`),
  };
}
