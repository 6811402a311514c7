import { posix } from 'node:path';
import { kustomizationFileIn } from '../../repo/graph/kustomize-unit.ts';
import { dig } from '../../repo/graph/objects.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { registerEntry } from '../flux/register-entry.ts';
import type { ArgoModel } from './argo-model.ts';

/**
 * A category folder whose kustomization.yaml lists its app folders (`- actual`, `- ./gitea`)
 * gets the new app's line, written and placed as the other lines are. Returns the file, if any.
 */
export function registerFolder(model: ArgoModel, tree: RepoTree, dir: string): string | undefined {
  const parent = posix.dirname(dir);
  const file = kustomizationFileIn(tree, parent);
  if (!file) return undefined;
  const resources = dig(model.reader.data(file), 'resources');
  if (!Array.isArray(resources)) return undefined;
  const folders = model.pickedFolders().map((f) => f.dir);
  const entries = resources.filter(
    (r): r is string =>
      typeof r === 'string' && folders.includes(posix.normalize(posix.join(parent, r))),
  );
  if (entries.length === 0) return undefined;
  const dotted = entries.filter((e) => e.startsWith('./')).length * 2 > entries.length;
  registerEntry(tree, file, `${dotted ? './' : ''}${posix.basename(dir)}`, entries);
  return file;
}
