import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, dryRun, kustomizeK8s } from './argocd-mise-support.ts';
import { expectGolden } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, snapshotFiles } from './support/temp-repo.ts';

describe('homeops namespace on the argocd-mise layout', () => {
  it('declares a shared namespace in src/apps/infrastructure/namespaces/ (golden), once', async () => {
    const repo = copyFixture('argocd-mise');
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
    expect(changedFiles(before, after)).toEqual(['src/apps/infrastructure/namespaces/media.yaml']);
    expectGolden(
      after['src/apps/infrastructure/namespaces/media.yaml'],
      'argocd-mise/namespace/media.yaml',
    );
    const again = await homeops(
      'namespace',
      '--dest',
      repo,
      '--name=media',
      '--podSecurity=baseline',
    );
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(after);
    if (hasKubectl)
      expect(
        kustomizeK8s(join(repo, 'src/apps/infrastructure/namespaces'), ['media.yaml']),
      ).toContain('pod-security.kubernetes.io/enforce: baseline');
  });

  it('validates the Namespace offline', async () => {
    const result = await dryRun('namespace', copyFixture('argocd-mise'), { name: 'media' });
    expect(result.changes.map((c) => c.path)).toEqual([
      'src/apps/infrastructure/namespaces/media.yaml',
    ]);
    expect(result.validatedDocuments).toBe(1);
  });

  it('then lets apps share it: they write no namespace.yaml of their own', async () => {
    const repo = copyFixture('argocd-mise');
    await homeops('namespace', '--dest', repo, '--name=media');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=jellyfin',
      '--namespace=media',
      '--image=ghcr.io/jellyfin/jellyfin:10.10.7',
      '--port=8096',
    );
    expect(run.code).toBe(0);
    expect(readdirSync(join(repo, 'src/apps/services/jellyfin/k8s')).sort()).toEqual([
      'deployment.yaml',
      'service.yaml',
    ]);
  });

  it('changes nothing for a namespace an app already declares, and says where', async () => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, '--name=mealie');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      /^nothing to change: namespace mealie is already declared in src\/apps\/services\/mealie\/k8s\/namespace.yaml/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('warns when it takes over a namespace that an Application creates', async () => {
    const repo = copyFixture('argocd-mise');
    const run = await homeops('namespace', '--dest', repo, '--name=onepassword');
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(
      /warning: namespace onepassword was created by CreateNamespace=true of src\/apps\/services\/onepassword-connect\/application.yaml/,
    );
  });

  it.each([
    [
      'a name that is not a DNS label',
      ['--name=Media Server'],
      /--name: "Media Server" is not a valid namespace name/,
    ],
    ['a system namespace', ['--name=kube-system'], /--name: kube-system is a system namespace/],
    [
      'an unknown Pod Security level',
      ['--name=media', '--podSecurity=strict'],
      /--podSecurity: "strict" is not one of none, privileged, baseline, restricted/,
    ],
  ])('refuses %s, writing nothing', async (_what, flags, message) => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, ...flags);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
