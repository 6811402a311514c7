import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * An ApplicationSet whose template gives every app one namespace (`default`) while each app
 * folder's kustomization sets its own (`namespace: it-tools`): a new app gets its own namespace,
 * as its siblings have, and the summary says the namespace its files use.
 */
function fixDestination(repo: string): void {
  const file = join(repo, 'kubernetes/argocd/appsets/apps.yaml');
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace('namespace: "{{ .path.basename }}"', 'namespace: default');
  expect(fixed).not.toBe(text);
  writeFileSync(file, fixed);
}

const addApp = (repo: string, ...flags: string[]) =>
  homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    ...(flags.some((f) => f.startsWith('--name=')) ? [] : ['--name=hello']),
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
    ...flags,
  );

describe('app where the ApplicationSet gives one namespace and the folders set their own', () => {
  it('gives the new app its own namespace, as the siblings have theirs', async () => {
    const repo = copyFixture('shapes/argocd-plain-kustomize');
    fixDestination(repo);
    const run = await addApp(repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('app hello in namespace hello:');
    const kustomization = readFileSync(
      join(repo, 'kubernetes/apps/hello/kustomization.yaml'),
      'utf8',
    );
    expect(kustomization).toContain('namespace: hello\n');
  });

  it('takes the ApplicationSet its namespace where the folders set none of their own', async () => {
    const repo = copyFixture('shapes/argocd-plain-kustomize');
    fixDestination(repo);
    for (const app of ['cyberchef', 'echo', 'it-tools', 'uptime-kuma']) {
      const file = join(repo, 'kubernetes/apps', app, 'kustomization.yaml');
      writeFileSync(file, readFileSync(file, 'utf8').replace(`namespace: ${app}\n`, ''));
    }
    const run = await addApp(repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('app hello in namespace default:');
    expect((await addApp(repo, '--name=other', '--namespace=other')).stderr).toContain(
      'deploys every app to namespace default',
    );
  });
});
