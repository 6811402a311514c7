import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dryRun } from './argocd-mise-support.ts';
import { leftovers } from './support/commit-faults.ts';
import {
  copyFixture,
  hasKubectl,
  homeops,
  kustomize,
  ROOT,
  snapshotFiles,
} from './support/temp-repo.ts';

/**
 * Real signals, in a process of its own, sent at a chosen step of the commit (the child sends it
 * to itself just before renaming the namespace's kustomization, when the new files are in place).
 */

const NAMESPACE = 'kubernetes/apps/default';
const inputs = [
  '--name=echo2',
  '--namespace=default',
  '--image=ghcr.io/example/app:1.2.3',
  '--port=8080',
  '--storage=1Gi',
];

async function childCommit(signal: string) {
  const repo = copyFixture('flux');
  const given = Object.fromEntries(inputs.map((f) => f.slice(2).split('=') as [string, string]));
  const { changes } = await dryRun('app', repo, given);
  const plan = join(repo, '..', `${repo.split('/').pop()}-changes.json`);
  writeFileSync(plan, JSON.stringify(changes));
  const before = snapshotFiles(repo);
  const child = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      'test/support/commit-child.ts',
      repo,
      plan,
      signal,
      'place',
      `${NAMESPACE}/kustomization.yaml`,
    ],
    { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } },
  );
  return { repo, before, child, changes };
}

describe('the commit under real signals (a process of its own)', () => {
  it.each(['SIGINT', 'SIGTERM'])(
    '%s between two renames: everything is put back',
    async (signal) => {
      const { repo, before, child } = await childCommit(signal);
      expect(child.stderr).toBe('');
      expect(child.stdout).toBe(`interrupted by ${signal} while writing; nothing was changed\n`);
      expect(child.status).toBe(1);
      expect(snapshotFiles(repo)).toEqual(before);
      expect(leftovers(repo)).toEqual([]);
    },
  );

  it('SIGKILL between two renames: the repo builds, and the next run cleans up, says so and completes', async () => {
    const { repo, child, changes } = await childCommit('SIGKILL');
    expect(child.signal).toBe('SIGKILL');
    // the new files are in place, the registration that names them is not: the namespace builds
    expect(readFileSync(join(repo, NAMESPACE, 'kustomization.yaml'), 'utf8')).not.toContain(
      'echo2',
    );
    if (hasKubectl) kustomize(join(repo, NAMESPACE));
    expect(leftovers(repo)).toEqual(
      [
        '.homeops.lock',
        `${NAMESPACE}/kustomization.yaml.homeops-${child.pid}-before.tmp`,
        `${NAMESPACE}/kustomization.yaml.homeops-${child.pid}.tmp`,
      ].sort(),
    );
    const next = await homeops('app', '--dest', repo, ...inputs);
    expect(next.code).toBe(0);
    expect(next.stderr.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^warning: an earlier homeops run \\(pid ${child.pid}, started \\S+\\) was interrupted while writing: removed its lock$`,
        ),
      ),
      `warning: removed 2 leftover temporary file(s): ${NAMESPACE}/kustomization.yaml.homeops-${child.pid}-before.tmp, ${NAMESPACE}/kustomization.yaml.homeops-${child.pid}.tmp`,
      '',
    ]);
    expect(leftovers(repo)).toEqual([]);
    for (const change of changes)
      expect(readFileSync(join(repo, change.path), 'utf8')).toBe(change.after);
    if (hasKubectl) kustomize(join(repo, NAMESPACE));
  });
});
