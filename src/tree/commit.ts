import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  rmdirSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { HomeopsError } from '../errors.ts';
import type { FileChange } from './repo-tree.ts';

/**
 * Write every change or none. Each file is first written beside its target under a temporary
 * name; only when all of them are on disk are they renamed into place. If anything fails, the
 * temporaries, the renamed files and the folders made for them are undone, so the repo is as it was.
 */
export function commit(root: string, changes: readonly FileChange[]): void {
  assertUnchangedOnDisk(root, changes);
  assertInsideRepo(root, changes);
  const madeDirs: string[] = [];
  const staged: { tmp: string; target: string; change: FileChange }[] = [];
  const placed: { target: string; change: FileChange }[] = [];
  try {
    for (const change of changes) {
      const target = join(root, change.path);
      madeDirs.push(...mkdirs(dirname(target)));
      const tmp = `${target}.homeops-${process.pid}.tmp`;
      writeFileSync(tmp, change.after, { flag: 'wx' });
      if (change.before !== undefined) chmodSync(tmp, statSync(target).mode); // keep the file's mode
      staged.push({ tmp, target, change });
    }
    for (const s of staged) {
      renameSync(s.tmp, s.target);
      placed.push(s);
    }
  } catch (error) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    for (const p of placed) {
      if (p.change.before === undefined) rmSync(p.target, { force: true });
      else writeFileSync(p.target, p.change.before);
    }
    for (const dir of madeDirs.reverse()) tryRmdir(dir);
    throw new HomeopsError(
      'WRITE',
      `could not write the changes: ${(error as Error).message}; nothing was changed`,
      {
        fix: 'check that the repository folder is writable and retry',
      },
    );
  }
}

/** The plan was made against what was on disk: refuse to overwrite anything edited since. */
function assertUnchangedOnDisk(root: string, changes: readonly FileChange[]): void {
  for (const change of changes) {
    let now: string | undefined;
    try {
      now = readFileSync(join(root, change.path), 'utf8');
    } catch {
      now = undefined;
    }
    if (now !== change.before) {
      throw new HomeopsError('CONFLICT', `${change.path} changed on disk while the plan was made`, {
        file: change.path,
        fix: 'run the generator again',
      });
    }
  }
}

/**
 * Paths are checked as text when planned; here, against the disk: no write may go through a
 * symlinked folder to outside the repo, and a symlinked file is not silently replaced by a copy.
 */
function assertInsideRepo(root: string, changes: readonly FileChange[]): void {
  const realRoot = realpathSync(root);
  for (const change of changes) {
    const target = join(root, change.path);
    let dir = dirname(target);
    while (!existsSync(dir)) dir = dirname(dir);
    const where = relative(realRoot, realpathSync(dir));
    const symlinked = existsSync(target) && lstatSync(target).isSymbolicLink();
    if (where.startsWith('..') || symlinked) {
      throw new HomeopsError(
        'CONFLICT',
        `${change.path} is ${symlinked ? 'a symbolic link' : 'behind a symbolic link that leaves the repository'}`,
        {
          file: change.path,
          fix: 'edit it by hand, or replace the link with a real file or folder',
        },
      );
    }
  }
}

/** mkdir -p that returns the folders it made, outermost first. */
function mkdirs(dir: string): string[] {
  const first = mkdirSync(dir, { recursive: true });
  if (first === undefined) return [];
  const made: string[] = [];
  for (let d = dir; d.length >= first.length; d = dirname(d)) made.unshift(d);
  return made;
}

function tryRmdir(dir: string): void {
  try {
    rmdirSync(dir);
  } catch {
    // not empty or already gone: leave it
  }
}
