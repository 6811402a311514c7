import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

const APPS = 'kubernetes/apps';

/** The kebab shape, the media apps' folders without a kustomization.yaml (Flux makes one). */
function mediaWithoutKustomizations(): string {
  const repo = copyFixture('shapes/flux-kebab');
  const media = join(repo, APPS, 'media');
  const apps = readdirSync(media, { withFileTypes: true }).filter((d) => d.isDirectory());
  for (const app of apps) rmSync(join(media, app.name, 'app/kustomization.yaml'));
  expect(apps.length).toBeGreaterThan(3);
  return repo;
}

const add = async (repo: string, namespace: string) => {
  const run = await addApp(
    repo,
    '--name=whoami',
    `--namespace=${namespace}`,
    ...WHOAMI,
    '--route=none',
  );
  expect(run.code, run.stderr).toBe(0);
  return existsSync(join(repo, APPS, namespace, 'whoami/app/kustomization.yaml'));
};

describe("a new app folder's kustomization.yaml", () => {
  it("is written where the namespace's apps have one, though most of the repo's do not", async () => {
    expect(await add(mediaWithoutKustomizations(), 'selfhosted')).toBe(true);
  });

  it("is left out where the namespace's apps have none", async () => {
    expect(await add(mediaWithoutKustomizations(), 'media')).toBe(false);
  });
});
