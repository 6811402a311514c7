import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, expectGolden } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

const K = 'clusters/main/kubernetes';

describe('homeops namespace on the clustertool layout: a layer', () => {
  it('writes the layer folder (golden) and lists it last in the root kustomization; apps can then use it', async () => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, '--name=media');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    expect(changedFiles(before, after)).toEqual([
      `${K}/kustomization.yaml`,
      `${K}/media/kustomization.yaml`,
    ]);
    expectGolden(
      after[`${K}/media/kustomization.yaml`],
      'clustertool/namespace/kustomization.yaml',
    );
    expect(after[`${K}/kustomization.yaml`]).toBe(
      `${before[`${K}/kustomization.yaml`]}  - ./media\n`,
    );

    const app = await homeops(
      'app',
      '--dest',
      repo,
      '--name=jellyfin',
      '--layer=media',
      '--chartVersion=1.0.0',
    );
    expect(app.code).toBe(0);
    expect(snapshotFiles(repo)[`${K}/media/kustomization.yaml`]).toMatch(
      /resources:\n {2}- \.\/jellyfin\/ks\.yaml\n$/,
    );
    if (hasKubectl)
      expect(kustomize(join(repo, K, 'media'))).toMatch(
        /kind: Kustomization\nmetadata:\n {2}name: jellyfin/,
      );
  });

  it.skipIf(!hasKubectl)(
    'builds with kustomize while empty, and as part of the whole cluster',
    async () => {
      const repo = copyFixture('clustertool');
      await homeops('namespace', '--dest', repo, '--name=media');
      expect(kustomize(join(repo, K, 'media'))).toBe('');
      expect(kustomize(join(repo, K))).toContain('name: flux-entry');
    },
  );

  it('changes nothing on a second run, and writes nothing with --dry-run', async () => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const dry = await homeops('namespace', '--dest', repo, '--name=media', '--dry-run');
    expect(dry.stdout).toContain(`+++ b/${K}/media/kustomization.yaml`);
    expect(snapshotFiles(repo)).toEqual(before);
    await homeops('namespace', '--dest', repo, '--name=media');
    const once = snapshotFiles(repo);
    const again = await homeops('namespace', '--dest', repo, '--name=media');
    expect(again.stdout).toMatch(/^nothing to change: layer media already exists/);
    expect(snapshotFiles(repo)).toEqual(once);
    const existing = await homeops('namespace', '--dest', repo, '--name=apps');
    expect(existing.stdout).toMatch(/^nothing to change/);
  });

  it.each([
    ['not a DNS-1123 label', '--name=Media', /--name: "Media" is not a valid layer name/],
    ['an app name', '--name=plex', /--name: "plex" is an app \(in layer apps\), not a layer/],
  ])('refuses a name that is %s, writing nothing', async (_what, flag, message) => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, flag);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses a folder that exists without a kustomization.yaml', async () => {
    const repo = copyFixture('clustertool');
    mkdirSync(join(repo, K, 'media/x'), { recursive: true });
    const run = await homeops('namespace', '--dest', repo, '--name=media');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/media\/ exists but has no kustomization\.yaml/);
  });
});
