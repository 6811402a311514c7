/** The texts of the patch files a talconfig.yaml references (`@./patches/...`) that exist, each once. */
import { posix } from 'node:path';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { refToPath } from '../patch-refs.ts';
import type { TalhelperRepo } from './talhelper-repo.ts';

export function referencedPatchTexts(tree: RepoTree, th: TalhelperRepo): string[] {
  const refs = [
    ...th.facts.patchRefs.global,
    ...th.facts.patchRefs.controlPlane,
    ...th.facts.patchRefs.worker,
    ...th.facts.nodes.flatMap((n) => n.patches),
  ].filter((r) => r.startsWith('@'));
  const files = [...new Set(refs.map((r) => posix.join(th.dir, refToPath(r))))];
  return files.map((f) => tree.read(f)).filter((t): t is string => t !== undefined);
}
