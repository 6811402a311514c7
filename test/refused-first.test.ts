import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeops, ROOT } from './support/temp-repo.ts';

/** A refused input is what the user reads, not what the inputs after it fail on for want of it. */
describe('a refused input comes first', () => {
  it('names an unknown cluster, not "this repo has several clusters" from the namespace list', async () => {
    const run = await homeops(
      'app',
      '--dest',
      join(ROOT, 'test/fixtures/shapes/flux-per-cluster'),
      '--dry-run',
      '--cluster=gamma',
      '--namespace=default',
      '--name=echo2',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'error: --cluster: "gamma" is not one of edge, main\n  fix: pass one of: edge, main',
    );
    expect(run.stderr).not.toContain('several clusters');
  });
});
