import { hostname } from 'node:os';
import { join } from 'node:path';
import { HomeopsErrors } from '../errors.ts';
import { changedSincePlan, notWritable, outsideRepo } from './commit-checks.ts';
import { backupPath, foldersOf, removeDebris, tempPath } from './commit-debris.ts';
import { errnoCode, nodeFs, type CommitFs } from './commit-fs.ts';
import { acquireLock, processAlive, type HeldLock } from './commit-lock.ts';
import { missingFolders, placeOrder } from './commit-order.ts';
import { processSignals, SignalTrap, turn, type SignalSource } from './commit-signals.ts';
import { CommitUndo } from './commit-undo.ts';
import { writeFailure } from './commit-failure.ts';
import type { FileChange } from './repo-tree.ts';

/** One step of the commit; `beforeStep` sees each one before it runs. */
export type CommitStep =
  | { kind: 'lock' | 'recover' | 'verify' | 'journal' | 'finish' }
  | { kind: 'mkdir' | 'stage' | 'backup' | 'place'; path: string };

export interface CommitOptions {
  /** The disk (tests make a call of it fail). */
  fs?: CommitFs;
  /** Runs before each step; tests inject a failure, a signal or a concurrent edit here. */
  beforeStep?: (step: CommitStep) => void | Promise<void>;
  /** Where SIGINT and SIGTERM come from. */
  signals?: SignalSource;
  /** Who this run is, in the lock and in temporary file names. */
  pid?: number;
  /** How long to wait for another run that holds the lock (default 10 s). */
  lockWaitMs?: number;
}

export interface CommitReport {
  /** What was cleaned up after an interrupted earlier run, in words (empty: nothing). */
  recovered: string[];
}

/**
 * Write every change or none. Holding the repo's lock, the commit checks every file against what
 * the plan read, writes each beside its target under a temporary name, and renames them into
 * place: new files first, edits of existing files last, each re-checked just before its rename.
 * A failure or a signal at any step undoes what was done (a backup brings an edited file back);
 * a run killed outright leaves a repo that builds, and the next run removes its leftovers.
 */
export async function commit(
  root: string,
  changes: readonly FileChange[],
  options: CommitOptions = {},
): Promise<CommitReport> {
  const disk = options.fs ?? nodeFs;
  const pid = options.pid ?? process.pid;
  const trap = new SignalTrap(options.signals ?? processSignals);
  const undo = new CommitUndo(disk, root);
  let doing: string | undefined; // the file being written, for the message of a failure
  const step = async (s: CommitStep) => {
    doing = 'path' in s ? s.path : undefined;
    await options.beforeStep?.(s);
    await turn();
    trap.throwIfCaught();
  };
  let lock: HeldLock | undefined;
  try {
    await step({ kind: 'lock' });
    const taken = await acquireLock({
      fs: disk,
      root,
      pid,
      host: hostname(),
      isAlive: processAlive,
      now: Date.now,
      waitMs: options.lockWaitMs ?? 10_000,
      pause: async (ms) => {
        await new Promise((resolve) => setTimeout(resolve, ms));
        trap.throwIfCaught();
      },
    });
    lock = taken.lock;
    await step({ kind: 'recover' });
    const recovered = removeDebris(disk, root, taken.stale, foldersOf(changes.map((c) => c.path)));
    await step({ kind: 'verify' });
    verifyAll(disk, root, changes);
    const ordered = placeOrder(changes);
    const edits = ordered.filter((c) => c.before !== undefined);
    const folders = missingFolders(disk, root, changes);
    await step({ kind: 'journal' });
    lock.journal(
      [...ordered.map((c) => tempPath(c.path, pid)), ...edits.map((c) => backupPath(c.path, pid))],
      folders,
    );
    for (const folder of folders) {
      await step({ kind: 'mkdir', path: folder });
      disk.mkdirSync(join(root, folder));
      undo.dir(folder);
    }
    for (const change of ordered) {
      await step({ kind: 'stage', path: change.path });
      const tmp = tempPath(change.path, pid);
      undo.temp(tmp); // before the write: a write that fails half way leaves a file too
      try {
        disk.writeFileSync(join(root, tmp), change.after, { flag: 'wx' });
      } catch (error) {
        if (errnoCode(error) === 'EEXIST') undo.forget(tmp); // not ours: a folder of that name
        throw error;
      }
      const mode = change.before === undefined ? undefined : disk.statSync(join(root, change.path));
      if (mode) disk.chmodSync(join(root, tmp), mode.mode & 0o7777); // keep the file's mode
    }
    for (const change of edits) {
      await step({ kind: 'backup', path: change.path });
      const backup = backupPath(change.path, pid);
      undo.temp(backup);
      makeBackup(disk, root, change, backup);
    }
    for (const change of ordered) {
      await step({ kind: 'place', path: change.path });
      // a file edited (or made) since the check is a conflict, never silently overwritten
      const problem =
        changedSincePlan(disk, root, change) ??
        outsideRepo(disk, root, realRoot(disk, root), change);
      if (problem) throw problem;
      disk.renameSync(join(root, tempPath(change.path, pid)), join(root, change.path));
      undo.placedFile(
        change,
        change.before === undefined ? undefined : backupPath(change.path, pid),
      );
    }
    await step({ kind: 'finish' });
    undo.finish();
    lock.release();
    lock = undefined;
    await turn(); // a signal that came during the last lines: the change is complete
    trap.releaseAfterSuccess();
    return { recovered };
  } catch (error) {
    const left = undo.rollback();
    lock?.release();
    trap.release();
    throw writeFailure(error, doing, left);
  }
}

/** Every file checked before the first write; all refusals are reported together. */
function verifyAll(disk: CommitFs, root: string, changes: readonly FileChange[]): void {
  const real = realRoot(disk, root);
  let problems = changes.flatMap((change) => {
    const problem =
      outsideRepo(disk, root, real, change) ??
      changedSincePlan(disk, root, change) ??
      notWritable(disk, root, change);
    return problem ? [problem] : [];
  });
  // one broken link on the way to several files is one problem
  const seen = new Set<string | undefined>();
  problems = problems.filter((p) => !seen.has(p.file) && seen.add(p.file));
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new HomeopsErrors(problems);
}

const realRoot = (disk: CommitFs, root: string): string => disk.realpathSync(root);

/**
 * A second name for the file being edited, so that undoing its rename is a rename too (no write
 * that a full disk could stop). File systems without hard links get a copy.
 */
function makeBackup(disk: CommitFs, root: string, change: FileChange, backup: string): void {
  const target = join(root, change.path);
  try {
    disk.linkSync(target, join(root, backup));
  } catch (error) {
    if (
      !['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'EXDEV', 'EMLINK', 'ENOSYS'].includes(
        errnoCode(error) ?? '',
      )
    )
      throw error;
    disk.writeFileSync(join(root, backup), change.before ?? '', { flag: 'wx' });
    const mode = disk.statSync(target)?.mode;
    if (mode !== undefined) disk.chmodSync(join(root, backup), mode & 0o7777);
  }
}
