import { HomeopsError } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import { commit } from '../tree/commit.ts';
import type { FileChange } from '../tree/repo-tree.ts';
import { resolveInputs, type AskFn } from '../inputs/resolve-inputs.ts';
import type { Answers } from '../inputs/input-spec.ts';
import { preloadValidators } from '../validate/kind-validators.ts';
import { validateChanges } from '../validate/validate-changes.ts';
import type { Generator, PlanResult, RepoContext } from './generator.ts';
import { openRepo } from './open-repo.ts';

export interface RunOptions<C> {
  /** The target repo. */
  dest: string;
  /** Inputs from flags or an answers file. */
  given: Answers;
  /** Ask for missing inputs (interactive runs only). */
  ask?: AskFn<C> | undefined;
  dryRun: boolean;
  /** The repo, already open (the CLI opens it to pick the layout's variant). */
  repo?: RepoContext | undefined;
  /** The context the prompts already used (plop), so lookups are not repeated. */
  ctx?: C | undefined;
}

export interface RunResult extends PlanResult {
  generator: string;
  /** The repo's apps layout, for generators whose variants depend on it. */
  layout: string | undefined;
  answers: Answers;
  changes: FileChange[];
  /** Whether files were written (false for a dry run or when nothing changed). */
  written: boolean;
  validatedDocuments: number;
}

/**
 * One way through: inputs -> layout -> plan on the in-memory tree -> validate every changed
 * document -> commit all files at once (or, for a dry run, nothing).
 */
export async function runGenerator<C>(
  generator: Generator<C>,
  options: RunOptions<C>,
): Promise<RunResult> {
  const repo = options.repo ?? openRepo(options.dest, options.ask !== undefined);
  const ctx = options.ctx ?? generator.context(repo);
  if (generator.writes) preloadValidators(generator.writes);
  const configDefaults = repo.config.defaults[generator.name];
  for (const input of Object.keys(configDefaults ?? {})) {
    if (!generator.inputs.some((spec) => spec.name === input)) {
      throw new HomeopsError(
        'LAYOUT',
        `defaults.${generator.name}.${input}: ${generator.name} has no input "${input}" (in this repo)`,
        {
          file: CONFIG_FILE,
          line: repo.config.lineOf(['defaults', generator.name, input]),
          fix: `use one of: ${generator.inputs.map((spec) => spec.name).join(', ')}`,
        },
      );
    }
  }
  const answers = await resolveInputs(generator.inputs, ctx, {
    given: options.given,
    configDefaults,
    configDefaultLine: (input) => repo.config.lineOf(['defaults', generator.name, input]),
    ask: options.ask,
  });
  const plan = await generator.plan(ctx, answers);
  const changes = repo.tree.changes();
  const validatedDocuments = await validateChanges(changes);
  const written = !options.dryRun && changes.length > 0;
  // the leftovers of an interrupted earlier run that the commit removed are reported as warnings
  const recovered = written ? (await commit(repo.tree.root, changes)).recovered : [];
  return {
    generator: generator.name,
    layout: repo.layoutIfRead()?.id,
    answers,
    changes,
    written,
    validatedDocuments,
    ...plan,
    warnings: [...plan.warnings, ...recovered],
  };
}
