import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { leftovers } from './support/commit-faults.ts';
import { runBinAsync, type BinRun } from './support/run-bin.ts';
import { copyFixture, hasKubectl, kustomize } from './support/temp-repo.ts';

const NAMESPACE = 'kubernetes/apps/default';

const app = (repo: string, name: string): Promise<BinRun> =>
  runBinAsync([
    'app',
    '--dest',
    repo,
    `--name=${name}`,
    '--namespace=default',
    '--image=ghcr.io/example/app:1.2.3',
    '--port=8080',
  ]);

/**
 * What a run that lost the race may say: the other run held the lock, or changed the namespace's
 * kustomization after this one read it. Either way it wrote nothing and says so.
 */
const LOST =
  /error: (another homeops run \(pid \d+ on .+\) is writing to this repository|kubernetes\/apps\/default\/kustomization\.yaml: kubernetes\/apps\/default\/kustomization\.yaml changed on disk since this run read it \(another homeops run, or an editor\); nothing was changed)\n {2}fix: .+\nnothing was written\n$/;

function expectWhole(repo: string, name: string, run: BinRun): void {
  const registered = readFileSync(join(repo, NAMESPACE, 'kustomization.yaml'), 'utf8').includes(
    `- ./${name}/ks.yaml`,
  );
  if (run.code === 0) {
    // it said it wrote the app: then the app is there, and registered
    expect(registered, `${name}: ${run.stdout}`).toBe(true);
    expect(existsSync(join(repo, NAMESPACE, name, 'app/helmrelease.yaml'))).toBe(true);
  } else {
    expect(run.code, run.stderr).toBe(1);
    expect(run.stderr).toMatch(LOST);
    expect(registered).toBe(false);
    expect(existsSync(join(repo, NAMESPACE, name))).toBe(false);
  }
}

describe('two homeops runs at the same time into one namespace (real processes)', () => {
  it('never both succeed with a registration lost: each writes its whole app or nothing, and says which', async () => {
    for (let pair = 0; pair < 6; pair++) {
      const repo = copyFixture('flux');
      const [aa, bb] = await Promise.all([app(repo, 'aa'), app(repo, 'bb')]);
      expectWhole(repo, 'aa', aa);
      expectWhole(repo, 'bb', bb);
      expect(aa.code === 0 || bb.code === 0, `${aa.stderr}${bb.stderr}`).toBe(true); // one wins
      expect(leftovers(repo)).toEqual([]);
      if (hasKubectl) kustomize(join(repo, NAMESPACE));
      // a run that lost the race succeeds when run again
      for (const [name, run] of [['aa', aa] as const, ['bb', bb] as const]) {
        if (run.code === 0) continue;
        const again = await app(repo, name);
        expect(again.code, again.stderr).toBe(0);
        expectWhole(repo, name, again);
      }
      const lines = readFileSync(join(repo, NAMESPACE, 'kustomization.yaml'), 'utf8');
      expect(lines).toContain('- ./aa/ks.yaml');
      expect(lines).toContain('- ./bb/ks.yaml');
    }
  }, 120_000);

  it('a burst of five runs: every run that exits 0 has its line, the others wrote nothing', async () => {
    const repo = copyFixture('flux');
    const names = ['app-a', 'app-b', 'app-c', 'app-d', 'app-e'];
    const runs = await Promise.all(names.map((name) => app(repo, name)));
    names.forEach((name, i) => expectWhole(repo, name, runs[i] as BinRun));
    expect(runs.some((r) => r.code === 0)).toBe(true);
    expect(leftovers(repo)).toEqual([]);
    if (hasKubectl) kustomize(join(repo, NAMESPACE));
  }, 120_000);
});
