import type { PlannedRun } from '../engine/run-generator.ts';
import type { PromptFn } from '../inputs/ask-filtered.ts';
import { unifiedDiff } from '../tree/diff.ts';
import { NO_PAINT, paintDiff } from './paint.ts';
import type { Printer } from './print-result.ts';

/**
 * Before anything is written: what the run will create and change, then `Write these N files?
 * (Y/n/d)`. y (or Enter) writes, n writes nothing, d shows the diff and asks again.
 */
export async function confirmWrite(
  prompt: PromptFn,
  planned: PlannedRun,
  io: Printer,
): Promise<boolean> {
  io.out(previewText(planned, io));
  const count = planned.changes.length;
  const message = count === 1 ? 'Write this file? (Y/n/d)' : `Write these ${count} files? (Y/n/d)`;
  for (;;) {
    const answer = String(
      (
        await prompt([
          {
            type: 'input',
            name: 'write',
            message,
            validate: (value: string) =>
              ANSWERS.test(value.trim()) ||
              'answer y to write, n to write nothing, d to see the diff',
          },
        ])
      )['write'] ?? '',
    )
      .trim()
      .toLowerCase();
    if (!answer.startsWith('d')) return !answer.startsWith('n');
    const paint = io.paint?.out ?? NO_PAINT;
    io.out(`${planned.changes.map((c) => paintDiff(unifiedDiff(c), paint)).join('\n')}\n`);
  }
}

const ANSWERS = /^(y|yes|n|no|d|diff)?$/i;

/** The summary, each file with what happens to it, and the plan's warnings. */
export function previewText(planned: PlannedRun, io: Pick<Printer, 'paint'>): string {
  const paint = io.paint?.out ?? NO_PAINT;
  // new files first, then the files it edits: what the person reads is what is added, then where
  const ordered = [
    ...planned.changes.filter((c) => c.type === 'create'),
    ...planned.changes.filter((c) => c.type !== 'create'),
  ];
  const files = ordered.map((c) =>
    c.type === 'create'
      ? `  ${paint.green('create')}  ${c.path}`
      : `  ${paint.yellow('update')}  ${c.path}`,
  );
  const warnings = planned.warnings.map((w) => `${paint.yellow('warning:')} ${w}`);
  return `\n${paint.bold(planned.summary)}\n${[...files, ...warnings].join('\n')}\n`;
}
