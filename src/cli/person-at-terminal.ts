import type { PlannedRun } from '../engine/run-generator.ts';
import { createAsker } from '../inputs/ask-input.ts';
import { cancelOnInterrupt } from './cancel-on-interrupt.ts';
import { confirmWrite } from './confirm-write.ts';
import type { Printer } from './print-result.ts';

/**
 * An interactive run: its questions, the preview and `Write these files?` before the commit, and
 * Ctrl-C (until the person says yes) ending it with nothing written.
 */
export async function personAtTerminal<C>(io: Printer, dryRun: boolean) {
  const { inquirerPrompter, promptVoice } = await import('./ask-with-inquirer.ts');
  const { cancel, release } = cancelOnInterrupt((text) => io.err(text));
  const prompter = await inquirerPrompter(cancel);
  return {
    ask: createAsker<C>(prompter, promptVoice(io)),
    confirm: dryRun
      ? undefined
      : async (planned: PlannedRun) => {
          const write = await confirmWrite(prompter.prompt, planned, io);
          release(); // from here on the commit handles a signal: it finishes, or undoes what it wrote
          return write;
        },
    release,
  };
}
