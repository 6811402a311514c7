import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { HomeopsError } from '../errors.ts';
import { gitGrepYaml } from './git-grep.ts';
import { symlinkLoopError } from './symlink-loop.ts';

export type EntryKind = 'file' | 'dir' | null;

/**
 * Where a RepoTree reads the repo as it is (its "before"): the disk, or, in unit tests, a map of
 * files held in memory. Paths are repo-relative POSIX paths ('' = the root).
 */
export interface TreeSource {
  /** What the path is: a file, a folder, or nothing (also anything else, e.g. a socket). */
  kind(path: string): EntryKind;
  /** The text of a path `kind` says is a file. */
  read(path: string): string;
  /**
   * The entries of a folder; `kind` is left out where knowing it would cost a call (a symbolic
   * link on disk), and is then asked for when needed.
   */
  list(dir: string): { name: string; kind?: EntryKind }[];
  /**
   * The YAML files under `dirs` whose text holds `needle`, where the source can find them without
   * reading each (git); undefined where it cannot.
   */
  grepYaml?(needle: string, dirs: readonly string[]): string[] | undefined;
}

/** The repo on disk under `root`. */
export function diskSource(root: string): TreeSource {
  return {
    kind(path) {
      let stat;
      try {
        stat = statSync(join(root, path), { throwIfNoEntry: false });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw symlinkLoopError(root, path);
        throw error;
      }
      return stat?.isFile() ? 'file' : stat?.isDirectory() ? 'dir' : null;
    },
    read: (path) => readFileSync(join(root, path), 'utf8'),
    grepYaml: (needle, dirs) => gitGrepYaml(root, needle, dirs),
    list: (dir) =>
      readdirSync(join(root, dir), { withFileTypes: true }).map((entry) =>
        entry.isSymbolicLink()
          ? { name: entry.name }
          : {
              name: entry.name,
              kind: entry.isDirectory() ? 'dir' : entry.isFile() ? 'file' : null,
            },
      ),
  };
}

/**
 * A repo held in memory: `files` maps repo-relative paths to their text; a folder is any prefix
 * of a file's path. Nothing here touches the disk.
 */
export function memorySource(files: Readonly<Record<string, string>>): TreeSource {
  const texts = new Map(Object.entries(files));
  const dirs = new Set<string>(['']);
  for (const path of texts.keys()) {
    const parts = path.split('/');
    if (parts.some((part) => part === '' || part === '.' || part === '..'))
      throw new HomeopsError('INVALID_INPUT', `"${path}" is not a repo-relative file path`, {
        file: path,
        fix: 'name the files of an in-memory repo like a/b.yaml',
      });
    for (let i = 1; i < parts.length; i++) dirs.add(parts.slice(0, i).join('/'));
  }
  const kind = (path: string): EntryKind =>
    texts.has(path) ? 'file' : dirs.has(path) ? 'dir' : null;
  return {
    kind,
    read(path) {
      const text = texts.get(path);
      if (text === undefined)
        throw new HomeopsError('INVALID_INPUT', `${path} is not a file of the in-memory repo`, {
          file: path,
          fix: 'read only paths whose kind() is file',
        });
      return text;
    },
    list(dir) {
      const prefix = dir === '' ? '' : `${dir}/`;
      const names = new Set<string>();
      for (const path of [...texts.keys(), ...dirs])
        if (path !== dir && path.startsWith(prefix))
          names.add(firstSegment(path.slice(prefix.length)));
      return [...names].sort().map((name) => ({ name, kind: kind(prefix + name) }));
    },
  };
}

/** `a` of `a/b/c`. */
export function firstSegment(path: string): string {
  const at = path.indexOf('/');
  return at < 0 ? path : path.slice(0, at);
}
