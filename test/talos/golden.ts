/**
 * Golden files of the Talos generators: every file a run changed is compared with its copy under
 * test/golden/<case>/, and the golden folder must hold exactly the changed files, so a missing
 * golden file fails (it is never written silently) and so does a file changed by mistake.
 * `UPDATE_GOLDEN=1 npx vitest run ...` writes them, to review in the diff.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { expect } from 'vitest';

const GOLDEN = join(import.meta.dirname, '../golden');

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export function expectGoldenFiles(
  caseDir: string,
  after: Record<string, string>,
  changed: readonly string[],
): void {
  const root = join(GOLDEN, caseDir);
  if (process.env['UPDATE_GOLDEN'] === '1') {
    for (const file of changed) {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), after[file] ?? '');
    }
  }
  const golden = filesUnder(root)
    .map((f) => relative(root, f))
    .sort();
  expect([...changed].sort(), `changed files vs the golden files of golden/${caseDir}`).toEqual(
    golden,
  );
  for (const file of changed)
    expect(after[file], `golden/${caseDir}/${file}`).toBe(readFileSync(join(root, file), 'utf8'));
}
