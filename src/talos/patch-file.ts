/**
 * Writing a patch file: a new file, the very same bytes again (a second run), or the patch's
 * settings merged into the file of that name that the repo has already (its `machine-kubelet.yaml`),
 * new lines only. Duplicate settings are refused first, by the caller's check.
 */
import { HomeopsError } from '../errors.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { hasPatch, mergePatchInto } from './merge-patch.ts';
import { documentsOf } from './yaml-documents.ts';

/** `present`: a file of the repo's own has every setting already (it may be applied its own way: not wired). */
export type Placed = 'created' | 'merged' | 'unchanged' | 'present';

/**
 * Puts the patch `text` at `file`. `refuse(skip)` throws when a setting is set elsewhere already;
 * `skip` is the file to leave out of that check (the new file itself, or none when merging into it).
 */
export function placePatch(
  tree: RepoTree,
  file: string,
  text: string,
  refuse: (skip: string) => void,
): Placed {
  const current = tree.read(file);
  if (current === undefined || current === text) {
    refuse(file);
    tree.create(file, text, 'patch');
    return current === undefined ? 'created' : 'unchanged';
  }
  if (hasPatch(current, text)) return 'present';
  // a file that sets nothing yet (a new node's own `machine: {}`, with its comment) takes the patch
  if (setsNothing(current)) {
    refuse(file);
    const comments = current.split('\n').filter((l) => l.startsWith('#'));
    const [first = '', ...rest] = text.split('\n');
    const own = rest.filter((l) => !comments.includes(l));
    tree.update(file, [first, ...comments, ...own].join('\n'));
    return 'merged';
  }
  refuse('');
  const merged = mergePatchInto(current, text);
  if (merged === undefined)
    throw new HomeopsError(
      'CONFLICT',
      `${file} already exists, and the patch cannot be added to it without changing its other lines`,
      {
        field: 'patch',
        file,
        fix: `add the settings to ${file} by hand: homeops never rewrites a patch`,
      },
    );
  tree.update(file, merged);
  return 'merged';
}

/** The result of a patch the repo has already: nothing changes. */
export const alreadyThere = (id: string, file: string, target: string) => ({
  summary: `${file} has every setting of the ${id} patch for ${targetText(target)} already`,
  nextSteps: [],
  warnings: [],
});

/** `all` -> "all nodes", `controlplane` -> "the control planes", a hostname -> "node k8s-1". */
export function targetText(target: string): string {
  if (['all', 'global'].includes(target)) return 'all nodes';
  if (['controlplane', 'control-plane', 'controller'].includes(target)) return 'the control planes';
  if (['worker', 'workers'].includes(target)) return 'the workers';
  return `node ${target}`;
}

/** Whether a patch file's documents set nothing: comments and `machine: {}` only. */
function setsNothing(text: string): boolean {
  const empty = (v: unknown) => v !== null && typeof v === 'object' && Object.keys(v).length === 0;
  return documentsOf(text).every((d) => {
    if (d.errors.length > 0) return false;
    const data = d.toJS() as unknown;
    if (data === null || data === undefined) return true;
    const values = typeof data === 'object' ? Object.values(data) : [];
    return values.length > 0 && values.every(empty);
  });
}
