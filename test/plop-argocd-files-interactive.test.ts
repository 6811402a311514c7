import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PtySession } from './support/pty-session.ts';
import { copyFixture, ROOT } from './support/temp-repo.ts';

describe('npx plop app in an Argo CD repo with a git files generator, at a real terminal', () => {
  it('asks the group, defaults the namespace to it, and writes the config file and umbrella chart', async () => {
    const repo = copyFixture('shapes/argocd-appset-files');
    const session = new PtySession('npx', ['plop', 'app', '--dest', repo], {
      cwd: ROOT,
      env: { CI: '' },
    });
    try {
      await session.answer('App name', 'mealie');
      await session.answer('Group', 'home');
      await session.answer('Namespace', '');
      await session.answer('Container image', 'ghcr.io/mealie-recipes/mealie:v2.8.0');
      await session.answer('Route', '');
      await session.answer('Container port', '9000');
      await session.answer('Persistent storage size', '');
      await session.answer('Secrets from 1Password?', '');
      await session.answer('More options?', '');
      await session.answer(/Write these 3 files\? \(Y\/n\/d\)/, '');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).toMatch(/app mealie in namespace home/);
    const dir = join(repo, 'cluster/apps/home/mealie');
    expect(readFileSync(join(dir, 'app-config.yaml'), 'utf8')).toBe(
      '---\nenabled: "true"\nnamespace: home\nsyncWave: "10"\n',
    );
    expect(readFileSync(join(dir, 'Chart.yaml'), 'utf8')).toContain('name: mealie\n');
    expect(readFileSync(join(dir, 'values.yaml'), 'utf8')).toMatch(/^---\napp-template:\n/);
  }, 60_000);
});
