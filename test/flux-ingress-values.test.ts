import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * Siblings exposed through their chart's own `ingress:` values: an app added with
 * --route=none gets no ingress of theirs (their class, a host in their domain).
 */
const apps = [
  'media/prowlarr',
  'media/radarr',
  'media/sonarr',
  'media/tautulli',
  'selfhosted/actual',
  'selfhosted/ntfy',
  'selfhosted/paperless',
];

describe('app --route=none beside siblings with chart ingress values', () => {
  it('writes no ingress', async () => {
    const repo = copyFixture('shapes/flux-kebab');
    for (const app of apps) {
      const file = join(repo, 'kubernetes/apps', app, 'app/helm-release.yaml');
      const text = readFileSync(file, 'utf8');
      const ingress = [
        '  values:',
        '    ingress:',
        '      app:',
        '        className: internal-nginx',
        '        hosts:',
        `          - host: ${app.split('/')[1] ?? ''}.example.com`,
        '',
      ].join('\n');
      const next = text.replace(/^ {2}values:\n/m, ingress);
      expect(next, file).not.toBe(text);
      writeFileSync(file, next);
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
    );
    expect(run.code, run.stderr).toBe(0);
    const written = readFileSync(
      join(repo, 'kubernetes/apps/media/hello/app/helm-release.yaml'),
      'utf8',
    );
    expect(written).not.toContain('ingress:');
    expect(written).not.toContain('hello.example.com');
  });
});
