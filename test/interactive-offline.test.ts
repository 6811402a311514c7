import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeopsAtTerminal } from './support/interactive-runs.ts';
import { copyFixture, ROOT } from './support/temp-repo.ts';

describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))(
  'homeops secret with 1Password offline (no token in the environment)',
  () => {
    it('says it is offline once, and asks for the exact item title once', async () => {
      const repo = copyFixture('flux');
      const session = homeopsAtTerminal(['secret'], repo);
      try {
        await session.answer('Namespace of the app', '');
        await session.answer(/App[\s\S]*echo/, '');
        await session.answer('1Password ClusterSecretStore', '');
        await session.answer(
          /1Password is offline \(neither OP_SERVICE_ACCOUNT_TOKEN nor OP_CONNECT_HOST and OP_CONNECT_TOKEN is set\): names are not looked up; type the vault, item and field names exactly as they are in 1Password\s*\n\? 1Password vault/,
          '',
        );
        await session.answer('1Password item', 'grafana admin');
        await session.answer('Fields', 'username,password');
        await session.answer('Kubernetes Secret keys', '');
        await session.answer(/Write these \d+ files\? \(Y\/n\/d\)/, '');
        expect(await session.exited).toBe(0);
      } finally {
        session.kill();
      }
      expect(session.screen.split('1Password is offline').length).toBe(2); // said once
      expect(session.screen).not.toContain('type part of the name');
      expect(session.screen).not.toContain('nothing matches');
      expect(
        readFileSync(join(repo, 'kubernetes/apps/default/echo/app/externalsecret.yaml'), 'utf8'),
      ).toContain('key: grafana admin\n        property: password');
    }, 60_000);
  },
);
