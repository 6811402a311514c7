/**
 * `npx plop <generator>`: the interactive shell over the same generators as `homeops`. Each
 * generator's inputs are asked one by one (the same questions, defaults, choices and validation
 * as the `homeops` prompts), less those given up front (`plop app whoami`, `plop app --
 * --name=whoami`); the plan is shown and confirmed (`Write these N files? (Y/n/d)`) before plop
 * runs the one custom action, which writes all files or none.
 *
 * Installed, this is `dist/plopfile.mjs` (the package's main export: `plop.load('homeops-scaffold')`
 * or `export { default } from 'homeops-scaffold'`), plain JavaScript on every Node. In this
 * checkout plop loads the TypeScript through `.npmrc` (`node-options=--import tsx`).
 */
import type { NodePlopAPI } from 'plop';
import { GENERATORS } from './generators/index.ts';
import { variantFor } from './src/engine/by-layout.ts';
import { openRepo } from './src/engine/open-repo.ts';
import { finishRun, planRun, type PlannedRun } from './src/engine/run-generator.ts';
import { errorsOf } from './src/errors.ts';
import { prompterOf, promptVoice } from './src/cli/ask-with-inquirer.ts';
import { cancelOnInterrupt } from './src/cli/cancel-on-interrupt.ts';
import { confirmWrite } from './src/cli/confirm-write.ts';
import { paintFor, wantsColour } from './src/cli/paint.ts';
import { plopBypass } from './src/cli/plop-bypass.ts';
import type { Printer } from './src/cli/print-result.ts';
import { createAsker } from './src/inputs/ask-input.ts';
import { INFO_DESCRIPTION } from './src/cli/info-command.ts';

export default async function plopfile(plop: NodePlopAPI): Promise<void> {
  for (const [name, load] of Object.entries(GENERATORS)) {
    const entry = await load();
    // what the prompts planned (and the person confirmed, or declined): the action writes it
    let session: { planned: PlannedRun; declined: boolean; previewed: boolean } | undefined;
    plop.setGenerator(name, {
      description: entry.description,
      prompts: async (inquirer) => {
        const io = terminal();
        const atTerminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
        const { cancel, release } = atTerminal
          ? cancelOnInterrupt((text) => io.err(text))
          : { cancel: () => {}, release: () => {} };
        try {
          const repo = guard(() => openRepo(plop.getDestBasePath(), true));
          const generator = await guardAsync(() => variantFor(entry, repo));
          const given = guard(() => plopBypass(process.argv.slice(2), name, generator.inputs));
          const prompter = prompterOf(inquirer, cancel);
          const planned = await guardAsync(() =>
            planRun(generator, {
              dest: plop.getDestBasePath(),
              given,
              repo,
              ask: createAsker(prompter, promptVoice(io)),
            }),
          );
          const previewed = atTerminal && planned.changes.length > 0;
          const declined = previewed && !(await confirmWrite(prompter.prompt, planned, io));
          if (declined) io.out(`nothing written (you answered no): ${planned.summary}\n`);
          session = { planned, declined, previewed };
          return planned.answers;
        } finally {
          release(); // from here on the commit handles a signal: it finishes, or undoes what it wrote
        }
      },
      actions: () => (session?.declined ? [] : [{ type: `homeops-${name}` }]),
    });
    plop.setActionType(`homeops-${name}`, () =>
      guardAsync(async () => {
        if (!session) throw new Error(`the ${name} action ran before its prompts`);
        const result = await finishRun(session.planned, { write: true });
        if (result.changes.length === 0) return `nothing to change: ${result.summary}`;
        const paint = terminal().paint.out;
        const files = result.changes
          .map(
            (c) =>
              `${c.type === 'create' ? paint.green('created') : paint.yellow('updated')} ${c.path}`,
          )
          .join('\n    ');
        const next = result.nextSteps.map((s) => `\n  next: ${s}`).join('');
        const warnings = session.previewed
          ? ''
          : result.warnings.map((w) => `\n  ${paint.yellow('warning:')} ${w}`).join('');
        return `${result.summary}\n    ${files}${warnings}${next}`;
      }),
    );
  }
  // the repo explained, read only: no questions, and an action that prints and writes nothing
  plop.setGenerator('info', {
    description: INFO_DESCRIPTION,
    prompts: [],
    actions: [{ type: 'homeops-info' }],
  });
  plop.setActionType('homeops-info', () =>
    guardAsync(async () => {
      const [{ describeRepo }, { renderText }] = await Promise.all([
        import('./src/info/describe-repo.ts'),
        import('./src/info/render-text.ts'),
      ]);
      terminal().out(renderText(describeRepo(openRepo(plop.getDestBasePath()))));
      return 'read only: nothing was written';
    }),
  );
}

/** plop's terminal: the process's streams, in colour where they are terminals. */
function terminal(): Printer & { paint: NonNullable<Printer['paint']> } {
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    paint: {
      out: paintFor(wantsColour(process.stdout)),
      err: paintFor(wantsColour(process.stderr)),
    },
  };
}

/** Plop prints thrown errors as they are: give them the same readable form as `homeops`. */
function guard<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw readable(error);
  }
}

async function guardAsync<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw readable(error);
  }
}

function readable(error: unknown): unknown {
  const errors = errorsOf(error);
  return errors
    ? new Error(`${errors.map((e) => e.format()).join('\n')}\nnothing was written`)
    : error;
}
