import { constants } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { HomeopsError } from '../errors.ts';
import { errnoCode, type CommitFs } from './commit-fs.ts';
import type { FileChange } from './repo-tree.ts';

/**
 * The checks the commit makes against the disk, holding the lock: each returns the refusal, or
 * undefined when the change may go ahead.
 */

/** The plan was made against what was on disk: anything edited since is a conflict. */
export function changedSincePlan(
  disk: CommitFs,
  root: string,
  change: FileChange,
): HomeopsError | undefined {
  let now: string | undefined;
  try {
    now = disk.readFileSync(join(root, change.path), 'utf8');
  } catch (error) {
    if (errnoCode(error) === 'EISDIR')
      return new HomeopsError(
        'CONFLICT',
        `${change.path} is a folder, and this change writes a file there`,
        {
          file: change.path,
          fix: 'move the folder away, or choose another name, and run again',
        },
      );
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
  if (now === change.before) return undefined;
  const what =
    change.before === undefined
      ? 'was created by someone else'
      : now === undefined
        ? 'was removed'
        : 'changed on disk';
  return new HomeopsError(
    'CONFLICT',
    `${change.path} ${what} since this run read it (another homeops run, or an editor); nothing was changed`,
    { file: change.path, fix: 'run the command again: it plans against the files as they are now' },
  );
}

/** A file to edit that is read-only (mode 444) stays as it is: the rename would replace it. */
export function notWritable(
  disk: CommitFs,
  root: string,
  change: FileChange,
): HomeopsError | undefined {
  if (change.before === undefined) return undefined;
  const target = join(root, change.path);
  const mode = disk.statSync(target)?.mode ?? 0o644;
  let writable = (mode & 0o222) !== 0;
  try {
    disk.accessSync(target, constants.W_OK);
  } catch {
    writable = false;
  }
  if (writable) return undefined;
  return new HomeopsError(
    'CONFLICT',
    `${change.path} is read-only (mode ${(mode & 0o777).toString(8)}), and this change edits it`,
    {
      file: change.path,
      fix: `make it writable (chmod u+w ${change.path}) if homeops may edit it, and run again`,
    },
  );
}

/**
 * Paths were checked as text when planned; here, against the disk: no write goes through a
 * symbolic link that leaves the repo or leads nowhere, and a linked file is not replaced by a copy.
 */
export function outsideRepo(
  disk: CommitFs,
  root: string,
  realRoot: string,
  change: FileChange,
): HomeopsError | undefined {
  const target = join(root, change.path);
  const refuse = (path: string, what: string) => {
    const at = relative(root, path);
    const where = at === change.path ? '' : `, on the way to ${change.path}`;
    return new HomeopsError('CONFLICT', `${at} is ${what}${where}`, {
      file: at,
      fix: 'edit it by hand, or replace the link with a real file or folder, and run again',
    });
  };
  const linkProblem = (path: string): HomeopsError | undefined => {
    if (!disk.lstatSync(path)?.isSymbolicLink()) return undefined;
    try {
      if (disk.statSync(path) === undefined)
        return refuse(path, 'a symbolic link to something that does not exist');
    } catch (error) {
      if (errnoCode(error) === 'ELOOP') return refuse(path, 'a symbolic link loop');
      throw error;
    }
    return undefined;
  };
  // what is there, if anything; a path through a loop is not there either
  const entry = (path: string) => {
    try {
      return disk.lstatSync(path);
    } catch (error) {
      if (errnoCode(error) === 'ELOOP') return undefined;
      throw error;
    }
  };
  if (entry(target)?.isSymbolicLink())
    return linkProblem(target) ?? refuse(target, 'a symbolic link');
  let dir = dirname(target);
  while (entry(dir) === undefined) dir = dirname(dir);
  const broken = linkProblem(dir);
  if (broken) return broken;
  const where = relative(realRoot, disk.realpathSync(dir));
  if (where === '..' || where.startsWith(`..${'/'}`) || where.startsWith('/'))
    return refuse(target, 'behind a symbolic link that leaves the repository');
  return undefined;
}
