import { join, posix } from 'node:path';
import type { CommitFs } from './commit-fs.ts';
import type { FileChange } from './repo-tree.ts';

/**
 * The order in which files are renamed into place, so that a run killed between two renames
 * leaves a repo that builds: new files before edits of existing ones (the registrations that name
 * them), deeper files before the ones above them, and in a folder its kustomization last.
 */
export function placeOrder(changes: readonly FileChange[]): FileChange[] {
  const rank = (c: FileChange) => [
    c.before === undefined ? 0 : 1,
    -c.path.split('/').length,
    /^kustomization\.ya?ml$|^Kustomization$/.test(posix.basename(c.path)) ? 1 : 0,
  ];
  return [...changes].sort((a, b) => {
    const [ra, rb] = [rank(a), rank(b)];
    for (let i = 0; i < ra.length; i++) {
      const d = (ra[i] ?? 0) - (rb[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
  });
}

/** The folders the changes need that do not exist yet, repo-relative, each after its parent. */
export function missingFolders(disk: CommitFs, root: string, changes: readonly FileChange[]) {
  const missing = new Set<string>();
  for (const change of changes) {
    for (let dir = posix.dirname(change.path); dir !== '.'; dir = posix.dirname(dir)) {
      if (missing.has(dir) || disk.lstatSync(join(root, dir)) !== undefined) break;
      missing.add(dir);
    }
  }
  return [...missing].sort((a, b) => a.split('/').length - b.split('/').length || (a < b ? -1 : 1));
}
