/**
 * `npx plop <generator>`: the interactive shell over the same generators as `homeops`. Each
 * generator's inputs are asked one by one (the same questions, defaults, choices and validation
 * as the `homeops` prompts), less those given up front (`plop app whoami`, `plop app --
 * --name=whoami`); one custom action runs the same engine (plan on the in-memory repo, validate,
 * write all files or none).
 *
 * Installed, this is `dist/plopfile.mjs` (the package's main export: `plop.load('homeops-scaffold')`
 * or `export { default } from 'homeops-scaffold'`), plain JavaScript on every Node. In this
 * checkout plop loads the TypeScript through `.npmrc` (`node-options=--import tsx`).
 */
import type { NodePlopAPI } from 'plop';
import { GENERATORS } from './generators/index.ts';
import { variantFor } from './src/engine/by-layout.ts';
import type { AnyGenerator, RepoContext } from './src/engine/generator.ts';
import { openRepo } from './src/engine/open-repo.ts';
import { runGenerator } from './src/engine/run-generator.ts';
import { errorsOf } from './src/errors.ts';
import { plopBypass } from './src/cli/plop-bypass.ts';
import { askInput, type PromptFn } from './src/inputs/ask-input.ts';
import { resolveInputs } from './src/inputs/resolve-inputs.ts';

export default async function plopfile(plop: NodePlopAPI): Promise<void> {
  for (const [name, load] of Object.entries(GENERATORS)) {
    const entry = await load();
    // the repo, the layout's variant and the context the prompts used; the action reuses them
    // (1Password is asked once)
    let session: { repo: RepoContext; generator: AnyGenerator; ctx: unknown } | undefined;
    plop.setGenerator(name, {
      description: entry.description,
      prompts: async (inquirer) => {
        const repo = guard(() => openRepo(plop.getDestBasePath(), true));
        const generator = await guardAsync(() => variantFor(entry, repo));
        const ctx = guard(() => generator.context(repo));
        session = { repo, generator, ctx };
        const given = guard(() => plopBypass(process.argv.slice(2), name, generator.inputs));
        const prompt = inquirer.prompt as unknown as PromptFn;
        const warn = (text: string) => process.stderr.write(`warning: ${text}\n`);
        return guardAsync(() =>
          resolveInputs(generator.inputs, ctx, {
            given,
            configDefaults: repo.config.defaults[name],
            ask: (spec, answers, c, fallback) => askInput(prompt, spec, answers, c, fallback, warn),
          }),
        );
      },
      actions: [{ type: `homeops-${name}` }],
    });
    plop.setActionType(`homeops-${name}`, (answers) =>
      guardAsync(async () => {
        if (!session) throw new Error(`the ${name} action ran before its prompts`);
        const { repo, generator, ctx } = session;
        const result = await runGenerator(generator, {
          dest: plop.getDestBasePath(),
          given: answers as Record<string, unknown>,
          dryRun: false,
          repo,
          ctx,
        });
        if (result.changes.length === 0) return `nothing to change: ${result.summary}`;
        const files = result.changes
          .map((c) => `${c.type === 'create' ? 'created' : 'updated'} ${c.path}`)
          .join('\n    ');
        const next = result.nextSteps.map((s) => `\n  next: ${s}`).join('');
        const warnings = result.warnings.map((w) => `\n  warning: ${w}`).join('');
        return `${result.summary}\n    ${files}${warnings}${next}`;
      }),
    );
  }
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
