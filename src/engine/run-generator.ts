import { HomeopsError } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import { commit } from '../tree/commit.ts';
import type { FileChange } from '../tree/repo-tree.ts';
import { resolveInputs, type Asker } from '../inputs/resolve-inputs.ts';
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
  ask?: Asker<C> | undefined;
  dryRun: boolean;
  /** The repo, already open (the CLI opens it to pick the layout's variant). */
  repo?: RepoContext | undefined;
  /** The context the prompts already used (plop), so lookups are not repeated. */
  ctx?: C | undefined;
  /**
   * Asked between the plan and the commit, when there is something to write (not for a dry run):
   * false writes nothing. Interactive runs show the files and ask; scripts pass none.
   */
  confirm?: ((planned: PlannedRun) => Promise<boolean>) | undefined;
}

/** A run planned and validated, not yet written. */
export interface PlannedRun extends PlanResult {
  generator: string;
  /** The repo's apps layout, for generators whose variants depend on it. */
  layout: string | undefined;
  answers: Answers;
  changes: FileChange[];
  validatedDocuments: number;
  /** The repo folder the changes are relative to. */
  root: string;
}

export interface RunResult extends PlannedRun {
  /** Whether files were written (false for a dry run, when nothing changed, or when declined). */
  written: boolean;
  /** The person answered no at "Write these files?": nothing was written. */
  declined: boolean;
}

/**
 * One way through: inputs -> layout -> plan on the in-memory tree -> validate every changed
 * document -> confirm (interactive) -> commit all files at once (or, for a dry run, nothing).
 */
export async function runGenerator<C>(
  generator: Generator<C>,
  options: RunOptions<C>,
): Promise<RunResult> {
  const planned = await planRun(generator, options);
  if (options.dryRun || planned.changes.length === 0) return finishRun(planned, { write: false });
  const write = options.confirm ? await options.confirm(planned) : true;
  return finishRun(planned, { write, declined: !write });
}

/** Inputs, plan and validation: everything before the commit, which writes nothing. */
export async function planRun<C>(
  generator: Generator<C>,
  options: Omit<RunOptions<C>, 'dryRun' | 'confirm'>,
): Promise<PlannedRun> {
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
  return {
    generator: generator.name,
    layout: repo.layoutIfRead()?.id,
    answers,
    changes,
    validatedDocuments,
    root: repo.tree.root,
    ...plan,
  };
}

/** The commit step: write every planned change or none (nothing when `write` is false). */
export async function finishRun(
  planned: PlannedRun,
  options: { write: boolean; declined?: boolean },
): Promise<RunResult> {
  const written = options.write && planned.changes.length > 0;
  // the leftovers of an interrupted earlier run that the commit removed are reported as warnings
  const recovered = written ? (await commit(planned.root, planned.changes)).recovered : [];
  return {
    ...planned,
    written,
    declined: options.declined ?? false,
    warnings: [...planned.warnings, ...recovered],
  };
}
