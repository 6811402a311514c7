import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addApp } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

const APPS = 'kubernetes/apps';
const edit = (repo: string, file: string, from: string, to: string) => {
  const path = join(repo, APPS, file);
  const text = readFileSync(path, 'utf8');
  expect(text).toContain(from);
  writeFileSync(path, text.replace(from, to));
};

/**
 * The volsync shape, four of its six apps with data naming the snapshot class in their entry;
 * two of those four keep their data where their HelmRelease does not say (another chart's
 * values): only their entry's capacity tells that they have a volume.
 */
function snapshotClassInFourOfSix(): string {
  const repo = copyFixture('shapes/flux-components');
  for (const [ns, app] of [
    ['home', 'mealie'],
    ['home', 'home-assistant'],
    ['media', 'radarr'],
    ['media', 'sonarr'],
  ])
    edit(
      repo,
      `${ns}/${app}/ks.yaml`,
      `APP: ${app}\n`,
      `APP: ${app}\n      VOLSYNC_SNAPSHOTCLASS: fast-snap\n`,
    );
  for (const [ns, app] of [
    ['home', 'mealie'],
    ['home', 'home-assistant'],
  ])
    edit(repo, `${ns}/${app}/app/helmrelease.yaml`, `existingClaim: ${app}`, 'type: emptyDir');
  return repo;
}

describe("a backup component's knob most apps with data set", () => {
  it('is set for a new app with storage, counting the apps whose entry substitutes a size', async () => {
    const repo = snapshotClassInFourOfSix();
    const run = await addApp(
      repo,
      '--name=lidarr',
      '--namespace=media',
      '--image=ghcr.io/home-operations/lidarr:2.9.6',
      '--port=8686',
      '--route=none',
      '--storage=5Gi',
    );
    expect(run.code, run.stderr).toBe(0);
    const ks = parse(readFileSync(join(repo, APPS, 'media/lidarr/ks.yaml'), 'utf8'));
    expect(ks.spec.postBuild.substitute).toMatchObject({
      VOLSYNC_CAPACITY: '5Gi',
      VOLSYNC_SNAPSHOTCLASS: 'fast-snap',
    });
  });
});
