import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changedFiles, dryRun, kustomizeK8s } from './argocd-mise-support.ts';
import { startConnectServer, type FakeConnect } from './onepassword/connect-server.ts';
import { opId, SENTINEL_TOKEN, SENTINEL_VALUE } from './onepassword/fixtures.ts';
import { runBinAsync } from './support/run-bin.ts';
import { expectGolden } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, snapshotFiles } from './support/temp-repo.ts';

const added = (before: string, after: string) =>
  after.split('\n').filter((l) => !before.split('\n').includes(l));

describe('homeops secret on the argocd-mise layout, offline (names as typed)', () => {
  it("appends a OnePasswordItem to an app's onepassword-items.yaml and wires envFrom, byte for byte (golden)", async () => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const flags = ['--app=mealie', '--item=mealie-oidc', '--source=offline'];
    const run = await homeops('secret', '--dest', repo, ...flags);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    const k8s = 'src/apps/services/mealie/k8s';
    expect(changedFiles(before, after)).toEqual([
      `${k8s}/deployment.yaml`,
      `${k8s}/onepassword-items.yaml`,
    ]);
    const items = `${k8s}/onepassword-items.yaml`;
    expect(after[items]!.startsWith(before[items]!)).toBe(true); // appended: every old byte stays
    expectGolden(after[items], 'argocd-mise/secret/mealie-onepassword-items.yaml');
    expect(added(before[`${k8s}/deployment.yaml`]!, after[`${k8s}/deployment.yaml`]!)).toEqual([
      '          envFrom:',
      '            - secretRef:',
      '                name: mealie-oidc',
    ]);
    expect(parseAllDocuments(after[items]!).map((d) => d.toJS().metadata.name)).toEqual([
      'mealie-secrets',
      'mealie-oidc',
    ]);
    const again = await homeops('secret', '--dest', repo, ...flags);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(after);
    if (hasKubectl)
      expect(kustomizeK8s(join(repo, k8s), readdirSync(join(repo, k8s)).sort())).toContain(
        'kind: OnePasswordItem\nmetadata:\n  name: mealie-oidc',
      );
  });

  it('for a new app: creates k8s/onepassword-items.yaml, default item <app>-secret and vault from the repo', async () => {
    const repo = copyFixture('argocd-mise');
    await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
    );
    const before = snapshotFiles(repo);
    const run = await homeops('secret', '--dest', repo, '--app=whoami', '--source=offline');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    const k8s = 'src/apps/services/whoami/k8s';
    expect(changedFiles(before, after)).toEqual([
      `${k8s}/deployment.yaml`,
      `${k8s}/onepassword-items.yaml`,
    ]);
    expectGolden(
      after[`${k8s}/onepassword-items.yaml`],
      'argocd-mise/secret/whoami-onepassword-items.yaml',
    );
    expectGolden(after[`${k8s}/deployment.yaml`], 'argocd-mise/secret/whoami-deployment.yaml');
  });

  it('makes a chart-only Application sync k8s/ (source -> sources, every comment kept), and says so', async () => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=onepassword-connect',
      '--item=connect extras',
      '--secretName=connect-extras',
      '--source=offline',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /warning: .*application.yaml synced only its chart: its source is now the first of two sources/,
    );
    expect(run.stderr).toMatch(/warning: no Deployment to wire it into/);
    const file = 'src/apps/services/onepassword-connect/application.yaml';
    const after = snapshotFiles(repo);
    expect(changedFiles(before, after)).toEqual([
      file,
      'src/apps/services/onepassword-connect/k8s/onepassword-items.yaml',
    ]);
    expectGolden(after[file], 'argocd-mise/secret/onepassword-connect-application.yaml');
    const old = parseAllDocuments(before[file]!)[0]!.toJS();
    const now = parseAllDocuments(after[file]!)[0]!.toJS();
    expect(now.spec.sources[0]).toEqual(old.spec.source);
    expect(now.spec.sources[1]).toEqual({
      repoURL: 'https://github.com/example/homelab.git',
      targetRevision: 'HEAD',
      path: 'src/apps/services/onepassword-connect/k8s',
    });
    for (const comment of before[file]!.split('\n').filter((l) => l.trim().startsWith('#')))
      expect(after[file]).toContain(comment.trim());
    expect(after['src/apps/services/onepassword-connect/k8s/onepassword-items.yaml']).toContain(
      'itemPath: "vaults/kubernetes/items/connect extras"',
    );
  });

  it('validates every changed Application offline', async () => {
    const result = await dryRun('secret', copyFixture('argocd-mise'), {
      app: 'onepassword-connect',
      item: 'x',
      source: 'offline',
    });
    expect(result.changes.map((c) => c.path)).toContain(
      'src/apps/services/onepassword-connect/application.yaml',
    );
    expect(result.validatedDocuments).toBe(1); // the Application (OnePasswordItem has no offline schema)
  });

  it.each([
    ['an unknown app', ['--app=nope', '--item=x'], /--app: "nope" is not one of/],
    [
      'an item name an itemPath cannot hold',
      ['--app=mealie', '--item=db/prod'],
      /--item: 1Password item name "db\/prod" contains characters/,
    ],
    [
      'a Secret name that is not a name',
      ['--app=mealie', '--item=x', '--secretName=Bad Name'],
      /--secretName: "Bad Name" is not a valid Secret name/,
    ],
    [
      'a OnePasswordItem of that name for another item',
      ['--app=mealie', '--item=other', '--secretName=mealie-secrets'],
      /--secretName: app mealie already has a OnePasswordItem mealie-secrets for "vaults\/kubernetes\/items\/mealie-secrets"/,
    ],
  ])('refuses %s with exit 1, writing nothing', async (_what, flags, message) => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const run = await homeops('secret', '--dest', repo, ...flags, '--source=offline');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops secret on the argocd-mise layout with 1Password Connect (a local server)', () => {
  let connect: FakeConnect;
  beforeAll(async () => {
    connect = await startConnectServer();
  });
  afterAll(() => connect.close());
  const env = () => ({ OP_CONNECT_HOST: connect.url, OP_CONNECT_TOKEN: SENTINEL_TOKEN });

  it('finds vault and item by name (case as in 1Password), never reads the item, writes no value', async () => {
    const repo = copyFixture('argocd-mise');
    const start = connect.requests.length;
    const run = await runBinAsync(
      [
        'secret',
        '--dest',
        repo,
        '--app=mealie',
        '--vault=homelab',
        '--item=Postgres DB',
        '--secretName=mealie-db',
      ],
      env(),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const items = readFileSync(
      join(repo, 'src/apps/services/mealie/k8s/onepassword-items.yaml'),
      'utf8',
    );
    expect(items).toContain('itemPath: "vaults/Homelab/items/postgres db"');
    expect(connect.reads(opId('postgresdb'))).toBe(0);
    expect(connect.requests.slice(start).every((r) => r.authorized)).toBe(true);
    const everything = JSON.stringify(snapshotFiles(repo)) + run.stdout + run.stderr;
    expect(everything).not.toContain(SENTINEL_VALUE);
    expect(everything).not.toContain(SENTINEL_TOKEN);
  });

  it('refuses an item that is not in the vault, naming the field, writing nothing', async () => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const run = await runBinAsync(
      ['secret', '--dest', repo, '--app=mealie', '--vault=Homelab', '--item=nope'],
      env(),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--item: no item titled "nope" in 1Password vault "Homelab"/);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
