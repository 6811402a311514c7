import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, ROOT } from './support/temp-repo.ts';

/**
 * Node 22 prints a DeprecationWarning on every run that loads a deprecated builtin (punycode, which
 * the validators' idn-hostname format asked for); Node 20 prints it with --pending-deprecation.
 * A run that validates every kind it writes must print nothing of the kind.
 */
describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))('deprecated node builtins', () => {
  it('an app run that validates a HelmRelease, an HTTPRoute and a claim warns of none', () => {
    const repo = copyFixture('flux');
    const env = { ...process.env };
    delete env.NODE_OPTIONS;
    const run = spawnSync(
      process.execPath,
      [
        '--pending-deprecation',
        join(ROOT, 'bin/homeops.mjs'),
        'app',
        '--dest',
        repo,
        '--yes',
        '--dry-run',
        '--name=whoami',
        '--namespace=default',
        '--image=ghcr.io/traefik/whoami:v1.10.4',
        '--port=80',
        '--route=internal',
        '--hostname=whoami.example.com',
        '--storage=1Gi',
      ],
      { encoding: 'utf8', env },
    );
    expect(run.stderr).not.toMatch(/DeprecationWarning/);
    expect(run.status).toBe(0);
  });
});
