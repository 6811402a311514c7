import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { copyFixture, homeops, ROOT, snapshotFiles } from './support/temp-repo.ts';

/** The clustertool fixture with External Secrets' 1Password store (SDK provider, vault kubernetes). */
function clustertoolWithStore(): string {
  const repo = copyFixture('clustertool');
  const dir = join(repo, 'clusters/main/kubernetes/system/external-secrets/app');
  mkdirSync(dir, { recursive: true });
  cpSync(
    join(
      ROOT,
      'test/fixtures/flux-operator/kubernetes/apps/external-secrets/onepassword/app/clustersecretstore.yaml',
    ),
    join(dir, 'cluster-secret-store.yaml'),
  );
  return repo;
}

/** Each layout's fixture and the flags naming one of its apps. */
const LAYOUTS = {
  flux: () => ['--dest', copyFixture('flux-operator'), '--namespace=default', '--app=echo'],
  clustertool: () => ['--dest', clustertoolWithStore(), '--app=sonarr'],
  argocd: () => ['--dest', copyFixture('argocd'), '--app=whoami'],
  'argocd-mise': () => ['--dest', copyFixture('argocd-mise'), '--app=mealie'],
} as const;

/** The CLI on a fresh copy; the refusal must leave the copy untouched. */
async function refused(layout: keyof typeof LAYOUTS, ...flags: string[]) {
  const target = LAYOUTS[layout]();
  const before = snapshotFiles(target[1]!);
  const run = await homeops('secret', ...target, ...flags);
  expect(snapshotFiles(target[1]!)).toEqual(before);
  return { ...run, errors: [...run.stderr.matchAll(/^error: (.*)$/gm)].map((m) => m[1]!) };
}

beforeEach(() => {
  // no 1Password credentials in the environment, whatever the machine running the tests has
  for (const name of ['OP_SERVICE_ACCOUNT_TOKEN', 'OP_CONNECT_HOST', 'OP_CONNECT_TOKEN'])
    vi.stubEnv(name, '');
});
afterEach(() => vi.unstubAllEnvs());

describe('homeops secret refuses an empty field list', () => {
  for (const fields of ['--fields=', '--fields=,', '--fields= ', '--fields= , ']) {
    for (const layout of ['flux', 'clustertool', 'argocd'] as const) {
      it(`${layout}: ${JSON.stringify(fields)} names --fields and how to fix it, writes nothing`, async () => {
        const run = await refused(layout, '--item=x', fields, '--source=offline');
        expect(run.code).toBe(1);
        expect(run.errors).toHaveLength(1);
        expect(run.errors[0]).toMatch(/^--fields: no field named/);
        expect(run.stderr).toMatch(
          layout === 'argocd'
            ? /fix: name at least one field of the item\n/
            : /fix: name at least one field, or \* for the whole item\n/,
        );
      });
    }
  }

  it('flux: an empty --keys list is still refused (one key per field)', async () => {
    const run = await refused('flux', '--item=x', '--fields=a', '--keys=,', '--source=offline');
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['--keys: 0 key(s) for 1 field(s)']);
  });

  it('flux: keys given with an empty field list add no second error', async () => {
    const run = await refused('flux', '--item=x', '--fields=', '--keys=A', '--source=offline');
    expect(run.errors).toEqual(['--fields: no field named (the list is empty)']);
  });

  it('argocd: * (a whole item) is refused naming --fields, one Secret being made per field', async () => {
    const run = await refused('argocd', '--item=x', '--fields=*', '--source=offline');
    expect(run.code).toBe(1);
    expect(run.errors).toEqual([
      '--fields: the bootstrap script makes one Secret per field, so * (the whole item) cannot be taken',
    ]);
  });

  it('argocd: an empty --keys list is still refused (one key per field)', async () => {
    const run = await refused('argocd', '--item=x', '--fields=a', '--keys= ', '--source=offline');
    expect(run.code).toBe(1);
    expect(run.errors).toEqual(['--keys: 0 key(s) for 1 field(s)']);
  });
});

describe('homeops secret reports a refused --source alone, without cascading vault or item errors', () => {
  const layouts = Object.keys(LAYOUTS) as (keyof typeof LAYOUTS)[];
  // a vault each layout would take offline (the argocd bootstrap script reads vault Personal)
  const flags = (layout: keyof typeof LAYOUTS) => {
    const vault = `--vault=${layout === 'argocd' ? 'Personal' : 'kubernetes'}`;
    return layout === 'argocd-mise' ? ['--item=x', vault] : ['--item=x', '--fields=a', vault];
  };

  for (const layout of layouts) {
    it(`${layout}: --source=bogus`, async () => {
      const run = await refused(layout, ...flags(layout), '--source=bogus');
      expect(run.code).toBe(1);
      expect(run.errors).toEqual(['--source: "bogus" is not one of sdk, connect, offline']);
      expect(run.stderr).toMatch(/fix: pass one of: sdk, connect, offline\n/);
    });

    it(`${layout}: --source=sdk without OP_SERVICE_ACCOUNT_TOKEN`, async () => {
      const run = await refused(layout, ...flags(layout), '--source=sdk');
      expect(run.code).toBe(1);
      expect(run.errors).toEqual([
        '--source: the sdk 1Password source needs OP_SERVICE_ACCOUNT_TOKEN, which is not set',
      ]);
      expect(run.stderr).toMatch(
        /fix: set OP_SERVICE_ACCOUNT_TOKEN in the environment .*, or use --source=offline/,
      );
    });

    it(`${layout}: --source=connect without OP_CONNECT_HOST and OP_CONNECT_TOKEN`, async () => {
      const run = await refused(layout, ...flags(layout), '--source=connect');
      expect(run.code).toBe(1);
      expect(run.errors).toEqual([
        '--source: the connect 1Password source needs OP_CONNECT_HOST and OP_CONNECT_TOKEN, which are not set',
      ]);
      expect(run.stderr).toMatch(
        /fix: set OP_CONNECT_HOST and OP_CONNECT_TOKEN in the environment .*, or use --source=offline/,
      );
    });
  }

  it('flux: without --vault (the store default) the source error is still alone', async () => {
    const run = await refused('flux', '--item=x', '--fields=a', '--source=sdk');
    expect(run.errors).toEqual([
      '--source: the sdk 1Password source needs OP_SERVICE_ACCOUNT_TOKEN, which is not set',
    ]);
  });
});

describe('secret in a repo of several stores', () => {
  /** flux-operator with a second 1Password store, `onepassword-home`. */
  function twoStores(): string {
    const repo = copyFixture('flux-operator');
    const dir = join(repo, 'kubernetes/apps/external-secrets/onepassword/app');
    writeFileSync(
      join(dir, 'home-store.yaml'),
      readFileSync(join(dir, 'clustersecretstore.yaml'), 'utf8').replace(
        /name: onepassword$/m,
        'name: onepassword-home',
      ),
    );
    return repo;
  }

  it('reports a refused --store alone, not a vault problem that hangs on it', async () => {
    const run = await homeops(
      'secret',
      '--dest',
      twoStores(),
      '--namespace=default',
      '--app=echo',
      '--item=x',
      '--fields=a',
      '--source=offline',
      '--store=bogus',
    );
    expect(run.code).toBe(1);
    expect([...run.stderr.matchAll(/^error: (.*)$/gm)].map((m) => m[1])).toEqual([
      expect.stringMatching(/^--store: /),
    ]);
  });

  it('names --store as missing when there are several and none is given', async () => {
    const run = await homeops(
      'secret',
      '--dest',
      twoStores(),
      '--namespace=default',
      '--app=echo',
      '--item=x',
      '--fields=a',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--store/);
  });
});

describe('secret: an input that applies only with another says which', () => {
  it('--keys with --fields=*', async () => {
    const run = await homeops(
      'secret',
      '--dest',
      copyFixture('flux-operator'),
      '--namespace=default',
      '--app=echo',
      '--item=echo',
      '--fields=*',
      '--keys=A',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      '--keys: does not apply with the other inputs given: it applies only when --fields names fields',
    );
  });
});

describe('secret: a store is one of the cluster the app runs on', () => {
  const perCluster = () => copyFixture('shapes/flux-per-cluster');
  const flags = ['--namespace=default', '--app=echo', '--item=echo', '--fields=a'];

  it('refuses, naming the cluster, where only another cluster has a store; writes nothing', async () => {
    const repo = perCluster();
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--cluster=edge',
      ...flags,
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('cluster edge has no ClusterSecretStore for 1Password');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it("uses the cluster's own store", async () => {
    const repo = perCluster();
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--cluster=main',
      ...flags,
      '--source=offline',
    );
    expect(run.code, run.stderr).toBe(0);
    const file = join(repo, 'kubernetes/main/apps/default/echo/app/externalsecret.yaml');
    expect(readFileSync(file, 'utf8')).toMatch(/kind: ClusterSecretStore\n\s+name: onepassword/);
  });
});

describe('app --secret=true where there is no 1Password store', () => {
  it('names --secret and what to add, writes nothing', async () => {
    const repo = copyFixture('flux-four-space');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=hello',
      '--namespace=web',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--route=none',
      '--secret=true',
      '--item=hello',
      '--fields=a',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--secret: this repo has no ClusterSecretStore for 1Password');
    expect(run.stderr).toMatch(/fix: add one first .*; or leave --secret out/);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('secret where the repo reads another secret manager', () => {
  it('names the store it has, and the two ways on, writes nothing', async () => {
    const repo = copyFixture('shapes/argocd-appset-dirs');
    const file = 'my-apps/infrastructure/external-secrets/clustersecretstore.yaml';
    writeFileSync(
      join(repo, file),
      [
        'apiVersion: external-secrets.io/v1',
        'kind: ClusterSecretStore',
        'metadata:',
        '  name: bitwarden',
        'spec:',
        '  provider:',
        '    bitwardensecretsmanager:',
        '      apiURL: https://api.bitwarden.example',
        '',
      ].join('\n'),
    );
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=radarr',
      '--item=radarr',
      '--fields=API_KEY',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `this repo has no ClusterSecretStore for 1Password; its ClusterSecretStore bitwarden (bitwardensecretsmanager, ${file}) reads another secret manager`,
    );
    expect(run.stderr).toContain(
      `add a 1Password ClusterSecretStore (provider onepasswordSDK or onepassword) beside ${file}, or write this ExternalSecret by hand against bitwarden`,
    );
    expect(snapshotFiles(repo)).toEqual(before);
    // named with --store, that store gets the same answer (not "is not one of (none)")
    const named = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=radarr',
      '--store=bitwarden',
      '--item=radarr',
      '--fields=API_KEY',
      '--source=offline',
    );
    expect(named.code).toBe(1);
    expect(named.stderr).toContain('--store: this repo has no ClusterSecretStore for 1Password');
    expect(named.stderr).not.toContain('(none)');
    expect(snapshotFiles(repo)).toEqual(before);
    // homeops info says so too, instead of "no 1Password store found"
    const info = await homeops('info', '--dest', repo);
    // and the store the apps' ExternalSecrets still read, which no file defines any more
    expect(info.stdout).toContain(
      `Secrets    External Secrets through bitwarden (bitwardensecretsmanager) in ${file}, onepassword (not defined in this repo; read in my-apps/home/mealie/externalsecret.yaml): no 1Password store homeops secret can read`,
    );
  });
});
