/** Helpers shared by the node and patch generator tests. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { copyFixture, homeops } from './temp-repo.ts';

/** The argocd-mise fixture with its installer image (the Talos version it reveals) moved to 1.12. */
export function copyMise112(): string {
  const repo = copyFixture('argocd-mise');
  const image = join(repo, 'src/talos/patches/image.yaml');
  writeFileSync(image, readFileSync(image, 'utf8').replace(':v1.11.5', ':v1.12.1'));
  return repo;
}

/** Files added or changed between two snapshots, sorted (one definition, beside the goldens). */
export { changedFiles } from './golden.ts';

/**
 * The lines `after` adds to `before`, or undefined when `after` also drops or changes a line of
 * `before` (every original byte must stay).
 */
export function addedLines(before: string, after: string): string[] | undefined {
  const a = before.split('\n');
  const b = after.split('\n');
  const added: string[] = [];
  let i = 0;
  for (const line of b) {
    if (i < a.length && line === a[i]) i++;
    else added.push(line);
  }
  return i === a.length ? added : undefined;
}

/** `--key=value` flags from an object; undefined values are left out. */
export const flags = (values: Record<string, string | undefined>): string[] =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `--${k}=${v}`);

/**
 * `homeops node --dry-run` in the bundled Flux fixture's shape: a worker k8s-3 at 192.168.1.14,
 * with the inputs a test is about in `inputs`.
 */
export const nodeDryRun = (repo: string, inputs: Record<string, string>) =>
  homeops(
    'node',
    '--dest',
    repo,
    '--dry-run',
    ...flags({
      hostname: 'k8s-3',
      ip: '192.168.1.14',
      role: 'worker',
      disk: '/dev/nvme0n1',
      mac: 'BC:24:11:3A:5F:04',
      ...inputs,
    }),
  );
