import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HomeopsError, HomeopsErrors } from '../../src/errors.ts';
import { RepoTree, type FileChange } from '../../src/tree/repo-tree.ts';

/** A repo with a registration file and an app folder, like a namespace of a Flux repo. */
export function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'homeops-commit-'));
  writeFileSync(join(root, 'keep.yaml'), 'keep\n');
  mkdirSync(join(root, 'ns'));
  writeFileSync(join(root, 'ns/kustomization.yaml'), 'resources:\n  - ./a/ks.yaml\n');
  return root;
}

/** New files in new folders and two edits: the shape of `homeops app` into a namespace. */
export function plan(root: string): FileChange[] {
  const tree = new RepoTree(root);
  tree.create('ns/b/app/helmrelease.yaml', 'release\n');
  tree.create('ns/b/ks.yaml', 'ks\n');
  tree.update('ns/kustomization.yaml', 'resources:\n  - ./a/ks.yaml\n  - ./b/ks.yaml\n');
  tree.update('keep.yaml', 'kept\n');
  return tree.changes();
}

export const failure = async (run: Promise<unknown>): Promise<HomeopsError> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof HomeopsError) return error;
  if (error instanceof HomeopsErrors && error.errors[0]) return error.errors[0];
  throw new Error(`expected a HomeopsError, got ${String(error)}`);
};
