import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { nodeFs, type CommitFs } from '../../src/tree/commit-fs.ts';
import type { SignalSource } from '../../src/tree/commit-signals.ts';

/** A pid no process can have (Linux pids stay below 2^22): a run that was killed. */
export const DEAD_PID = 2 ** 22 + 7;

/** SIGINT and SIGTERM sent by the test, at the step it chooses, instead of by the system. */
export class FakeSignals implements SignalSource {
  private readonly listeners = new Map<string, Set<() => void>>();
  readonly raised: NodeJS.Signals[] = [];

  on(signal: NodeJS.Signals, listener: () => void): void {
    const set = this.listeners.get(signal) ?? new Set();
    set.add(listener);
    this.listeners.set(signal, set);
  }

  off(signal: NodeJS.Signals, listener: () => void): void {
    this.listeners.get(signal)?.delete(listener);
  }

  raise(signal: NodeJS.Signals): void {
    this.raised.push(signal);
  }

  send(signal: NodeJS.Signals): void {
    for (const listener of this.listeners.get(signal) ?? []) listener();
  }

  listening(): number {
    return [...this.listeners.values()].reduce((n, set) => n + set.size, 0);
  }
}

export type FsCall = keyof CommitFs;

/**
 * The real disk, with a say before each call: `before(call, path)` may throw (an error of the
 * disk) or act (an edit by someone else). Every call is logged, as `call path` repo-relative.
 */
export function spyFs(
  root: string,
  before: (call: FsCall, path: string, args: unknown[]) => void = () => {},
): CommitFs & { log: string[] } {
  const log: string[] = [];
  const spied = { log } as CommitFs & { log: string[] };
  for (const name of Object.keys(nodeFs) as FsCall[]) {
    const real = nodeFs[name] as (...args: unknown[]) => unknown;
    (spied as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => {
      const path = relative(root, String(args[0]));
      log.push(`${name} ${path}`);
      before(name, path, args);
      return real(...args);
    };
  }
  return spied;
}

/** An error as node:fs makes them (`code`, `syscall`). */
export function fsError(code: string, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${syscall} '${path}'`), { code, syscall, path });
}

/** Every file under a folder (repo-relative), to look for temporary files and locks. */
export function allFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

/** Files a commit may leave only while it runs: its temporaries, backups and lock. */
export const leftovers = (root: string): string[] =>
  allFiles(root).filter((f) => /\.homeops-\d+(-before)?\.tmp$|\.homeops\.lock/.test(f));

/** Every folder under a folder (repo-relative). */
export function allFolders(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        out.push(relative(root, path));
        walk(path);
      }
    }
  };
  walk(root);
  return out.sort();
}
