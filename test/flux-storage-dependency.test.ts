import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * A repo where every app with data also has a secret (each depends on the secret store and on
 * the backup operator): a new app with storage and no secret depends on the backup operator of
 * the component it takes, and not on the store it has no secret from.
 */
function everyStoredAppHasASecret(): string {
  const repo = copyFixture('shapes/flux-components');
  const radarr = readFileSync(
    join(repo, 'kubernetes/apps/media/radarr/app/externalsecret.yaml'),
    'utf8',
  );
  for (const [ns, app] of [
    ['media', 'prowlarr'],
    ['home', 'home-assistant'],
  ] as const) {
    const dir = join(repo, 'kubernetes/apps', ns, app, 'app');
    writeFileSync(join(dir, 'externalsecret.yaml'), radarr.replaceAll('radarr', app));
    const k = join(dir, 'kustomization.yaml');
    writeFileSync(
      k,
      readFileSync(k, 'utf8').replace('resources:\n', 'resources:\n  - ./externalsecret.yaml\n'),
    );
  }
  return repo;
}

describe('the dependsOn of an app with storage', () => {
  it('names the backup operator where only apps with secrets have storage', async () => {
    const repo = everyStoredAppHasASecret();
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=lidarr',
      '--namespace=media',
      '--image=ghcr.io/home-operations/lidarr:2.9.6',
      '--port=8686',
      '--route=none',
      '--storage=5Gi',
    );
    expect(run.code, run.stderr).toBe(0);
    const ks = parse(readFileSync(join(repo, 'kubernetes/apps/media/lidarr/ks.yaml'), 'utf8'));
    const names = (ks.spec.dependsOn ?? []).map((d: { name: string }) => d.name);
    expect(names).toContain('volsync');
    expect(names).not.toContain('onepassword-store');
  });
});
