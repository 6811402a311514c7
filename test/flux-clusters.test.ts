import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readTruth, type ExpectedApp } from './support/leave-one-out.ts';
import { copyFixture, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

/**
 * `homeops app --cluster=a,b` in the Flux shapes that deploy one app to several clusters: an app
 * that is in two clusters of a fixture is taken out of both and written back in one run. Where
 * each cluster keeps its own tree, each gets its own copy; where clusters share a base folder,
 * the folder is written once and each cluster gets its entry or overlay line. The repo must come
 * back byte for byte.
 */
const cases = [
  { fixture: 'flux-per-cluster', app: 'echo', how: 'a copy in each cluster tree' },
  { fixture: 'flux-base-entries', app: 'echo', how: 'one base folder, an entry per cluster' },
  { fixture: 'flux-overlays', app: 'echo', how: "one folder, a line in each cluster's overlay" },
];

/** Take the app out of every cluster: its folders, entry files and registration lines. */
function takeOut(repo: string, records: readonly ExpectedApp[]): void {
  for (const r of records) {
    for (const f of r.files) rmSync(join(repo, r.dir, f), { force: true });
    if (r.entry) rmSync(join(repo, r.entry), { force: true });
    if (!r.registeredIn || !r.registration) continue;
    const path = join(repo, r.registeredIn);
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.findIndex((l) => l.replace(/^\s*-\s*/, '') === r.registration);
    expect(at, `${r.registration} in ${r.registeredIn}`).toBeGreaterThan(0);
    lines.splice(at, 1);
    writeFileSync(path, lines.join('\n'));
  }
}

describe.each(cases)('app --cluster=a,b in $fixture: $how', ({ fixture, app }) => {
  const truth = readTruth(fixture);
  const records = truth.apps.filter((a) => a.name === app && a.inputs);
  const [first] = records;
  const clusters = records.map((r) => r.cluster ?? '');
  const flags = Object.entries({ ...first?.inputs, cluster: clusters.join(',') }).map(
    ([key, value]) => `--${key}=${Array.isArray(value) ? value.join(',') : String(value)}`,
  );

  it('writes the app back for every cluster in one run, byte for byte, and builds', async () => {
    expect(new Set(clusters).size).toBe(2);
    const repo = copyFixture(`shapes/${fixture}`);
    const original = snapshotFiles(repo);
    takeOut(repo, records);
    const run = await homeops('app', '--dest', repo, '--yes', ...flags);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`(clusters ${clusters.join(', ')})`);
    for (const c of clusters) expect(run.stdout).toContain(`on cluster ${c}: flux reconcile`);
    expect(snapshotFiles(repo)).toEqual(original);
    for (const dir of new Set(records.map((r) => r.dir)))
      expect(kustomize(join(repo, dir))).toContain(`name: ${app}`);
    const again = await homeops('app', '--dest', repo, '--yes', ...flags);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
  });

  it('writes nothing in a dry run', async () => {
    const repo = copyFixture(`shapes/${fixture}`);
    takeOut(repo, records);
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, '--yes', '--dry-run', ...flags);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

it('takes a cluster named twice as one', async () => {
  const repo = copyFixture('shapes/flux-per-cluster');
  const run = await homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--name=hello',
    '--namespace=default',
    '--cluster=edge,edge',
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
  );
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toContain(
    'app hello in namespace default: kubernetes/edge/apps/default/hello/\n',
  );
});

it('refuses --secret before any question where one of the clusters has no 1Password store', async () => {
  const repo = copyFixture('shapes/flux-per-cluster');
  const before = snapshotFiles(repo);
  const run = await homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--name=hello',
    '--namespace=default',
    '--cluster=main,edge',
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
    '--secret=true',
    '--item=hello',
    '--fields=TOKEN',
    '--source=offline',
  );
  expect(run.code).not.toBe(0);
  // main has a store (kubernetes/main/apps/external-secrets/...); edge has none
  expect(run.stderr).toMatch(/--secret.*cluster edge|cluster edge.*--secret/s);
  expect(run.stderr).toContain('or leave --secret out');
  expect(snapshotFiles(repo)).toEqual(before);
});
