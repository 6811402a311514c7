import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

const APPS = 'kubernetes/apps';

/** The volsync shape, each HelmRelease naming its claim by the anchor of its name (`existingClaim: *app`). */
function claimsByAlias(): string {
  const repo = copyFixture('shapes/flux-components');
  for (const ns of ['media', 'home'])
    for (const app of readdirSync(join(repo, APPS, ns), { withFileTypes: true })) {
      if (!app.isDirectory()) continue;
      const file = join(repo, APPS, ns, app.name, 'app/helmrelease.yaml');
      const text = readFileSync(file, 'utf8');
      if (!text.includes(`existingClaim: ${app.name}`)) continue;
      writeFileSync(
        file,
        text
          .replace(`  name: ${app.name}\n`, `  name: &app ${app.name}\n`)
          .replace(`existingClaim: ${app.name}`, 'existingClaim: *app'),
      );
    }
  return repo;
}

describe('a new app with storage where the siblings name their claim by an alias', () => {
  it.each([[[]], [['--mountPath=/data']]])(
    'mounts its claim where asked (%j), its claim not taken for another mount',
    async (extra: string[]) => {
      const repo = claimsByAlias();
      const run = await addApp(
        repo,
        '--name=lidarr',
        '--namespace=media',
        ...WHOAMI,
        '--route=none',
        '--storage=5Gi',
        ...extra,
      );
      expect(run.code, run.stderr).toBe(0);
      const text = readFileSync(join(repo, APPS, 'media/lidarr/app/helmrelease.yaml'), 'utf8');
      expect(text).toContain('existingClaim: *app');
      const claim = parse(text).spec.values.persistence.config;
      expect(claim.existingClaim).toBe('lidarr');
    },
  );
});
