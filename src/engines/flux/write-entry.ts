import { posix } from 'node:path';
import { HomeopsError } from '../../errors.ts';
import { fillOr } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';
import type { FolderConventions } from './folder-conventions.ts';
import { whereNameIsTaken } from './name-taken.ts';
import { entryFolderKustomization } from './entry-folder.ts';
import { registerEntry } from './register-entry.ts';
import { vocabularyOf } from './vocabulary-of.ts';

/**
 * A cluster's entry Kustomization of a new app: in the cluster's group folder, named as the
 * siblings' entries are, and registered in the group's list as they are. A name another
 * Kustomization of the cluster has is refused, and so is an entry that would be one of the
 * app's own files.
 */
export function writeEntry(
  ctx: FluxAppContext,
  spec: AppSpec,
  placement: Placement,
  entry: string,
  app: {
    conventions: FolderConventions;
    appDir: string;
    /** The app folder's file names. */
    appFiles: readonly string[];
    ownNamespace: string | undefined;
    conflict: (path: string) => { message: string; fix: string; field?: string };
  },
): void {
  const { conventions, appDir } = app;
  const group = placement.group;
  if (!group) throw new Error('the namespace folder is made before the app');
  const entryVocab = vocabularyOf(spec, ctx, placement);
  const entryPath = posix.join(
    group.dir,
    fillOr(conventions.entryFile, entryVocab, `${spec.name}/ks.yaml`),
  );
  const taken = whereNameIsTaken(ctx, placement, spec.name, app.ownNamespace, entryPath);
  if (taken) {
    throw new HomeopsError(
      'CONFLICT',
      `a Flux Kustomization ${app.ownNamespace}/${spec.name} already exists (${taken}): a new app of that name would replace it`,
      {
        file: taken.includes('/') ? taken : undefined,
        field: 'name',
        fix: 'choose another --name',
      },
    );
  }
  if (posix.dirname(entryPath) === appDir && app.appFiles.includes(posix.basename(entryPath)))
    throw new HomeopsError('CONFLICT', `the entry ${entryPath} would be one of the app's files`, {
      file: entryPath,
      fix: 'set the entry file in .homeops.yaml',
    });
  ctx.repo.tree.create(entryPath, entry, app.conflict(entryPath));
  if (group.unit.file) {
    const line = fillOr(
      conventions.registration,
      entryVocab,
      `./${posix.relative(group.dir, entryPath)}`,
    );
    // a group that lists folders (`./sonarr`): the folder's kustomization lists the entry
    const folder = entryFolderKustomization(ctx, group, line, entryPath, entryVocab);
    if (folder) ctx.repo.tree.create(folder.path, folder.text, app.conflict(folder.path));
    registerEntry(ctx.repo.tree, group.unit.file, line, ctx.model.graph.appEntries(group));
  }
}
