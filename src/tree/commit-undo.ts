import { join } from 'node:path';
import { errnoCode, removeEmptyDir, removeFile, type CommitFs } from './commit-fs.ts';
import type { FileChange } from './repo-tree.ts';

/**
 * What a commit has made so far, to undo it when a later step fails: temporary files (recorded
 * before they are written, so a failed write's empty file goes too), folders, and the files
 * already renamed into place (an edited file goes back from its backup, a new one is removed).
 */
export class CommitUndo {
  private readonly temps = new Set<string>();
  private readonly dirs: string[] = [];
  private readonly placed: { change: FileChange; backup: string | undefined }[] = [];

  constructor(
    private readonly disk: CommitFs,
    private readonly root: string,
  ) {}

  temp(path: string): void {
    this.temps.add(path);
  }

  forget(path: string): void {
    this.temps.delete(path);
  }

  dir(path: string): void {
    this.dirs.push(path);
  }

  placedFile(change: FileChange, backup: string | undefined): void {
    this.placed.push({ change, backup });
  }

  /** The change is complete: the backups go. */
  finish(): void {
    for (const path of this.temps) removeFile(this.disk, join(this.root, path));
    this.temps.clear();
  }

  /**
   * Put everything back, last placed first (edits of existing files were placed last, so they
   * are restored first, and a registration never names a file that is gone). A file someone
   * changed after it was placed is left alone. Returns what could not be undone, in words.
   */
  rollback(): string[] {
    const left: string[] = [];
    const attempt = (what: string, undo: () => void) => {
      try {
        undo();
      } catch (error) {
        left.push(`${what} (${errnoCode(error) ?? String(error)})`);
      }
    };
    for (const { change, backup } of [...this.placed].reverse()) {
      const target = join(this.root, change.path);
      attempt(`${change.path} keeps the new content`, () => {
        if (this.read(target) !== change.after) {
          left.push(`${change.path} was changed by someone else after it was written: left as is`);
          return;
        }
        if (backup === undefined) removeFile(this.disk, target);
        else {
          this.disk.renameSync(join(this.root, backup), target);
          this.temps.delete(backup);
        }
      });
    }
    this.placed.length = 0;
    for (const path of this.temps)
      attempt(`${path} is left behind`, () => removeFile(this.disk, join(this.root, path)));
    this.temps.clear();
    for (const dir of this.dirs.reverse()) removeEmptyDir(this.disk, join(this.root, dir));
    this.dirs.length = 0;
    return left;
  }

  private read(path: string): string | undefined {
    try {
      return this.disk.readFileSync(path, 'utf8');
    } catch (error) {
      if (errnoCode(error) === 'ENOENT') return undefined;
      throw error;
    }
  }
}
