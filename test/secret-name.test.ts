import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * Where the siblings' ExternalSecrets make a Secret named after the app itself (`radarr`, not
 * `radarr-secret`), a new app's ExternalSecret does the same, and its HelmRelease's envFrom reads
 * that Secret: the two meet.
 */
const siblings = ['media/sonarr', 'media/radarr', 'home/mealie'];

function nameSecretsAfterApps(repo: string): void {
  for (const dir of siblings) {
    const app = dir.split('/')[1] ?? '';
    for (const file of ['externalsecret.yaml', 'helmrelease.yaml']) {
      const path = join(repo, 'kubernetes/main/apps', dir, 'app', file);
      const text = readFileSync(path, 'utf8');
      expect(text, path).toContain(`name: ${app}-secret`);
      writeFileSync(path, text.replaceAll(`name: ${app}-secret`, `name: ${app}`));
    }
  }
}

const run = (repo: string) =>
  homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--cluster=main',
    '--name=hello',
    '--namespace=media',
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
    '--secret=true',
    '--item=hello',
    '--fields=TOKEN',
    '--source=offline',
  );

describe('app --secret names the Secret as the siblings name theirs', () => {
  it('after the app, where the siblings name theirs after their apps', async () => {
    const repo = copyFixture('shapes/flux-per-cluster');
    nameSecretsAfterApps(repo);
    const result = await run(repo);
    expect(result.code, result.stderr).toBe(0);
    const dir = join(repo, 'kubernetes/main/apps/media/hello/app');
    const secret = readFileSync(join(dir, 'externalsecret.yaml'), 'utf8');
    const release = readFileSync(join(dir, 'helmrelease.yaml'), 'utf8');
    expect(secret).toMatch(/target:\n\s+name: hello\n/);
    expect(release).toMatch(/secretRef:\n\s+name: hello\n/);
  });

  it('<app>-secret, where the siblings name theirs so', async () => {
    const repo = copyFixture('shapes/flux-per-cluster');
    const result = await run(repo);
    expect(result.code, result.stderr).toBe(0);
    const dir = join(repo, 'kubernetes/main/apps/media/hello/app');
    expect(readFileSync(join(dir, 'externalsecret.yaml'), 'utf8')).toMatch(
      /target:\n\s+name: hello-secret\n/,
    );
    expect(readFileSync(join(dir, 'helmrelease.yaml'), 'utf8')).toMatch(
      /secretRef:\n\s+name: hello-secret\n/,
    );
  });
});

describe('app --secret names the ExternalSecret as the siblings name theirs', () => {
  it('as its Secret, through an anchor, where theirs are named so', async () => {
    const repo = copyFixture('shapes/flux-per-cluster');
    for (const dir of siblings) {
      const app = dir.split('/')[1] ?? '';
      const path = join(repo, 'kubernetes/main/apps', dir, 'app/externalsecret.yaml');
      const text = readFileSync(path, 'utf8')
        .replace(`  name: ${app}\n`, `  name: &name ${app}-secret\n`)
        .replace(`    name: ${app}-secret\n`, '    name: *name\n');
      expect(text, path).toContain('name: *name');
      writeFileSync(path, text);
    }
    const result = await run(repo);
    expect(result.code, result.stderr).toBe(0);
    const secret = readFileSync(
      join(repo, 'kubernetes/main/apps/media/hello/app/externalsecret.yaml'),
      'utf8',
    );
    expect(secret).toMatch(/metadata:\n\s+name: &name hello-secret\n/);
    expect(secret).toMatch(/target:\n\s+name: \*name\n/);
  });
});

describe('app --secret in an Argo CD repo names the Secret as the siblings name theirs', () => {
  it('after the app, in the ExternalSecret and in the values envFrom', async () => {
    const repo = copyFixture('shapes/argocd-appset-dirs');
    for (const dir of [
      'media/sonarr',
      'media/radarr',
      'home/paperless',
      'home/mealie',
      'tools/linkding',
    ])
      for (const file of ['externalsecret.yaml', 'values.yaml']) {
        const app = dir.split('/')[1] ?? '';
        const path = join(repo, 'my-apps', dir, file);
        const text = readFileSync(path, 'utf8');
        writeFileSync(path, text.replaceAll(`name: ${app}-secret`, `name: ${app}`));
      }
    const result = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--group=media',
      '--name=hello',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--route=none',
      '--secret=true',
      '--item=hello',
      '--fields=TOKEN',
      '--source=offline',
    );
    expect(result.code, result.stderr).toBe(0);
    const dir = join(repo, 'my-apps/media/hello');
    expect(readFileSync(join(dir, 'externalsecret.yaml'), 'utf8')).toMatch(
      /target:\n\s+name: hello\n/,
    );
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toMatch(/secretRef:\n\s+name: hello\n/);
  });
});
