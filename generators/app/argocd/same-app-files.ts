import { HomeopsError } from '../../../src/errors.ts';
import type { RepoTree } from '../../../src/tree/repo-tree.ts';

/**
 * A second run over an app that exists changes nothing, or it is a conflict (as in the Flux
 * layouts, where the route and the storage live in one HelmRelease): a file of the app that these
 * inputs would not write (its route, after `--route=none`) or would add (a PVC) is one, as a file
 * whose content differs is (checked where the files are written). `mayHave` lists every file
 * homeops writes for an app of this name, whatever the inputs; files the user added are not in it.
 */
export function sameAppFiles(
  tree: RepoTree,
  app: string,
  planned: readonly string[],
  mayHave: readonly string[],
): void {
  const conflict = (path: string, why: string) =>
    new HomeopsError(
      'CONFLICT',
      `app ${app} already exists and differs from what these inputs generate: ${why}`,
      {
        file: path,
        field: 'name',
        fix: 'run it with the inputs the app was made with, or remove the existing app first (homeops never overwrites an app)',
      },
    );
  for (const path of mayHave)
    if (!planned.includes(path) && tree.read(path) !== undefined)
      throw conflict(path, `it has ${path}, which these inputs would not write`);
  for (const path of planned)
    if (tree.read(path) === undefined) throw conflict(path, `these inputs would add ${path}`);
}
