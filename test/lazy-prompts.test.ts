import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, ROOT } from './support/temp-repo.ts';

/** The modules a built `homeops` run loads: packages, and files of the bundle. */
function traced(args: string[]): { packages: string[]; bundle: string[] } {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // npm's .npmrc loads tsx; the bin is plain JS
  const run = spawnSync(
    process.execPath,
    ['--import', './bench/trace-imports.mjs', 'bin/homeops.mjs', ...args],
    { cwd: ROOT, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
  );
  expect(run.status).toBe(0);
  // one line a thread: the chart-count worker traces its own loads
  const threads = [...run.stderr.matchAll(/^TRACE (.*)$/gm)].map(
    (m) => JSON.parse(m[1]!) as { packages: string[]; bundle: string[] },
  );
  expect(threads.length).toBeGreaterThan(0);
  return { packages: threads.flatMap((t) => t.packages), bundle: threads.flatMap((t) => t.bundle) };
}

describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))(
  'homeops with every input given',
  () => {
    it('loads no prompt library and no 1Password library', () => {
      const repo = copyFixture('flux-operator');
      const { packages, bundle } = traced([
        'app',
        '--dest',
        repo,
        '--yes',
        '--name=whoami',
        '--namespace=default',
        '--image=ghcr.io/traefik/whoami:v1.10.4',
        '--port=80',
        '--route=internal',
      ]);
      expect(bundle.some((file) => file.startsWith('app-'))).toBe(true); // the trace sees the bundle's lazy chunks
      // inquirer, and the autocomplete prompt of long lists (its own chunk)
      expect(bundle.filter((file) => /inquirer|autocomplete/.test(file))).toEqual([]);
      expect(packages.filter((pkg) => /inquirer|@1password/.test(pkg))).toEqual([]);
    });
  },
);
