import { existsSync, readFileSync } from 'node:fs';
import { join, posix } from 'node:path';
import { GENERATORS } from '../../generators/index.ts';
import { variantFor } from '../../src/engine/by-layout.ts';
import { openRepo } from '../../src/engine/open-repo.ts';
import { runGenerator } from '../../src/engine/run-generator.ts';
import type { Answers } from '../../src/inputs/input-spec.ts';
import { commit, type CommitStep } from '../../src/tree/commit.ts';
import type { FileChange } from '../../src/tree/repo-tree.ts';
import { hasKubectl, kustomize, snapshotFiles } from './temp-repo.ts';

/** Plans for the property test of the commit: random, reproducible from a seed. */

/** A small seeded generator, so that a failing case can be named and run again. */
export function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
export const pick = <T>(rnd: () => number, items: readonly T[]): T =>
  items[Math.floor(rnd() * items.length)] as T;

/** `homeops app` into an existing or a new namespace of the Flux fixture, with random inputs. */
export function appInputs(rnd: () => number, n: number): Answers {
  const fresh = rnd() < 0.3;
  return {
    name: `app-${n}`,
    namespace: fresh ? `lab-${n}` : pick(rnd, ['default', 'network', 'security']),
    ...(fresh && { createNamespace: 'true' }),
    image: 'ghcr.io/example/app:1.2.3',
    port: String(pick(rnd, [80, 8080, 3000])),
    route: pick(rnd, ['none', 'internal', 'external']),
    storage: pick(rnd, ['none', '1Gi']),
  };
}

export async function planApp(root: string, given: Answers): Promise<FileChange[]> {
  const repo = openRepo(root);
  const generator = await variantFor(await GENERATORS.app!(), repo);
  return (await runGenerator(generator, { dest: root, given, dryRun: true, repo })).changes;
}

/** Random new files in new and existing folders, and random edits of files the repo has. */
export function planFiles(root: string, rnd: () => number): FileChange[] {
  const existing = Object.keys(snapshotFiles(root)).filter((f) => f.endsWith('.yaml'));
  const changes = new Map<string, FileChange>();
  const count = 1 + Math.floor(rnd() * 6);
  for (let i = 0; i < count; i++) {
    if (rnd() < 0.5) {
      const path = pick(rnd, existing);
      const before = readFileSync(join(root, path), 'utf8');
      changes.set(path, { path, type: 'update', before, after: `${before}# edit ${i}\n` });
    } else {
      const dir = pick(rnd, ['kubernetes/apps/default', 'new', 'new/deeper/still', 'talos', '']);
      const path = posix.join(dir, `file-${i}.yaml`);
      changes.set(path, { path, type: 'create', before: undefined, after: `n: ${i}\n` });
    }
  }
  return [...changes.values()];
}

/** The steps a commit of these changes goes through, from a run on a copy (`scratch`). */
export async function stepsOf(scratch: string, changes: FileChange[]): Promise<CommitStep[]> {
  const steps: CommitStep[] = [];
  await commit(scratch, changes, { beforeStep: (s) => void steps.push(s) });
  return steps;
}

/**
 * Every kustomization the change touches that exists builds (the app's and its namespace's), but
 * one someone else wrote: theirs may name files of ours that were rolled back.
 */
export function expectBuilds(
  root: string,
  changes: FileChange[],
  theirs = new Map<string, string>(),
): void {
  if (!hasKubectl) return;
  const dirs = new Set(
    changes
      .filter((c) => c.path.startsWith('kubernetes/apps/'))
      .flatMap((c) => {
        const parts = c.path.split('/');
        return [parts.slice(0, 3).join('/'), posix.dirname(c.path)];
      }),
  );
  for (const dir of dirs) {
    const file = posix.join(dir, 'kustomization.yaml');
    if (existsSync(join(root, file)) && !theirs.has(file)) kustomize(join(root, dir));
  }
}
