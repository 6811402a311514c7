import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

const HELMRELEASE = 'kubernetes/apps/default/echo/app/helmrelease.yaml';
const CAPABILITIES = '              capabilities: { drop: ["ALL"] }\n';
const secret = (repo: string) => [
  'secret',
  '--dest',
  repo,
  '--namespace=default',
  '--app=echo',
  '--item=echo',
  '--fields=a',
  '--source=offline',
];

/** The flux-operator fixture, its echo container given `envFrom` as written here (before `env:`). */
function withEnvFrom(envFrom: string): { repo: string; before: string } {
  const repo = copyFixture('flux-operator');
  const path = join(repo, HELMRELEASE);
  const original = readFileSync(path, 'utf8');
  expect(original).toContain(CAPABILITIES);
  const before = original.replace('            env:\n', `${envFrom}            env:\n`);
  writeFileSync(path, before);
  return { repo, before };
}

describe('homeops secret splices into a flow-style envFrom, byte for byte', () => {
  it('adds the entry inside a one-line flow list, its trailing comment and every other byte kept', async () => {
    const { repo, before } = withEnvFrom(
      '            envFrom: [{ secretRef: { name: shared } }] # keep\n',
    );
    const run = await homeops(...secret(repo));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = readFileSync(join(repo, HELMRELEASE), 'utf8');
    expect(after).toBe(
      before.replace(
        '[{ secretRef: { name: shared } }] # keep',
        '[{ secretRef: { name: shared } }, { secretRef: { name: echo-secret } }] # keep',
      ),
    );
    expect(after).toContain(CAPABILITIES);
    const files = snapshotFiles(repo);
    const again = await homeops(...secret(repo));
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(files);
  });

  it('follows an unpadded flow list', async () => {
    const { repo, before } = withEnvFrom('            envFrom: [{secretRef: {name: shared}}]\n');
    expect((await homeops(...secret(repo))).code).toBe(0);
    expect(readFileSync(join(repo, HELMRELEASE), 'utf8')).toBe(
      before.replace(
        '[{secretRef: {name: shared}}]',
        '[{secretRef: {name: shared}}, {secretRef: {name: echo-secret}}]',
      ),
    );
  });

  it('puts the entry on a line of its own when the items are one per line', async () => {
    const list = [
      '            envFrom: [',
      '              { secretRef: { name: shared } }, # first',
      '              { configMapRef: { name: settings } },',
      '            ]',
      '',
    ].join('\n');
    const { repo, before } = withEnvFrom(list);
    expect((await homeops(...secret(repo))).code).toBe(0);
    const after = readFileSync(join(repo, HELMRELEASE), 'utf8');
    expect(after).toBe(
      before.replace(
        '{ configMapRef: { name: settings } },\n',
        '{ configMapRef: { name: settings } },\n              { secretRef: { name: echo-secret } },\n',
      ),
    );
    expect(parseDocument(after).toJS().spec.values.controllers.echo.containers.app.envFrom).toEqual(
      [
        { secretRef: { name: 'shared' } },
        { configMapRef: { name: 'settings' } },
        { secretRef: { name: 'echo-secret' } },
      ],
    );
  });

  it('keeps CRLF line endings', async () => {
    const repo = copyFixture('flux-operator');
    const path = join(repo, HELMRELEASE);
    const before = readFileSync(path, 'utf8')
      .replace(
        '            env:\n',
        '            envFrom: [{ secretRef: { name: shared } }]\n            env:\n',
      )
      .replace(/\n/g, '\r\n');
    writeFileSync(path, before);
    expect((await homeops(...secret(repo))).code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      before.replace(
        '{ name: shared } }]',
        '{ name: shared } }, { secretRef: { name: echo-secret } }]',
      ),
    );
  });

  it('fills an empty flow list that has a comment after it', async () => {
    const { repo, before } = withEnvFrom('            envFrom: [] # none yet\n');
    expect((await homeops(...secret(repo))).code).toBe(0);
    expect(readFileSync(join(repo, HELMRELEASE), 'utf8')).toBe(
      before.replace(
        'envFrom: [] # none yet',
        'envFrom: [{ secretRef: { name: echo-secret } }] # none yet',
      ),
    );
  });

  it('pads braces when only a ${VAR} in a value is written without a space, and fills [ ]', async () => {
    const { repo, before } = withEnvFrom(
      '            envFrom: [{ secretRef: { name: "${APP}" } }]\n',
    );
    expect((await homeops(...secret(repo))).code).toBe(0);
    expect(readFileSync(join(repo, HELMRELEASE), 'utf8')).toBe(
      before.replace(
        '[{ secretRef: { name: "${APP}" } }]',
        '[{ secretRef: { name: "${APP}" } }, { secretRef: { name: echo-secret } }]',
      ),
    );
    const spaced = withEnvFrom('            envFrom: [ ] # none yet\n');
    expect((await homeops(...secret(spaced.repo))).code).toBe(0);
    expect(readFileSync(join(spaced.repo, HELMRELEASE), 'utf8')).toBe(
      spaced.before.replace(
        'envFrom: [ ] # none yet',
        'envFrom: [{ secretRef: { name: echo-secret } }] # none yet',
      ),
    );
  });

  it('still adds to a block-style envFrom (only the new lines)', async () => {
    const { repo, before } = withEnvFrom(
      '            envFrom:\n              - secretRef:\n                  name: shared\n',
    );
    expect((await homeops(...secret(repo))).code).toBe(0);
    expect(readFileSync(join(repo, HELMRELEASE), 'utf8')).toBe(
      before.replace(
        '                  name: shared\n',
        '                  name: shared\n              - secretRef:\n                  name: echo-secret\n',
      ),
    );
  });

  it("argocd: splices into a Deployment container's flow-style envFrom", async () => {
    const repo = copyFixture('argocd');
    const path = join(repo, 'kubernetes/argocd/manifests/whoami/deployment.yaml');
    const before = readFileSync(path, 'utf8').replace(
      '          image: traefik/whoami:v1.10.3\n',
      '          image: traefik/whoami:v1.10.3\n          envFrom: [ { secretRef: { name: shared } } ]  # keep\n',
    );
    writeFileSync(path, before);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=whoami',
      '--item=Whoami App',
      '--fields=api key,password',
      '--source=offline',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(path, 'utf8')).toBe(
      before.replace(
        '{ name: shared } } ]',
        '{ name: shared } }, { secretRef: { name: whoami-api-key } }, { secretRef: { name: whoami-password } } ]',
      ),
    );
  });
});
