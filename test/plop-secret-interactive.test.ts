import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConnectServer, type FakeConnect } from './onepassword/connect-server.ts';
import { opId, SENTINEL_TOKEN, SENTINEL_VALUE, WRONG_TOKEN } from './onepassword/fixtures.ts';
import { PtySession } from './support/pty-session.ts';
import { copyFixture, ROOT } from './support/temp-repo.ts';

const DOWN = '\u001b[B';

describe('npx plop secret, answered at a real terminal, names from 1Password Connect', () => {
  let connect: FakeConnect;
  beforeAll(async () => {
    connect = await startConnectServer();
  });
  afterAll(() => connect.close());

  it('lists vaults, finds the item by part of its title, offers its fields, and writes the ExternalSecret', async () => {
    const repo = copyFixture('flux');
    const store = join(
      repo,
      'kubernetes/apps/security/onepassword-connect/app/clustersecretstore.yaml',
    );
    writeFileSync(store, readFileSync(store, 'utf8').replace(/kubernetes: 1/, 'Homelab: 1'));
    const session = new PtySession('npx', ['plop', 'secret', '--dest', repo], {
      cwd: ROOT,
      env: { CI: '', OP_CONNECT_HOST: connect.url, OP_CONNECT_TOKEN: SENTINEL_TOKEN },
    });
    try {
      await session.answer('Namespace of the app', '');
      await session.answer(/App[\s\S]*echo/, '');
      await session.answer('1Password ClusterSecretStore', '');
      await session.answer(/1Password vault[\s\S]*Homelab/, '');
      await session.answer('type part of the name', 'post');
      await session.answer(/postgres db/, '');
      await session.answer(/Fields[\s\S]*api key/, `${DOWN} ${DOWN}${DOWN} `); // username, api key
      await session.answer(/Kubernetes Secret keys[\s\S]*USERNAME,API_KEY/, '');
      await session.answer(/Write these 4 files\? \(Y\/n\/d\)/, '');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).toContain('ExternalSecret echo (Secret echo-secret)');
    expect(session.screen).not.toContain(SENTINEL_VALUE);
    expect(session.screen).not.toContain(SENTINEL_TOKEN);
    const written = readFileSync(
      join(repo, 'kubernetes/apps/default/echo/app/externalsecret.yaml'),
      'utf8',
    );
    expect(written).toContain('key: postgres db\n        property: api key');
    expect(connect.reads(opId('postgresdb'))).toBe(1);
  }, 60_000);

  it('goes on with names typed by hand when 1Password refuses the token', async () => {
    const repo = copyFixture('flux');
    const session = new PtySession('npx', ['plop', 'secret', '--dest', repo], {
      cwd: ROOT,
      env: { CI: '', OP_CONNECT_HOST: connect.url, OP_CONNECT_TOKEN: WRONG_TOKEN },
    });
    try {
      await session.answer('Namespace of the app', '');
      await session.answer(/App[\s\S]*echo/, '');
      await session.answer('1Password ClusterSecretStore', '');
      await session.answer(/continuing with names typed by hand[\s\S]*1Password vault/, '');
      // offline now: the exact title is asked once, with no search first
      await session.answer('1Password item', 'grafana admin');
      await session.answer('Fields', 'username,password');
      await session.answer('Kubernetes Secret keys', '');
      await session.answer(/Write these 4 files\? \(Y\/n\/d\)/, '');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).not.toContain(WRONG_TOKEN);
    expect(session.screen).not.toContain('type part of the name');
    expect(session.screen.split('continuing with names typed by hand').length).toBe(2); // said once
    const written = readFileSync(
      join(repo, 'kubernetes/apps/default/echo/app/externalsecret.yaml'),
      'utf8',
    );
    expect(written).toContain('key: grafana admin\n        property: password');
  }, 60_000);
});
