import { posix } from 'node:path';
import { HomeopsError } from '../errors.ts';
import { diskSource, firstSegment, memorySource, type TreeSource } from './tree-source.ts';
import { compareText } from '../text/compare-text.ts';
import { inFolder } from './in-folder.ts';

export interface FileChange {
  /** Repo-relative POSIX path. */
  path: string;
  type: 'create' | 'update';
  /** Content on disk before the change (undefined for a new file). */
  before: string | undefined;
  after: string;
}

/**
 * An in-memory view of the target repo. Reads fall through to disk (and are cached); writes are
 * recorded, never flushed: only `commit` touches the disk. Writing a file's current bytes records
 * nothing, so a generator that has nothing to do lists no change. Unit tests give it a source held
 * in memory instead of the disk (`RepoTree.inMemory`).
 */
export class RepoTree {
  private readonly pending = new Map<string, string>();
  private readonly disk = new Map<string, string | null>();
  /** What each looked-at path is on disk; folder listings fill it for their entries at no cost. */
  private readonly kinds = new Map<string, 'file' | 'dir' | null>();
  /** The files on disk that mention a text, by the text. */
  private readonly mentioning = new Map<string, string[]>();

  constructor(
    readonly root: string,
    private readonly source: TreeSource = diskSource(root),
  ) {}

  /** A tree over files held in memory (repo-relative path -> text); `root` only names it. */
  static inMemory(files: Readonly<Record<string, string>>, root = '/in-memory'): RepoTree {
    return new RepoTree(root, memorySource(files));
  }

  /** Content of a file (pending change first), or undefined when it does not exist. */
  read(path: string): string | undefined {
    const p = normalize(path);
    return this.pending.get(p) ?? this.readDisk(p);
  }

  exists(path: string): boolean {
    const p = normalize(path);
    return this.pending.has(p) || this.readDisk(p) !== undefined || this.isDirectory(p);
  }

  isFile(path: string): boolean {
    const p = normalize(path);
    return this.pending.has(p) || this.kindOnDisk(p) === 'file';
  }

  isDirectory(path: string): boolean {
    const p = normalize(path);
    const prefix = p === '' ? '' : `${p}/`;
    for (const key of this.pending.keys()) if (key.startsWith(prefix)) return true;
    return this.kindOnDisk(p) === 'dir';
  }

  /** Names of the entries directly under a folder (disk and pending), sorted. */
  children(dir: string): string[] {
    const p = normalize(dir);
    const names = new Set<string>();
    if (this.kindOnDisk(p) === 'dir') {
      for (const entry of this.source.list(p)) {
        names.add(entry.name);
        if (entry.kind !== undefined)
          this.kinds.set(p === '' ? entry.name : `${p}/${entry.name}`, entry.kind);
      }
    }
    const prefix = p === '' ? '' : `${p}/`;
    for (const key of this.pending.keys()) {
      if (key.startsWith(prefix)) names.add(firstSegment(key.slice(prefix.length)));
    }
    return [...names].sort();
  }

  /** Subfolders directly under a folder, sorted. */
  subfolders(dir: string): string[] {
    const p = normalize(dir);
    return this.children(p).filter((name) => this.isDirectory(posix.join(p, name)));
  }

  /**
   * YAML files under a folder ('' = the repo root), recursively, sorted; `skipFolder` leaves
   * folders out by name (by default, those of tools: `.git`, `node_modules`, ...).
   */
  yamlFilesUnder(dir: string, skipFolder: (name: string) => boolean = isToolFolder): string[] {
    const p = normalize(dir);
    return this.children(p).flatMap((name) => {
      const path = p === '' ? name : `${p}/${name}`;
      if (this.isDirectory(path))
        return skipFolder(name) ? [] : this.yamlFilesUnder(path, skipFolder);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
  }

  /**
   * The YAML files under `dirs` whose text (as planned) holds `needle`, sorted: found by git where
   * the repo is a work tree, else by reading every YAML file there.
   */
  yamlFilesMentioning(dirs: readonly string[], needle: string): string[] {
    const roots = dirs.map(normalize);
    const under = (p: string) => roots.some((d) => inFolder(p, d));
    // the files on disk that hold it, looked for once a run (git grep, or a walk of the repo)
    let onDisk = this.mentioning.get(needle);
    if (!onDisk) {
      onDisk = this.source.grepYaml?.(needle, ['']) ?? this.yamlFilesUnder('');
      this.mentioning.set(needle, onDisk);
    }
    const found = onDisk.filter(under);
    const planned = [...this.pending.keys()].filter((p) => /\.ya?ml$/.test(p) && under(p));
    return [...new Set([...found, ...planned])]
      .filter((p) => (this.read(p) ?? '').includes(needle))
      .sort();
  }

  /** Create or update a file. Identical bytes record nothing. */
  write(path: string, content: string): void {
    const p = normalize(path);
    if (this.readDisk(p) === content) this.pending.delete(p);
    else this.pending.set(p, content);
  }

  /**
   * Create a file that must not exist yet. A file with the very same content is fine (a second run
   * changes nothing); a different one is a conflict, described by `conflict` (what the file is, or
   * the whole message).
   */
  create(
    path: string,
    content: string,
    conflict: string | { message: string; fix: string; field?: string } = 'file',
  ): void {
    const p = normalize(path);
    const current = this.read(p);
    if (current !== undefined && current !== content) {
      const own = typeof conflict === 'string' ? undefined : conflict;
      throw new HomeopsError(
        'CONFLICT',
        own?.message ?? `${String(conflict)} ${p} already exists with different content`,
        {
          file: p,
          field: own?.field,
          fix: own?.fix ?? 'choose another name, or remove or rename the existing file first',
        },
      );
    }
    this.write(p, content);
  }

  /** Update a file that must exist. */
  update(path: string, content: string): void {
    const p = normalize(path);
    if (this.read(p) === undefined) {
      throw new HomeopsError('CONFLICT', `${p} does not exist`, {
        file: p,
        fix: 'create it first',
      });
    }
    this.write(p, content);
  }

  changes(): FileChange[] {
    return [...this.pending.entries()]
      .sort(([a], [b]) => compareText(a, b))
      .map(([path, after]) => {
        const before = this.readDisk(path);
        return { path, type: before === undefined ? 'create' : 'update', before, after };
      });
  }

  private kindOnDisk(p: string): 'file' | 'dir' | null {
    let kind = this.kinds.get(p);
    if (kind === undefined) {
      kind = this.source.kind(p);
      this.kinds.set(p, kind);
    }
    return kind;
  }

  private readDisk(p: string): string | undefined {
    let cached = this.disk.get(p);
    if (cached === undefined) {
      // knowing it is no file is much cheaper than a read that throws ENOENT
      cached = this.kindOnDisk(p) === 'file' ? this.source.read(p) : null;
      this.disk.set(p, cached);
    }
    return cached ?? undefined;
  }
}

/** Repo-relative POSIX path; refuses anything that would leave the repo. */
/** Folders of tools, never of the repo's manifests: dot folders (`.git`, `.github`), node_modules. */
export const isToolFolder = (name: string): boolean =>
  name.startsWith('.') || name === 'node_modules';

export function normalize(path: string): string {
  const p = posix.normalize(path.replaceAll('\\', '/')).replace(/^\.\//, '').replace(/\/$/, '');
  if (p.startsWith('/') || p === '..' || p.startsWith('../')) {
    throw new HomeopsError('INVALID_INPUT', `path ${path} leaves the repository`, {
      fix: 'use a path inside the repository',
    });
  }
  return p === '.' ? '' : p;
}
