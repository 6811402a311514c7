/** Writing a patch file: new, or the very same bytes again; another file of that name is a conflict. */
import { HomeopsError } from '../errors.ts';
import type { RepoTree } from '../tree/repo-tree.ts';

export function createPatchFile(tree: RepoTree, file: string, text: string): void {
  const current = tree.read(file);
  if (current !== undefined && current !== text) {
    throw new HomeopsError('CONFLICT', `${file} already exists with other content`, {
      field: 'patch',
      file,
      fix: `edit ${file} by hand, or move it away first: homeops never overwrites a patch`,
    });
  }
  tree.create(file, text, 'patch');
}

/** `all` -> "all nodes", `controlplane` -> "the control planes", a hostname -> "node k8s-1". */
export function targetText(target: string): string {
  if (['all', 'global'].includes(target)) return 'all nodes';
  if (['controlplane', 'control-plane', 'controller'].includes(target)) return 'the control planes';
  if (['worker', 'workers'].includes(target)) return 'the workers';
  return `node ${target}`;
}
