import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { HomeopsError } from '../errors.ts';
import { detectLayout, type Engine } from '../layouts/detect-layout.ts';
import { LAYOUTS, type Layout } from '../layouts/layout.ts';
import { readConfig } from '../repo/config.ts';
import { RepoTree } from '../tree/repo-tree.ts';
import type { RepoContext } from './generator.ts';

/**
 * Open the target repo: its tree, its `.homeops.yaml`, and its layout (configured or detected),
 * detected only when a generator asks for it: the Talos generators do not depend on how the repo
 * lays out its apps.
 */
export function openRepo(
  dest: string,
  interactive = false,
  /** The engine a person chose for a repo with both (else the config's, else detected). */
  engine?: Engine,
): RepoContext {
  const root = resolve(dest);
  const isDir = statSync(root, { throwIfNoEntry: false })?.isDirectory() ?? false;
  if (!isDir)
    throw new HomeopsError('USAGE', `${root} is not a folder`, {
      field: 'dest',
      fix: 'pass --dest with the path of your home-ops repo',
    });
  return repoContext(new RepoTree(root), interactive, engine);
}

/** The repo context over a tree (on disk, or in memory for unit tests). */
export function repoContext(tree: RepoTree, interactive = false, engine?: Engine): RepoContext {
  const config = readConfig(tree);
  let layout: Layout | undefined;
  return {
    tree,
    config,
    interactive,
    get layout() {
      return (layout ??= LAYOUTS[config.layout ?? detectLayout(tree, engine ?? config.engine)]);
    },
    layoutIfRead: () => layout,
  };
}
