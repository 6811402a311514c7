import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerEach, FRONT_ENDS } from './support/interactive-runs.ts';
import { copyFixture, ROOT } from './support/temp-repo.ts';

/** flux-four-space has no ClusterSecretStore: there is no 1Password to read secrets through. */
describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))(
  'an app in a repo with no 1Password store',
  () => {
    describe.each(FRONT_ENDS)('$name app', ({ start }) => {
      it('is not asked for secrets from 1Password', async () => {
        const repo = copyFixture('flux-four-space');
        const session = start('app', repo);
        try {
          await session.answer('App name', 'hello');
          await session.answer('Namespace', '');
          await answerEach(
            session,
            {
              'Container image': 'ghcr.io/traefik/whoami:v1.10.4',
              Route: '',
              'Container port': '80',
              'Persistent storage size': '',
              'Depends on': '',
              'More options?': '',
            },
            'Write these',
          );
          expect(session.screen).not.toContain('Secrets from 1Password?');
          await session.answer('', '');
          expect(await session.exited).toBe(0);
        } finally {
          session.kill();
        }
        expect(readFileSync(join(repo, 'k8s/apps/home/kustomization.yaml'), 'utf8')).toContain(
          '    - hello/install.yaml',
        );
      }, 60_000);
    });
  },
);
