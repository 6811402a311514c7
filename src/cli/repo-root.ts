import { existsSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';

/**
 * The repo a command run in `start` works on, found as git finds it: the nearest folder, from
 * `start` up, that holds `.git` (a folder, or a file in a worktree or submodule), never looking
 * into or above a folder of GIT_CEILING_DIRECTORIES. Outside any git repo: `start` itself.
 */
export function findRepoRoot(start: string, env: NodeJS.ProcessEnv = process.env): string {
  const from = resolve(start);
  const ceilings = (env.GIT_CEILING_DIRECTORIES ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => resolve(dir));
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    const up = dirname(dir);
    if (up === dir || ceilings.includes(up)) return from;
  }
}
