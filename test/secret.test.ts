import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectServer, type FakeConnect } from './onepassword/connect-server.ts';
import { opId, SENTINEL_TOKEN, SENTINEL_VALUE, WRONG_TOKEN } from './onepassword/fixtures.ts';
import { runBinAsync } from './support/run-bin.ts';
import { changedFiles, expectGolden } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

/** The flux fixture, its Connect store reading the fake server's Homelab vault. */
function connectRepo(): string {
  const repo = copyFixture('flux');
  const store = join(
    repo,
    'kubernetes/apps/security/onepassword-connect/app/clustersecretstore.yaml',
  );
  writeFileSync(store, readFileSync(store, 'utf8').replace(/kubernetes: 1/, 'Homelab: 1'));
  return repo;
}

describe('homeops secret, offline (names as typed)', () => {
  it('writes an ExternalSecret in the SDK store format, registers it and wires envFrom (golden)', async () => {
    const repo = copyFixture('flux-operator');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--vault=kubernetes',
      '--item=echo app',
      '--fields=api key,password',
      '--source=offline',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    const changed = changedFiles(before, after);
    // ks.yaml: the dependency on the store's Kustomization (test/secret-store-dependency.test.ts)
    expect(changed).toEqual([
      'kubernetes/apps/default/echo/app/externalsecret.yaml',
      'kubernetes/apps/default/echo/app/helmrelease.yaml',
      'kubernetes/apps/default/echo/app/kustomization.yaml',
      'kubernetes/apps/default/echo/ks.yaml',
    ]);
    expectGolden(after[changed[0]!], 'secret/flux-operator/externalsecret.yaml');
    // the HelmRelease gains exactly the envFrom lines; every other byte stays
    const added = after[changed[1]!]!.split('\n').filter(
      (l) => !before[changed[1]!]!.split('\n').includes(l),
    );
    expect(added).toEqual([
      '            envFrom:',
      '              - secretRef:',
      '                  name: echo-secret',
    ]);
    if (hasKubectl)
      expect(kustomize(join(repo, 'kubernetes/apps/default/echo/app'))).toContain(
        'kind: ExternalSecret',
      );
    const again = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--vault=kubernetes',
      '--item=echo app',
      '--fields=api key,password',
      '--source=offline',
    );
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(after);
  });

  it('takes the whole item with --fields=* (dataFrom.extract)', async () => {
    const repo = copyFixture('flux-operator');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--item=echo',
      '--fields=*',
      '--source=offline',
    );
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    expect(changedFiles(before, after)).toEqual([
      'kubernetes/apps/default/echo/app/externalsecret.yaml',
      'kubernetes/apps/default/echo/app/helmrelease.yaml',
      'kubernetes/apps/default/echo/app/kustomization.yaml',
      'kubernetes/apps/default/echo/ks.yaml',
    ]);
    expectGolden(
      after['kubernetes/apps/default/echo/app/externalsecret.yaml'],
      'secret/flux-operator/externalsecret-whole-item.yaml',
    );
  });

  it('refuses names a secret reference cannot hold, saying to use the ID or rename', async () => {
    const repo = copyFixture('flux-operator');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--item=db (prod)',
      '--fields=password',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /--item: 1Password item name "db \(prod\)" contains characters[\s\S]*fix: rename it in 1Password/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('says how to add a store when the repo has none, naming the one its ExternalSecrets read', async () => {
    const repo = copyFixture('flux-operator');
    rmSync(join(repo, 'kubernetes/apps/external-secrets/onepassword'), { recursive: true });
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--item=x',
      '--fields=a',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /no ClusterSecretStore for 1Password; its ExternalSecrets read onepassword \(e\.g\. [^)]+\), defined outside its files[\s\S]*fix: if onepassword is a 1Password store, define it in the repo as a ClusterSecretStore/,
    );
  });

  it('refuses an unknown app and a key count that does not match the fields', async () => {
    const repo = copyFixture('flux-operator');
    const unknown = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=nope',
      '--item=x',
      '--fields=a',
      '--source=offline',
    );
    expect(unknown.stderr).toMatch(/--app: "nope" is not one of/);
    const keys = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--item=x',
      '--fields=a,b',
      '--keys=A',
      '--source=offline',
    );
    expect(keys.stderr).toMatch(/--keys: 1 key\(s\) for 2 field\(s\)/);
  });
});

describe('homeops secret with 1Password Connect (a local server speaking the Connect API)', () => {
  let connect: FakeConnect;
  beforeAll(async () => {
    connect = await startConnectServer();
  });
  afterAll(() => connect.close());
  const env = () => ({ OP_CONNECT_HOST: connect.url, OP_CONNECT_TOKEN: SENTINEL_TOKEN });
  const secret = (repo: string, ...flags: string[]) => [
    'secret',
    '--dest',
    repo,
    '--namespace=default',
    '--app=echo',
    '--vault=Homelab',
    ...flags,
  ];

  it('resolves the item and fields by name, reads only that item once, and writes no value (golden)', async () => {
    const repo = connectRepo();
    connect.fail(undefined);
    const start = connect.requests.length;
    const before = snapshotFiles(repo);
    const run = await runBinAsync(
      secret(repo, '--item=postgres db', '--fields=username,api key'),
      env(),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    expect(changedFiles(before, after)).toEqual([
      'kubernetes/apps/default/echo/app/externalsecret.yaml',
      'kubernetes/apps/default/echo/app/helmrelease.yaml',
      'kubernetes/apps/default/echo/app/kustomization.yaml',
      'kubernetes/apps/default/echo/ks.yaml',
    ]);
    expectGolden(
      after['kubernetes/apps/default/echo/app/externalsecret.yaml'],
      'secret/flux/externalsecret-connect.yaml',
    );
    expect(connect.reads(opId('postgresdb'))).toBe(1);
    expect(connect.reads(opId('grafanaadmin'))).toBe(0);
    expect(connect.requests.slice(start).every((r) => r.authorized)).toBe(true);
    const everything = JSON.stringify(snapshotFiles(repo)) + run.stdout + run.stderr;
    expect(everything).not.toContain(SENTINEL_VALUE);
    expect(everything).not.toContain(SENTINEL_TOKEN);
  });

  it.each([
    ['a wrong token', { OP_CONNECT_TOKEN: WRONG_TOKEN }, undefined, /authenticat|token/i],
    ['a rate limit', {}, { status: 429 as const }, /rate limit/i],
    ['a server error', {}, { status: 500 as const }, /1Password Connect/],
  ])(
    'exits 1 on %s with a clear message, no token in it, nothing written',
    async (_what, envOverride, failure, message) => {
      const repo = connectRepo();
      const before = snapshotFiles(repo);
      connect.fail(failure);
      const run = await runBinAsync(secret(repo, '--item=postgres db', '--fields=username'), {
        ...env(),
        ...envOverride,
      });
      connect.fail(undefined);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('fix:');
      expect(run.stdout + run.stderr).not.toMatch(/SENTINEL/);
      expect(snapshotFiles(repo)).toEqual(before);
    },
  );

  it('exits 1 when the Connect server cannot be reached', async () => {
    const repo = connectRepo();
    const run = await runBinAsync(secret(repo, '--item=postgres db', '--fields=username'), {
      OP_CONNECT_HOST: 'http://127.0.0.1:9',
      OP_CONNECT_TOKEN: SENTINEL_TOKEN,
    });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/could not reach 1Password Connect/);
    expect(run.stderr).not.toContain(SENTINEL_TOKEN);
  });

  it('refuses an unknown item and a field label that repeats inside the item, with the fix', async () => {
    const repo = connectRepo();
    const missing = await runBinAsync(secret(repo, '--item=nope', '--fields=password'), env());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--item: no item titled "nope" in 1Password vault "Homelab"/);
    const twice = await runBinAsync(secret(repo, '--item=redis', '--fields=password'), env());
    expect(twice.code).toBe(1);
    expect(twice.stderr).toMatch(
      /--fields: 1Password item "redis" has 2 fields labelled "password"[\s\S]*fix: rename all but one/,
    );
  });

  it('adds an app and its secret in one commit; a 1Password failure leaves the repo untouched', async () => {
    const repo = connectRepo();
    const before = snapshotFiles(repo);
    const app = [
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--namespace=default',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--secret',
      '--vault=Homelab',
    ];
    const failed = await runBinAsync([...app, '--item=Grafana Admin', '--fields=nope'], env());
    expect(failed.code).toBe(1);
    expect(failed.stderr).toBe(
      'error: --fields: 1Password item "Grafana Admin" has no field labelled "nope" (fields: username, password)\n  fix: pick one of the listed fields, or add a "nope" field to the item\nnothing was written\n',
    );
    expect(snapshotFiles(repo)).toEqual(before);
    const run = await runBinAsync(
      [
        ...app,
        '--item=Grafana Admin',
        '--fields=username,password',
        '--keys=ADMIN_USER,ADMIN_PASSWORD',
      ],
      env(),
    );
    expect(run.code).toBe(0);
    const dir = join(repo, 'kubernetes/apps/default/whoami/app');
    expect(readFileSync(join(dir, 'externalsecret.yaml'), 'utf8')).toContain(
      'secretKey: ADMIN_PASSWORD',
    );
    expect(readFileSync(join(dir, 'helmrelease.yaml'), 'utf8')).toContain('name: whoami-secret');
    if (hasKubectl) expect(kustomize(dir)).toContain('kind: ExternalSecret');
  });
});
