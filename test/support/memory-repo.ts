import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RepoContext } from '../../src/engine/generator.ts';
import { repoContext } from '../../src/engine/open-repo.ts';
import { RepoTree } from '../../src/tree/repo-tree.ts';
import { ROOT } from './temp-repo.ts';

const read = new Map<string, Readonly<Record<string, string>>>();

/** Every file of test/fixtures/<name> (repo-relative path -> text), read once per test file. */
export function fixtureFiles(name: string): Readonly<Record<string, string>> {
  let files = read.get(name);
  if (!files) {
    const root = join(ROOT, 'test/fixtures', name);
    const out: Record<string, string> = {};
    const walk = (dir: string) => {
      for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile()) out[path] = readFileSync(join(root, path), 'utf8');
      }
    };
    walk('');
    files = Object.freeze(out);
    read.set(name, files);
  }
  return files;
}

/**
 * A RepoTree over a fixture held in memory, nothing copied to disk: `edits` replace or add files
 * (a value of null removes one), so a test states the one difference it is about.
 */
export function memoryTree(
  fixture: string,
  edits: Readonly<Record<string, string | null>> = {},
): RepoTree {
  const files: Record<string, string> = { ...fixtureFiles(fixture) };
  for (const [path, text] of Object.entries(edits)) {
    if (text === null) delete files[path];
    else files[path] = text;
  }
  return RepoTree.inMemory(files, `/in-memory/${fixture}`);
}

/** The repo context (tree, .homeops.yaml, layout) of a fixture in memory, as a plan step gets it. */
export function memoryRepo(
  fixture: string,
  edits: Readonly<Record<string, string | null>> = {},
): RepoContext {
  return repoContext(memoryTree(fixture, edits));
}

/** What a plan did to the tree: each changed file with its new text. */
export function plannedFiles(tree: RepoTree): Record<string, string> {
  return Object.fromEntries(tree.changes().map((c) => [c.path, c.after]));
}
