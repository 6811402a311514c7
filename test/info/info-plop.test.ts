import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, snapshotFiles } from '../support/temp-repo.ts';

// `npx plop info`: in plop's generator list, no questions, prints the same text as homeops info.
const plop = (...args: string[]) =>
  spawnSync('npx', ['plop', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', NO_COLOR: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe('npx plop info', () => {
  it('prints what homeops info prints and writes nothing', () => {
    const repo = join(ROOT, 'test/fixtures/talos-topf');
    const before = snapshotFiles(repo);
    const run = plop('info', '--dest', repo);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(`homeops info: ${repo}`);
    expect(run.stdout).toContain('topf (topf.yaml) at talos/topf.yaml');
    expect(run.stdout).toContain('read only: nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  }, 60_000);
});
