import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/** A sibling file YAML cannot read as data (an alias with no anchor) is left out, not a crash. */
describe('a sibling whose values hold an alias with no anchor', () => {
  it('is no example, and the app is written', async () => {
    const repo = copyFixture('shapes/argocd-appset-namespace-segment');
    const values = join(repo, 'apps/home/automation/esphome/values.yaml');
    writeFileSync(values, readFileSync(values, 'utf8').replace('port: &port 6052', 'port: 6052'));
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=whoami',
      '--namespace=media',
      '--image=ghcr.io/traefik/whoami:v1.11.0',
      '--port=8080',
      '--route=none',
    );
    expect(run.stderr).not.toContain('internal error');
    expect(run.code, run.stderr).toBe(0);
  });
});
