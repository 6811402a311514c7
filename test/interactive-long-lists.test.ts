import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerEach, FRONT_ENDS } from './support/interactive-runs.ts';
import { copyFixture, ROOT } from './support/temp-repo.ts';

/** A flux-operator repo with a namespace of 64 more apps: dependsOn then offers over 60. */
function repoWithManyApps(): string {
  const repo = copyFixture('flux-operator');
  const ns = join(repo, 'kubernetes/apps/media');
  const apps = Array.from({ length: 64 }, (_, i) => `media-app-${String(i + 1).padStart(2, '0')}`);
  for (const app of apps) {
    mkdirSync(join(ns, app), { recursive: true });
    writeFileSync(
      join(ns, app, 'ks.yaml'),
      `---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${app}\nspec:\n  interval: 1h\n  path: ./kubernetes/apps/media/${app}/app\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n    namespace: flux-system\n  targetNamespace: media\n`,
    );
  }
  writeFileSync(
    join(ns, 'kustomization.yaml'),
    `---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: media\nresources:\n${apps.map((a) => `  - ./${a}/ks.yaml`).join('\n')}\n`,
  );
  return repo;
}

describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))(
  'a long pick list filters as one types',
  () => {
    it.each(FRONT_ENDS)(
      '$name app: dependsOn over 60 apps, picked by typing part of their names',
      async ({ start }) => {
        const repo = repoWithManyApps();
        const session = start('app', repo);
        try {
          await session.answer('App name', 'whoami');
          await session.answer('Namespace', '');
          await answerEach(
            session,
            {
              'Container image': 'ghcr.io/traefik/whoami:v1.10.4',
              Route: '',
              'Container port': '80',
              'Persistent storage size': '',
            },
            'Depends on (existing apps) (type to filter)',
          );
          await session.answer('', 'app-42'); // one match left: Enter picks it
          await session.answer(
            'Depends on (existing apps): media/media-app-42; another? (type to filter)',
            'dragon',
          );
          await session.answer(
            'Depends on (existing apps): media/media-app-42, data/dragonfly; another?',
            '', // empty filter: "(done)" comes first
          );
          await answerEach(
            session,
            { 'Secrets from 1Password?': '', 'More options?': '' },
            'Write these 5 files? (Y/n/d)',
          );
          await session.answer('', 'y');
          expect(await session.exited).toBe(0);
        } finally {
          session.kill();
        }
        const ks = readFileSync(join(repo, 'kubernetes/apps/default/whoami/ks.yaml'), 'utf8');
        expect(ks).toMatch(/dependsOn:\n(\s+- name: \S+\n(\s+namespace: \S+\n)?){2}/);
        expect(ks).toContain('name: media-app-42');
        expect(ks).toContain('name: dragonfly');
      },
      60_000,
    );

    it.each(FRONT_ENDS)(
      '$name app: Enter typed together with the filter (a paste, a fast typist) picks the match',
      async ({ start }) => {
        const repo = repoWithManyApps();
        const session = start('app', repo);
        try {
          await session.answer('App name', 'whoami');
          await session.answer('Namespace', '');
          await answerEach(
            session,
            {
              'Container image': 'ghcr.io/traefik/whoami:v1.10.4',
              Route: '',
              'Container port': '80',
              'Persistent storage size': '',
            },
            'Depends on (existing apps) (type to filter)',
          );
          // the filter and Enter in one write: Enter comes while the filter is still running
          await session.waitFor('');
          session.write('app-42\r');
          await session.answer(
            'Depends on (existing apps): media/media-app-42; another? (type to filter)',
            '',
          );
          await answerEach(
            session,
            { 'Secrets from 1Password?': '', 'More options?': '' },
            'Write these 5 files? (Y/n/d)',
          );
          await session.answer('', 'y');
          expect(await session.exited).toBe(0);
        } finally {
          session.kill();
        }
        const ks = readFileSync(join(repo, 'kubernetes/apps/default/whoami/ks.yaml'), 'utf8');
        expect(ks).toContain('name: media-app-42');
      },
      60_000,
    );
  },
);
