import { createTwoFilesPatch } from 'diff';
import type { FileChange } from './repo-tree.ts';

/** The unified diff of one change, git style (`/dev/null` for a new file). */
export function unifiedDiff(change: FileChange): string {
  const from = change.before === undefined ? '/dev/null' : `a/${change.path}`;
  return createTwoFilesPatch(
    from,
    `b/${change.path}`,
    change.before ?? '',
    change.after,
    undefined,
    undefined,
    {
      context: 3,
    },
  )
    .split('\n')
    .filter((line) => !line.startsWith('====='))
    .join('\n');
}
