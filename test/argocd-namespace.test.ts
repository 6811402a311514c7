import { describe, expect, it } from 'vitest';
import { changedFiles, expectGoldenFiles } from './support/golden.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

describe('homeops namespace on the argocd layout', () => {
  it('writes a labelled Namespace and the Application that syncs it (golden); a second run changes nothing', async () => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'namespace',
      '--dest',
      repo,
      '--name=media',
      '--podSecurity=baseline',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    const files = changedFiles(before, after);
    expect(files).toEqual([
      'kubernetes/argocd/apps/media.yaml',
      'kubernetes/argocd/manifests/media/namespace.yaml',
    ]);
    expectGoldenFiles('argocd/namespace', after, files);
    const again = await homeops(
      'namespace',
      '--dest',
      repo,
      '--name=media',
      '--podSecurity=baseline',
    );
    expect(again.stdout).toMatch(/^nothing to change: namespace media already exists/);
    expect(snapshotFiles(repo)).toEqual(after);
  });

  it('then `app --name=<namespace>` fills the same folder without touching the namespace files', async () => {
    const repo = copyFixture('argocd');
    await homeops('namespace', '--dest', repo, '--name=media');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=media',
      '--image=ghcr.io/org/media:1.0.0',
      '--port=8080',
    );
    expect(run.code).toBe(0);
    expect(changedFiles(before, snapshotFiles(repo))).toEqual([
      'kubernetes/argocd/manifests/media/deployment.yaml',
      'kubernetes/argocd/manifests/media/service.yaml',
    ]);
  });

  it.each([
    ['homarr', /declares it/],
    ['traefik', /Argo CD creates it for traefik \(CreateNamespace=true\)/],
    ['kube-system', /system namespace/],
  ])('says that %s already exists and writes nothing', async (name, why) => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, `--name=${name}`);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^nothing to change: namespace ${name} already exists`));
    expect(run.stdout).toMatch(why);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses a bad name and a name whose Application file exists with other content, writing nothing', async () => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const bad = await homeops('namespace', '--dest', repo, '--name=Media Server');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--name: "Media Server" is not a valid namespace name/);
    const taken = await homeops('namespace', '--dest', repo, '--name=gateway-config');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(
      /--name: kubernetes\/argocd\/apps\/gateway-config.yaml already exists with other content/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
