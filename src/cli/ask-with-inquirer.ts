import { askInput, type PromptFn } from '../inputs/ask-input.ts';
import type { AskFn } from '../inputs/resolve-inputs.ts';

/** Ask one input at a time through inquirer; loaded only for interactive runs. */
export async function inquirerAsk<C>(warn: (text: string) => void): Promise<AskFn<C>> {
  const { default: inquirer } = await import('inquirer');
  const prompt = inquirer.prompt as unknown as PromptFn;
  return (spec, answers, ctx, fallback) => askInput(prompt, spec, answers, ctx, fallback, warn);
}
