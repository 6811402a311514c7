/**
 * A commit in a process of its own, for tests of real signals: it commits the changes in the JSON
 * file it is given and, just before the step it is told, sends itself the signal it is told
 * (SIGINT, SIGTERM, or SIGKILL, which ends it there). Prints the outcome on stdout.
 * Usage: node --import tsx commit-child.ts <root> <changes.json> <signal> <step kind> <path>
 */
import { readFileSync } from 'node:fs';
import { commit } from '../../src/tree/commit.ts';
import type { FileChange } from '../../src/tree/repo-tree.ts';

const [root = '', changesFile = '', signal = '', kind = '', path = ''] = process.argv.slice(2);
const changes = JSON.parse(readFileSync(changesFile, 'utf8')) as FileChange[];
try {
  await commit(root, changes, {
    beforeStep: (step) => {
      if (step.kind === kind && (!('path' in step) || step.path === path))
        process.kill(process.pid, signal as NodeJS.Signals);
    },
  });
  process.stdout.write('written\n');
} catch (error) {
  process.stdout.write(`${(error as Error).message}\n`);
  process.exitCode = 1;
}
