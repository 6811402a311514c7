import type { RunResult } from '../engine/run-generator.ts';
import { unifiedDiff } from '../tree/diff.ts';
import { NO_PAINT, paintDiff, type Paint } from './paint.ts';

export interface Printer {
  out(text: string): void;
  err(text: string): void;
  /** Colours for each stream (none unless it is a terminal). */
  paint?: { out: Paint; err: Paint } | undefined;
}

/**
 * The human report of a run: the diff (dry run) or the files written, then what to do next.
 * `previewed`: the files and warnings were shown before the person confirmed.
 */
export function printResult(
  result: RunResult,
  dryRun: boolean,
  io: Printer,
  previewed = false,
): void {
  const paint = io.paint ?? { out: NO_PAINT, err: NO_PAINT };
  if (result.changes.length === 0) {
    io.out(`nothing to change: ${result.summary}\n`);
  } else if (result.declined) {
    io.out(`nothing written (you answered no): ${result.summary}\n`);
    return;
  } else if (dryRun) {
    for (const change of result.changes) io.out(`${paintDiff(unifiedDiff(change), paint.out)}\n`);
    io.out(
      `\n${result.summary}\ndry run: ${result.changes.length} file(s) would change; nothing was written\n`,
    );
  } else {
    for (const change of result.changes)
      io.out(
        `${change.type === 'create' ? paint.out.green('created') : paint.out.yellow('updated')}  ${change.path}\n`,
      );
    io.out(`\n${result.summary}\n`);
  }
  if (!previewed)
    for (const warning of result.warnings) io.err(`${paint.err.yellow('warning:')} ${warning}\n`);
  if (result.changes.length > 0 && result.nextSteps.length > 0) {
    io.out(`\nnext steps:\n${result.nextSteps.map((s) => `  - ${s}`).join('\n')}\n`);
  }
}

/** The machine report (--json). */
export function jsonResult(result: RunResult, dryRun: boolean): object {
  return {
    ok: true,
    generator: result.generator,
    layout: result.layout,
    dryRun,
    written: result.written,
    summary: result.summary,
    /** Every input as resolved: given, answered, or defaulted from what the repo holds. */
    inputs: result.answers,
    changes: result.changes.map((c) => ({ path: c.path, type: c.type, diff: unifiedDiff(c) })),
    nextSteps: result.nextSteps,
    warnings: result.warnings,
  };
}
