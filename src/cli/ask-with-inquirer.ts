import type { AskFn } from '../inputs/resolve-inputs.ts';
import { toQuestion } from '../inputs/to-question.ts';

/** Ask one input at a time through inquirer; loaded only for interactive runs. */
export async function inquirerAsk<C>(): Promise<AskFn<C>> {
  const { default: inquirer } = await import('inquirer');
  return async (spec, answers, ctx) => {
    const question = toQuestion(spec, () => ctx);
    const result = (await inquirer.prompt([question as never], { ...answers })) as Record<string, unknown>;
    return result[spec.name];
  };
}
