/**
 * `npx plop <generator>`: the interactive shell over the same generators as `homeops`. Prompts
 * come from each generator's inputs; one custom action runs the same engine (plan on the
 * in-memory repo, validate, write all files or none). Loads on Node 20 through `.npmrc`
 * (`node-options=--import tsx`); on Node >= 22.18 natively.
 */
import type { NodePlopAPI } from 'plop';
import { GENERATORS } from './generators/index.ts';
import { openRepo } from './src/engine/open-repo.ts';
import { runGenerator } from './src/engine/run-generator.ts';
import { HomeopsError, HomeopsErrors } from './src/errors.ts';
import { toQuestion } from './src/inputs/to-question.ts';

export default function plopfile(plop: NodePlopAPI): void {
  for (const [name, generator] of Object.entries(GENERATORS)) {
    let ctx: unknown;
    const context = () => (ctx ??= generator.context(openRepo(plop.getDestBasePath())));
    plop.setGenerator(name, {
      description: generator.description,
      prompts: generator.inputs.map((input) => toQuestion(input, context)) as never,
      actions: [{ type: `homeops-${name}` }],
    });
    plop.setActionType(`homeops-${name}`, async (answers) => {
      try {
        const result = await runGenerator(generator, { dest: plop.getDestBasePath(), given: answers as Record<string, unknown>, dryRun: false });
        if (result.changes.length === 0) return `nothing to change: ${result.summary}`;
        const files = result.changes.map((c) => `${c.type === 'create' ? 'created' : 'updated'} ${c.path}`).join('\n    ');
        const next = result.nextSteps.map((s) => `\n  next: ${s}`).join('');
        const warnings = result.warnings.map((w) => `\n  warning: ${w}`).join('');
        return `${result.summary}\n    ${files}${warnings}${next}`;
      } catch (error) {
        if (error instanceof HomeopsErrors || error instanceof HomeopsError) {
          const errors = error instanceof HomeopsErrors ? error.errors : [error];
          throw new Error(`${errors.map((e) => e.format()).join('\n')}\nnothing was written`);
        }
        throw error;
      }
    });
  }
}
