import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * Siblings that keep their backup component's default size set no size variable: `--storage`
 * still reaches the claim, through the variable the component's own claim reads
 * (`storage: "${VOLSYNC_CAPACITY:=5Gi}"`), and a size equal to that default is left to it.
 */
const siblings = [
  'media/bazarr',
  'media/prowlarr',
  'media/radarr',
  'media/sonarr',
  'home/home-assistant',
  'home/mealie',
];

function keepDefaultSizes(repo: string): void {
  for (const app of siblings) {
    const file = join(repo, 'kubernetes/apps', app, 'ks.yaml');
    const text = readFileSync(file, 'utf8');
    const next = text.replace(/^ +VOLSYNC_CAPACITY: .*\n/m, '');
    expect(next, file).not.toBe(text);
    writeFileSync(file, next);
  }
}

async function entryWith(size: string): Promise<string> {
  const repo = copyFixture('shapes/flux-components');
  keepDefaultSizes(repo);
  const run = await homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--name=hello',
    '--namespace=media',
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
    `--storage=${size}`,
  );
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(join(repo, 'kubernetes/apps/media/hello/ks.yaml'), 'utf8');
}

describe('--storage through a backup component whose size the siblings leave to its default', () => {
  it('sets the variable the component reads to another size', async () => {
    const entry = await entryWith('7Gi');
    expect(entry).toContain('- ../../../../components/volsync');
    expect(entry).toMatch(/VOLSYNC_CAPACITY: 7Gi\n/);
  });

  it('leaves the default size to the component, as the siblings do', async () => {
    const entry = await entryWith('5Gi');
    expect(entry).toContain('- ../../../../components/volsync');
    expect(entry).not.toContain('VOLSYNC_CAPACITY');
  });
});

describe('--storageClass through a backup component', () => {
  const run = async (...extra: string[]) => {
    const repo = copyFixture('shapes/flux-components');
    const result = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=hello',
      '--namespace=media',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--route=none',
      '--storage=5Gi',
      ...extra,
    );
    expect(result.code, result.stderr).toBe(0);
    return readFileSync(join(repo, 'kubernetes/apps/media/hello/ks.yaml'), 'utf8');
  };

  it('sets the class variable the component claim reads', async () => {
    const entry = await run('--storageClass=openebs-hostpath');
    expect(entry).toMatch(/^ {6}VOLSYNC_STORAGECLASS: openebs-hostpath$/m);
  });

  it('sets none where no class is given', async () => {
    expect(await run()).not.toContain('VOLSYNC_STORAGECLASS');
  });
});

describe('another size the siblings keep equal to their claim', () => {
  it('follows the new app its size (a cache as large as the data), not one sibling', async () => {
    const repo = copyFixture('shapes/flux-components');
    for (const app of siblings) {
      const file = join(repo, 'kubernetes/apps', app, 'ks.yaml');
      writeFileSync(
        file,
        readFileSync(file, 'utf8').replace(
          /^( +)VOLSYNC_CAPACITY: (.*)\n/m,
          '$1VOLSYNC_CAPACITY: $2\n$1VOLSYNC_CACHE_CAPACITY: $2\n',
        ),
      );
    }
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=hello',
      '--namespace=media',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--route=none',
      '--storage=3Gi',
    );
    expect(run.code, run.stderr).toBe(0);
    const entry = readFileSync(join(repo, 'kubernetes/apps/media/hello/ks.yaml'), 'utf8');
    expect(entry).toMatch(/^ {6}VOLSYNC_CAPACITY: 3Gi$/m);
    expect(entry).toMatch(/^ {6}VOLSYNC_CACHE_CAPACITY: 3Gi$/m);
  });
});
