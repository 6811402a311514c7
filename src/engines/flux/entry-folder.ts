import { posix } from 'node:path';
import { learnDocument } from '../../learn/learn-document.ts';
import { readShapes } from '../../learn/read-shape.ts';
import type { Example } from '../../learn/merge.ts';
import type { Vocabulary } from '../../learn/vocabulary.ts';
import { kustomizationFileIn } from '../../repo/graph/kustomize-unit.ts';
import type { Group } from '../../repo/graph/flux-graph.ts';
import { render } from '../../render/templates.ts';
import type { FluxAppContext } from './flux-app-context.ts';
import { schemasOf } from './app-view.ts';
import * as roles from './roles.ts';

/**
 * The kustomization of an entry folder, where the group lists its apps as folders (`./sonarr`)
 * and each folder's kustomization lists the entry (`./app.ks.yaml`): written as the siblings'
 * entry folders have theirs. Undefined where the group lists entry files.
 */
export function entryFolderKustomization(
  ctx: FluxAppContext,
  group: Group,
  line: string,
  entryPath: string,
  vocab: Vocabulary,
): { path: string; text: string } | undefined {
  if (/\.ya?ml$/.test(line)) return undefined;
  const folder = posix.join(group.dir, line);
  if (posix.dirname(entryPath) !== folder) return undefined;
  const examples: Example[] = ctx.model.graph.apps(group).flatMap((a) => {
    if (a.registration.kind !== 'dir') return [];
    const file = kustomizationFileIn(ctx.repo.tree, a.registration.path);
    const shape = file
      ? readShapes(ctx.repo.tree.read(file) ?? '', { app: a.ks.name })[0]
      : undefined;
    return shape ? [{ shape, features: {} }] : [];
  });
  const entry = `./${posix.basename(entryPath)}`;
  const template = render('flux/app/kustomization.yaml', {
    schemas: { ...schemasOf(ctx), kustomization: null },
    resources: [entry],
  });
  return {
    path: `${folder}/kustomization.yaml`,
    text: learnDocument(template, vocab, examples, roles.KUSTOMIZATION, {}),
  };
}
