import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { HomeopsError } from '../errors.ts';
import { errnoCode, removeFile, type CommitFs } from './commit-fs.ts';

/** The lock every writer of a repo holds from its last check to its last rename. */
export const LOCK_FILE = '.homeops.lock';
/** Held for a moment by the one run that removes a stale lock, so two runs never both do. */
const BREAKER_FILE = '.homeops.lock.break';
/** A lock file that is still empty or half written this long after it was made is a dead run's. */
const UNREADABLE_STALE_MS = 5_000;

/**
 * What a lock file says: who holds it, and (once the holder knows) the temporary files and folders
 * it is about to make, so that the next run can remove them if this one is killed.
 */
export interface LockRecord {
  pid: number;
  host: string;
  started: string;
  token: string;
  /** Repo-relative paths of the temporary files the holder writes (written before it makes them). */
  temps: string[];
  /** Repo-relative folders the holder makes, outermost first. */
  dirs: string[];
}

export interface LockEnv {
  fs: CommitFs;
  root: string;
  pid: number;
  host: string;
  isAlive(pid: number): boolean;
  now(): number;
  /** How long to wait for another run to finish. */
  waitMs: number;
  /** Waits between two looks at the lock; throws when the run is interrupted meanwhile. */
  pause(ms: number): Promise<void>;
}

export interface HeldLock {
  /** Record what is about to be made (replaces the lock file in one rename). */
  journal(temps: string[], dirs: string[]): void;
  release(): void;
}

/**
 * Take the repo's lock, waiting up to `waitMs` for a live holder. A lock whose holder is gone (a
 * killed run) is removed and returned as `stale`, so its leftovers can be cleaned up.
 */
export async function acquireLock(
  env: LockEnv,
): Promise<{ lock: HeldLock; stale: LockRecord | undefined }> {
  const path = join(env.root, LOCK_FILE);
  const record: LockRecord = {
    pid: env.pid,
    host: env.host,
    started: new Date(env.now()).toISOString(),
    token: randomBytes(8).toString('hex'),
    temps: [],
    dirs: [],
  };
  const deadline = env.now() + env.waitMs;
  let stale: LockRecord | undefined;
  for (;;) {
    try {
      env.fs.writeFileSync(path, `${JSON.stringify(record)}\n`, { flag: 'wx' });
      return { lock: heldLock(env, path, record), stale };
    } catch (error) {
      if (errnoCode(error) !== 'EEXIST') {
        try {
          removeFile(env.fs, path); // made by us, but not written (a full disk): no one's lock
        } catch {
          // not made at all (a folder we may not write to): the first error says why
        }
        throw error;
      }
    }
    const seen = readLock(env.fs, path);
    if (!seen) continue; // released between our try and our look: try again at once
    if (isStale(env, seen)) {
      const broken = breakLock(env, path, seen.text);
      if (broken) stale = seen.record ?? stale;
      continue;
    }
    if (env.now() >= deadline) throw heldElsewhere(seen.record);
    await env.pause(50);
  }
}

function heldLock(env: LockEnv, path: string, record: LockRecord): HeldLock {
  return {
    journal(temps, dirs) {
      const next = `${path}.homeops-${env.pid}.tmp`;
      try {
        env.fs.writeFileSync(next, `${JSON.stringify({ ...record, temps, dirs })}\n`, {
          flag: 'wx',
        });
        env.fs.renameSync(next, path);
      } catch (error) {
        removeFile(env.fs, next);
        throw error;
      }
    },
    release() {
      // only our own lock: never one a later run took after ours was (wrongly) judged stale
      if (readLock(env.fs, path)?.record?.token === record.token) removeFile(env.fs, path);
    },
  };
}

interface SeenLock {
  text: string;
  record: LockRecord | undefined;
  mtimeMs: number;
}

function readLock(disk: CommitFs, path: string): SeenLock | undefined {
  try {
    const text = disk.readFileSync(path, 'utf8');
    const mtimeMs = disk.statSync(path)?.mtimeMs ?? 0;
    return { text, record: parseRecord(text), mtimeMs };
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return undefined;
    throw error;
  }
}

function parseRecord(text: string): LockRecord | undefined {
  try {
    const data = JSON.parse(text) as Partial<LockRecord>;
    if (typeof data.pid !== 'number' || typeof data.host !== 'string') return undefined;
    const strings = (v: unknown) =>
      Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : [];
    return {
      pid: data.pid,
      host: data.host,
      started: String(data.started ?? ''),
      token: String(data.token ?? ''),
      temps: strings(data.temps),
      dirs: strings(data.dirs),
    };
  } catch {
    return undefined;
  }
}

/** Held by a process of this machine that no longer runs, or unreadable long after it was made. */
function isStale(env: LockEnv, seen: SeenLock): boolean {
  if (!seen.record) return env.now() - seen.mtimeMs > UNREADABLE_STALE_MS;
  return seen.record.host === env.host && !env.isAlive(seen.record.pid);
}

/**
 * Remove a stale lock, if it is still the one judged stale. The breaker file makes this one run's
 * job: without it, a second run that judged the same lock stale could remove the fresh lock of
 * the first.
 */
function breakLock(env: LockEnv, path: string, staleText: string): boolean {
  const breaker = join(env.root, BREAKER_FILE);
  try {
    env.fs.writeFileSync(breaker, `${env.pid}\n`, { flag: 'wx' });
  } catch (error) {
    if (errnoCode(error) !== 'EEXIST') throw error;
    const age = env.now() - (env.fs.statSync(breaker)?.mtimeMs ?? env.now());
    if (age > UNREADABLE_STALE_MS) removeFile(env.fs, breaker); // its run died in these lines
    return false;
  }
  try {
    if (readLock(env.fs, path)?.text !== staleText) return false;
    removeFile(env.fs, path);
    return true;
  } finally {
    removeFile(env.fs, breaker);
  }
}

function heldElsewhere(record: LockRecord | undefined): HomeopsError {
  const who = record
    ? `another homeops run (pid ${record.pid} on ${record.host}, since ${record.started})`
    : 'another homeops run';
  return new HomeopsError('CONFLICT', `${who} is writing to this repository`, {
    file: LOCK_FILE,
    fix: `wait for it to finish and run again; if no homeops run is active, remove ${LOCK_FILE}`,
  });
}

/** Whether a process of this machine runs (one of another user counts). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errnoCode(error) === 'EPERM';
  }
}
