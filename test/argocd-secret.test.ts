import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { startConnectServer, type FakeConnect } from './onepassword/connect-server.ts';
import { SENTINEL_TOKEN, SENTINEL_VALUE } from './onepassword/fixtures.ts';
import { changedFiles, expectGolden } from './support/golden.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

const SCRIPT = 'kubernetes/bootstrap/setup-secrets.sh';
const DEPLOYMENT = 'kubernetes/argocd/manifests/whoami/deployment.yaml';
const added = (before: string, after: string) =>
  after.split('\n').filter((l) => !before.split('\n').includes(l));
const secret = (repo: string, ...flags: string[]) => [
  'secret',
  '--dest',
  repo,
  '--app=whoami',
  ...flags,
];

describe("homeops secret on the argocd layout (the bootstrap script's SECRETS table)", () => {
  it('adds one table line per field and envFrom in the Deployment, every other byte kept (golden); a second run changes nothing', async () => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const run = await homeops(
      ...secret(repo, '--item=Whoami App', '--fields=api key,password', '--source=offline'),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    expect(changedFiles(before, after)).toEqual([DEPLOYMENT, SCRIPT]);
    expectGolden(after[SCRIPT], 'argocd/secret/setup-secrets.sh');
    expectGolden(after[DEPLOYMENT], 'argocd/secret/deployment.yaml');
    expect(added(before[SCRIPT]!, after[SCRIPT]!)).toEqual([
      '  "whoami|whoami-api-key|API_KEY|Whoami App|api key|WHOAMI_API_KEY"',
      '  "whoami|whoami-password|PASSWORD|Whoami App|password|WHOAMI_PASSWORD"',
    ]);
    expect(after[SCRIPT]!.replace(/^ {2}"whoami\|.*\n/gm, '')).toBe(before[SCRIPT]);
    expect(after[DEPLOYMENT]!.startsWith(before[DEPLOYMENT]!)).toBe(true);
    const again = await homeops(
      ...secret(repo, '--item=Whoami App', '--fields=api key,password', '--source=offline'),
    );
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(after);
  });

  it('adds the line for a Helm app and says to reference the Secret from its values', async () => {
    const repo = copyFixture('argocd');
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=homarr',
      '--item=Homarr OIDC',
      '--fields=client secret',
      '--source=offline',
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /warning: no Deployment in kubernetes\/argocd\/manifests\/homarr\/deployment.yaml: reference the Secret homarr-client-secret/,
    );
    expect(readFileSync(join(repo, SCRIPT), 'utf8')).toContain(
      '  "homarr|homarr-client-secret|CLIENT_SECRET|Homarr OIDC|client secret|HOMARR_CLIENT_SECRET"\n)',
    );
  });

  it.each([
    [
      'a vault the script does not read',
      ['--vault=Work', '--item=x', '--fields=a'],
      /--vault: .*setup-secrets.sh reads every item from vault "Personal"/,
    ],
    [
      'a name that would break the table',
      ['--item=a|b', '--fields=a'],
      /--item: 1Password item name "a\|b" contains a character the SECRETS table cannot hold/,
    ],
    ['a quote in a field', ['--item=x', '--fields=say "hi"'], /--fields: .* contains a character/],
    [
      'a key count that does not match',
      ['--item=x', '--fields=a,b', '--keys=A'],
      /--keys: 1 key\(s\) for 2 field\(s\)/,
    ],
    ['an unknown app', ['--app=nope', '--item=x', '--fields=a'], /--app: "nope" is not one of/],
  ])('refuses %s, exit 1, nothing written', async (_what, flags, message) => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      ...(flags[0]!.startsWith('--app') ? [] : ['--app=whoami']),
      ...flags,
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses a line for a Secret the table already lists differently', async () => {
    const repo = copyFixture('argocd');
    await homeops(...secret(repo, '--item=Whoami App', '--fields=password', '--source=offline'));
    const before = snapshotFiles(repo);
    const run = await homeops(
      ...secret(repo, '--item=Other Item', '--fields=password', '--source=offline'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--keys: .*already lists Secret whoami\/whoami-password/);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('says what to add when the repo has no bootstrap script', async () => {
    const repo = copyFixture('argocd');
    rmSync(join(repo, SCRIPT));
    const run = await homeops(
      ...secret(repo, '--vault=Personal', '--item=x', '--fields=a', '--source=offline'),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /no kubernetes\/bootstrap\/setup-secrets.sh[\s\S]*fix: add the bootstrap script/,
    );
  });
});

describe('homeops secret on the argocd layout with 1Password Connect (a local server speaking the Connect API)', () => {
  let connect: FakeConnect;
  beforeAll(async () => {
    connect = await startConnectServer();
  });
  afterAll(() => connect.close());

  /** The fixture, its script reading the fake server's Homelab vault. */
  function homelabRepo(): string {
    const repo = copyFixture('argocd');
    writeFileSync(
      join(repo, SCRIPT),
      readFileSync(join(repo, SCRIPT), 'utf8').replace('OP_VAULT="Personal"', 'OP_VAULT="Homelab"'),
    );
    return repo;
  }

  it('checks the item and field names against 1Password and writes names only, never a value or the token', async () => {
    const repo = homelabRepo();
    // in-process (the built CLI may be older than these sources): the lookup reads process.env
    const saved = {
      host: process.env.OP_CONNECT_HOST,
      token: process.env.OP_CONNECT_TOKEN,
      sa: process.env.OP_SERVICE_ACCOUNT_TOKEN,
    };
    Object.assign(process.env, { OP_CONNECT_HOST: connect.url, OP_CONNECT_TOKEN: SENTINEL_TOKEN });
    delete process.env.OP_SERVICE_ACCOUNT_TOKEN;
    onTestFinished(() => {
      for (const [k, v] of [
        ['OP_CONNECT_HOST', saved.host],
        ['OP_CONNECT_TOKEN', saved.token],
        ['OP_SERVICE_ACCOUNT_TOKEN', saved.sa],
      ] as const) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    });
    const before = snapshotFiles(repo);
    const missing = await homeops(...secret(repo, '--item=nope', '--fields=password'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/--item: no item titled "nope" in 1Password vault "Homelab"/);
    const twice = await homeops(...secret(repo, '--item=redis', '--fields=password'));
    expect(twice.stderr).toMatch(
      /--fields: 1Password item "redis" has 2 fields labelled "password"/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
    const run = await homeops(
      ...secret(
        repo,
        '--item=Grafana Admin',
        '--fields=username,password',
        '--keys=ADMIN_USER,ADMIN_PASSWORD',
      ),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(repo, SCRIPT), 'utf8')).toContain(
      '  "whoami|whoami-admin-password|ADMIN_PASSWORD|Grafana Admin|password|WHOAMI_ADMIN_PASSWORD"\n)',
    );
    const everything = JSON.stringify(snapshotFiles(repo)) + run.stdout + run.stderr;
    expect(everything).not.toContain(SENTINEL_VALUE);
    expect(everything).not.toContain(SENTINEL_TOKEN);
  });
});
