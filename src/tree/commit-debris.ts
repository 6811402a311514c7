import { dirname, join, posix } from 'node:path';
import { errnoCode, removeEmptyDir, removeFile, type CommitFs } from './commit-fs.ts';
import type { LockRecord } from './commit-lock.ts';

/** What a run writes beside a target: `<file>.homeops-<pid>.tmp`, its backup `...-before.tmp`. */
const DEBRIS = /\.homeops-\d+(-before)?\.tmp$/;

export const tempPath = (path: string, pid: number): string => `${path}.homeops-${pid}.tmp`;
export const backupPath = (path: string, pid: number): string =>
  `${path}.homeops-${pid}-before.tmp`;

/**
 * Remove what an interrupted run left: the temporary files and folders its lock lists (when its
 * lock was found stale), and any `*.homeops-<pid>.tmp` in the folders this run writes to (runs
 * of older versions left no list). Returns what was done, in words, for the run's report.
 */
export function removeDebris(
  disk: CommitFs,
  root: string,
  stale: LockRecord | undefined,
  folders: readonly string[],
): string[] {
  const removed = new Set<string>();
  for (const path of stale?.temps ?? []) if (removeIfThere(disk, root, path)) removed.add(path);
  for (const folder of folders) {
    let names: string[];
    try {
      names = disk.readdirSync(join(root, folder));
    } catch (error) {
      if (['ENOENT', 'ENOTDIR', 'ELOOP'].includes(errnoCode(error) ?? '')) continue; // the check says why
      throw error;
    }
    for (const name of names.filter((n) => DEBRIS.test(n))) {
      const path = folder === '' ? name : posix.join(folder, name);
      if (removeIfThere(disk, root, path)) removed.add(path);
    }
  }
  const emptied = [...(stale?.dirs ?? [])]
    .filter(insideRepo)
    .reverse()
    .filter((dir) => removeEmptyDir(disk, join(root, dir)));
  const notes: string[] = [];
  if (stale)
    notes.push(
      `an earlier homeops run (pid ${stale.pid}, started ${stale.started}) was interrupted while writing: removed its lock`,
    );
  if (removed.size)
    notes.push(`removed ${removed.size} leftover temporary file(s): ${list([...removed].sort())}`);
  if (emptied.length)
    notes.push(`removed the empty folder(s) it had made: ${list(emptied.reverse())}`);
  return notes;
}

/** Every folder from each changed file's up to the repo root, for the debris scan. */
export function foldersOf(paths: readonly string[]): string[] {
  const folders = new Set<string>(['']);
  for (const path of paths)
    for (let dir = posix.dirname(path); dir !== '.' && !folders.has(dir); dir = posix.dirname(dir))
      folders.add(dir);
  return [...folders];
}

function removeIfThere(disk: CommitFs, root: string, path: string): boolean {
  const full = join(root, path);
  if (!DEBRIS.test(path) || !insideRepo(path) || !disk.lstatSync(dirname(full))) return false; // only our own names
  if (!disk.lstatSync(full)?.isFile()) return false;
  removeFile(disk, full);
  return true;
}

/** A path read from a lock file names a place in the repo, or it is ignored. */
const insideRepo = (path: string): boolean =>
  path !== '' && !path.startsWith('/') && !path.split('/').includes('..');

function list(paths: string[]): string {
  return paths.length > 8
    ? `${paths.slice(0, 8).join(', ')} and ${paths.length - 8} more`
    : paths.join(', ');
}
