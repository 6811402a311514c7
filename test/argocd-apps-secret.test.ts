import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * `homeops secret` in Argo CD repos whose ApplicationSets pick up app folders: an app's secret is
 * taken out (its ExternalSecret, its line in the kustomization, its envFrom) and put back by
 * homeops from the same references; the folder must come back byte for byte.
 */

/** Take an app's secret out of a repo: the ExternalSecret file, its resources line, the envFrom block. */
function takeSecretOut(repo: string, dir: string, secretFile: string, values: string): void {
  rmSync(join(repo, dir, secretFile));
  const kustomization = join(repo, dir, 'kustomization.yaml');
  if (existsSync(kustomization)) {
    const text = readFileSync(kustomization, 'utf8');
    writeFileSync(kustomization, text.replace(`  - ${secretFile}\n`, ''));
  }
  const path = join(repo, dir, values);
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trim() === 'envFrom:');
  expect(at).toBeGreaterThan(0);
  lines.splice(at, 3);
  writeFileSync(path, lines.join('\n'));
}

const cases = [
  {
    fixture: 'argocd-appset-files',
    dir: 'cluster/apps/media/navidrome',
    secretFile: 'templates/externalsecret.yaml',
    flags: ['--app=navidrome', '--item=navidrome', '--fields=ND_LASTFM_APIKEY,ND_LASTFM_SECRET'],
  },
  {
    fixture: 'argocd-appset-dirs',
    dir: 'my-apps/media/radarr',
    secretFile: 'externalsecret.yaml',
    flags: ['--app=radarr', '--item=radarr', '--fields=RADARR__AUTH__APIKEY'],
  },
];

describe.each(cases)('homeops secret in $fixture', ({ fixture, dir, secretFile, flags }) => {
  it('puts an app its secret back as it was: the file, its resources line, envFrom beside env', async () => {
    const repo = copyFixture(`shapes/${fixture}`);
    const original = snapshotFiles(join(repo, dir));
    takeSecretOut(repo, dir, secretFile, 'values.yaml');
    const run = await homeops('secret', '--dest', repo, ...flags, '--source=offline');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`ExternalSecret for ${flags[0]?.slice(6)}`);
    expect(snapshotFiles(join(repo, dir))).toEqual(original);
    // a second run with the same references changes nothing
    const again = await homeops('secret', '--dest', repo, ...flags, '--source=offline');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(join(repo, dir))).toEqual(original);
  });

  it('refuses other references where the app has its secret, and an app that is not there', async () => {
    const repo = copyFixture(`shapes/${fixture}`);
    const before = snapshotFiles(repo);
    const other = await homeops(
      'secret',
      '--dest',
      repo,
      ...flags.slice(0, 2),
      '--fields=SOMETHING_ELSE',
      '--source=offline',
    );
    expect(other.code).not.toBe(0);
    expect(other.stderr).toContain(`already has ${secretFile}, with other references`);
    const missing = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=nothing-here',
      '--item=x',
      '--fields=A',
      '--source=offline',
    );
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('--app: "nothing-here" is not one of');
    expect(missing.stderr).toContain(flags[0]?.slice(6));
    expect(missing.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops secret in an app-of-apps repo', () => {
  it('refuses before asking anything, saying what it writes to', async () => {
    const repo = copyFixture('shapes/argocd-app-of-apps-two-sources');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=cyberchef',
      '--item=x',
      '--fields=A',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'homeops secret writes to apps that ApplicationSets pick up; this repo deploys its apps as Applications of an app of apps',
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
