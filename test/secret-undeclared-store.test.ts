import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

describe('homeops secret where the store the ExternalSecrets read is defined outside the repo', () => {
  it('names that store and where it is read, and how to go on, writing nothing', async () => {
    // the store comes from elsewhere (a chart's values, another repo): only its users name it
    const repo = copyFixture('flux');
    rmSync(join(repo, 'kubernetes/apps/security/onepassword-connect/app/clustersecretstore.yaml'));
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--yes',
      '--namespace=default',
      '--app=echo',
      '--item=echo',
      '--fields=TOKEN',
      '--source=offline',
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('no ClusterSecretStore for 1Password');
    expect(run.stderr).toContain(
      'its ExternalSecrets read onepassword-store (e.g. kubernetes/apps/default/homepage/app/externalsecret.yaml), defined outside its files',
    );
    expect(run.stderr).toMatch(
      /fix: if onepassword-store is a 1Password store, define it in the repo/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
