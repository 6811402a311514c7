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
export async function inquirerPrompter(onCtrlC: () => void): Promise<Prompter> {
  const { default: inquirer } = await import('inquirer');
  return prompterOf(inquirer, onCtrlC);
}

/**
 * What asking needs of an inquirer: its prompt, and the autocomplete prompt for long lists,
 * loaded and registered the first time a list is long (a run with short lists never loads it).
 * Ctrl-C at a prompt calls `onCtrlC`: inquirer itself closes the prompt and signals the process,
 * which then often just ends (nothing left to run) with exit code 0, saying nothing.
 */
export function prompterOf(inquirer: InquirerLike, onCtrlC: () => void): Prompter {
  let registered: Promise<string> | undefined;
  const prompt = inquirer.prompt as PromptFn;
  return {
    prompt: (questions, answers) => {
      const asking = prompt(questions, answers) as ReturnType<PromptFn> & {
        ui?: { rl?: { on(event: 'SIGINT', listener: () => void): void } };
      };
      asking.ui?.rl?.on('SIGINT', onCtrlC);
      return asking;
    },
    filterable: () =>
      (registered ??= import('./steady-autocomplete.ts').then(({ SteadyAutocomplete }) => {
        inquirer.registerPrompt('autocomplete', SteadyAutocomplete as never);
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
