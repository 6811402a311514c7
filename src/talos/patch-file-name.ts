/**
 * The name of a new patch file in a folder, the way the repo names its patches: `NN-<name>.yaml`
 * after the highest number of the folder when its files are numbered (the number sets the merge
 * order), `<name>.yaml` when they are not. Folders without files follow the repo's other patch
 * folders. A file of that name already there (any number) is the one a second run meant.
 */
import { posix } from 'node:path';
import type { RepoTree } from '../tree/repo-tree.ts';

const PATCH = /\.ya?ml(\.tpl)?$/;
const NUMBERED = /^(\d+)-(.+?)\.ya?ml(\.tpl)?$/;

const patchFiles = (tree: RepoTree, dir: string): string[] =>
  tree.isDirectory(dir)
    ? tree.children(dir).filter((f) => PATCH.test(f) && tree.isFile(posix.join(dir, f)))
    : [];

export function patchFileName(
  tree: RepoTree,
  dir: string,
  otherDirs: readonly string[],
  name: string,
): string {
  const here = patchFiles(tree, dir);
  const same = here.find((f) => NUMBERED.exec(f)?.[2] === name || f === `${name}.yaml`);
  if (same) return posix.join(dir, same);
  const numbered = (files: string[]) =>
    files.map((f) => NUMBERED.exec(f)).filter((m) => m !== null);
  const own = numbered(here);
  if (here.length > 0 && own.length * 2 < here.length) return posix.join(dir, `${name}.yaml`);
  if (own.length > 0) {
    const width = Math.max(...own.map((m) => (m[1] ?? '').length));
    const next = Math.max(...own.map((m) => Number(m[1]))) + 1;
    return posix.join(dir, `${String(next).padStart(width, '0')}-${name}.yaml`);
  }
  // an empty folder: start where the repo's other folders start
  const firsts = otherDirs
    .map((d) => numbered(patchFiles(tree, d)))
    .filter((ms) => ms.length > 0)
    .map((ms) => ms.map((m) => m[1] ?? '').sort()[0] ?? '');
  const others = otherDirs.flatMap((d) => patchFiles(tree, d));
  if (
    firsts.length === 0 ||
    firsts.length * 2 < otherDirs.filter((d) => patchFiles(tree, d).length > 0).length ||
    others.length === 0
  )
    return posix.join(dir, `${name}.yaml`);
  const start = firsts.sort()[0] ?? '01';
  return posix.join(dir, `${start}-${name}.yaml`);
}
