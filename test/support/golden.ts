/**
 * Golden files: what a run wrote, compared byte for byte with a reviewed copy under test/golden/.
 * A golden file that is missing fails the test, locally as in CI; it is never written as a side
 * effect of running the tests. `UPDATE_GOLDENS=1 npx vitest run test/<file>.test.ts` writes (or
 * rewrites) the goldens of the tests it runs, to review in the diff before committing them.
 */
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';

export const GOLDEN_ROOT = join(import.meta.dirname, '../golden');

const updating = (): boolean => process.env['UPDATE_GOLDENS'] === '1';

const HOW_TO_WRITE =
  'write it with UPDATE_GOLDENS=1 npx vitest run <this test file>, then review the diff';

/**
 * The files a run created or changed, repo-relative and sorted. A run that deleted a file fails
 * here: no generator deletes.
 */
export function changedFiles(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  expect(
    Object.keys(before).filter((f) => !(f in after)),
    'files the run deleted',
  ).toEqual([]);
  return Object.keys(after)
    .filter((f) => after[f] !== before[f])
    .sort();
}

/** A golden file's text (relative to test/golden/), for a test that derives from it; missing fails. */
export function readGolden(golden: string, root: string = GOLDEN_ROOT): string {
  const path = join(root, golden);
  if (!existsSync(path)) expect.fail(`golden file golden/${golden} is missing: ${HOW_TO_WRITE}`);
  return readFileSync(path, 'utf8');
}

/** `actual` is byte for byte the golden file `golden` (relative to test/golden/). */
export function expectGolden(
  actual: string | undefined,
  golden: string,
  root: string = GOLDEN_ROOT,
): void {
  const path = join(root, golden);
  expect(actual, `the content compared with golden/${golden}`).toBeTypeOf('string');
  if (updating()) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, actual ?? '');
  }
  expect(actual, `golden/${golden}`).toBe(readGolden(golden, root));
}

/**
 * A folder of goldens that mirrors the repo: the run changed exactly the files under
 * test/golden/<caseDir>/ (none more, none fewer), each byte for byte. `goldenName` maps a repo
 * path to its name in the folder (default: the same path).
 */
export function expectGoldenFiles(
  caseDir: string,
  after: Record<string, string>,
  changed: readonly string[],
  goldenName: (file: string) => string = (file) => file,
  root: string = GOLDEN_ROOT,
): void {
  const dir = join(root, caseDir);
  const names = new Map(changed.map((file) => [goldenName(file), file]));
  if (updating()) {
    for (const stale of filesUnder(dir).filter((f) => !names.has(relative(dir, f)))) rmSync(stale);
    for (const [name, file] of names) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), after[file] ?? '');
    }
  }
  const goldens = filesUnder(dir)
    .map((f) => relative(dir, f))
    .sort();
  expect(
    [...names.keys()].sort(),
    `the files the run changed vs the golden files of golden/${caseDir} (${HOW_TO_WRITE})`,
  ).toEqual(goldens);
  for (const [name, file] of names)
    expect(after[file], `golden/${caseDir}/${name}`).toBe(readFileSync(join(dir, name), 'utf8'));
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}
