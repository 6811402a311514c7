import * as fs from 'node:fs';

/**
 * Every disk operation the commit makes, and nothing else: the seam through which tests make one
 * of them fail (a full disk, a read-only folder) or do something in between (a concurrent edit).
 * The real one is node:fs; all calls are synchronous, the commit yields between its steps.
 */
export interface CommitFs {
  readFileSync(path: string, encoding: 'utf8'): string;
  writeFileSync(path: string, data: string, options: { flag: 'wx'; mode?: number }): void;
  renameSync(from: string, to: string): void;
  linkSync(existing: string, newPath: string): void;
  unlinkSync(path: string): void;
  mkdirSync(path: string): void;
  rmdirSync(path: string): void;
  readdirSync(path: string): string[];
  chmodSync(path: string, mode: number): void;
  lstatSync(path: string): fs.Stats | undefined;
  statSync(path: string): fs.Stats | undefined;
  realpathSync(path: string): string;
  accessSync(path: string, mode: number): void;
}

export const nodeFs: CommitFs = {
  readFileSync: (path, encoding) => fs.readFileSync(path, encoding),
  writeFileSync: (path, data, options) => fs.writeFileSync(path, data, options),
  renameSync: (from, to) => fs.renameSync(from, to),
  linkSync: (existing, newPath) => fs.linkSync(existing, newPath),
  unlinkSync: (path) => fs.unlinkSync(path),
  mkdirSync: (path) => void fs.mkdirSync(path),
  rmdirSync: (path) => fs.rmdirSync(path),
  readdirSync: (path) => fs.readdirSync(path),
  chmodSync: (path, mode) => fs.chmodSync(path, mode),
  lstatSync: (path) => fs.lstatSync(path, { throwIfNoEntry: false }),
  statSync: (path) => fs.statSync(path, { throwIfNoEntry: false }),
  realpathSync: (path) => fs.realpathSync(path),
  accessSync: (path, mode) => fs.accessSync(path, mode),
};

/** The error code of a failed fs call (ENOSPC, EACCES, ...), if it has one. */
export const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string'
    ? (error as NodeJS.ErrnoException).code
    : undefined;

/** Remove a file, whether or not it is there. */
export function removeFile(disk: CommitFs, path: string): void {
  try {
    disk.unlinkSync(path);
  } catch (error) {
    if (errnoCode(error) !== 'ENOENT') throw error;
  }
}

/** Remove a folder if it is empty; leave it (and say false) otherwise. */
export function removeEmptyDir(disk: CommitFs, path: string): boolean {
  try {
    disk.rmdirSync(path);
    return true;
  } catch {
    return false;
  }
}
