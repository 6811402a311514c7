import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * Names the siblings leave to Flux's substitution (`${APP_STORAGECLASS}`, `${ONEPASSWORD_STORE}`,
 * filled in from the cluster's variables) are names a new app may take as they are.
 */
function withEverywhere(from: string, to: string): string {
  const repo = copyFixture('shapes/flux-kebab');
  const apps = join(repo, 'kubernetes/apps');
  for (const file of readdirSync(apps, { recursive: true, encoding: 'utf8' })) {
    const path = join(apps, file);
    if (!file.endsWith('.yaml') || !statSync(path).isFile()) continue;
    const text = readFileSync(path, 'utf8');
    if (text.includes(from)) writeFileSync(path, text.replaceAll(from, to));
  }
  return repo;
}

const app = [
  '--yes',
  '--name=lidarr',
  '--namespace=media',
  '--image=ghcr.io/home-operations/lidarr:2.9.6',
  '--port=8686',
  '--route=none',
];

describe('names Flux substitutes', () => {
  it('takes the storage class variable the siblings name', async () => {
    const repo = withEverywhere(
      'storageClass: openebs-hostpath',
      'storageClass: ${APP_STORAGECLASS}',
    );
    const run = await homeops('app', '--dest', repo, ...app, '--storage=5Gi');
    expect(run.code, run.stderr).toBe(0);
    const release = readFileSync(
      join(repo, 'kubernetes/apps/media/lidarr/app/helm-release.yaml'),
      'utf8',
    );
    expect(release).toContain('storageClass: ${APP_STORAGECLASS}');
  });

  it('still refuses a storage class that is no name', async () => {
    const run = await homeops(
      'app',
      '--dest',
      copyFixture('shapes/flux-kebab'),
      ...app,
      '--storage=5Gi',
      '--storageClass=${app storage}',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--storageClass');
  });

  it('names the store by the variable the siblings use for it', async () => {
    const repo = withEverywhere(
      'kind: ClusterSecretStore\n    name: onepassword\n',
      'kind: ClusterSecretStore\n    name: ${ONEPASSWORD_STORE}\n',
    );
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...app,
      '--secret=true',
      '--source=offline',
      '--item=lidarr',
      '--fields=api-key',
    );
    expect(run.code, run.stderr).toBe(0);
    const secret = readFileSync(
      join(repo, 'kubernetes/apps/media/lidarr/app/external-secret.yaml'),
      'utf8',
    );
    expect(secret).toContain('kind: ClusterSecretStore\n    name: ${ONEPASSWORD_STORE}\n');
  });
});
