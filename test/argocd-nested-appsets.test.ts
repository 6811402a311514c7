import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * An ApplicationSet deployed by another ApplicationSet that picks up its folder (an
 * ApplicationSet of ApplicationSets) is deployed: app says nothing of it being applied by hand.
 * With neither an Application nor an ApplicationSet over it, it says so.
 */
const PARENT = `---
apiVersion: argoproj.io/v1alpha1
kind: ApplicationSet
metadata:
  name: parent
  namespace: argocd
spec:
  goTemplate: true
  generators:
    - git:
        repoURL: https://github.com/example/lab
        revision: main
        directories:
          - path: kubernetes/argocd/*
          - path: kubernetes/argocd/install
            exclude: true
  template:
    metadata:
      name: "{{ .path.basename }}"
    spec:
      project: default
      source:
        repoURL: https://github.com/example/lab
        targetRevision: main
        path: "{{ .path.path }}"
      destination:
        server: https://kubernetes.default.svc
        namespace: argocd
`;

const addApp = (repo: string) =>
  homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--name=hello',
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
  );

describe('an ApplicationSet picked up by another', () => {
  it('is deployed: no warning', async () => {
    const repo = copyFixture('shapes/argocd-plain-kustomize');
    rmSync(join(repo, 'kubernetes/argocd/root.yaml'));
    writeFileSync(join(repo, 'kubernetes/argocd/parent.yaml'), PARENT);
    const run = await addApp(repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('is deployed by no Application');
    // the parent's folders are ApplicationSets, not apps: the apps are those apps picks up
    const info = await homeops('info', '--dest', repo);
    expect(info.stdout).toContain('picked up by the ApplicationSet apps (kubernetes/apps/*)');
    expect(info.stdout).not.toMatch(/picked up by the ApplicationSet parent/);
  });

  it('without it, nothing deploys the ApplicationSet, and app says so', async () => {
    const repo = copyFixture('shapes/argocd-plain-kustomize');
    rmSync(join(repo, 'kubernetes/argocd/root.yaml'));
    const run = await addApp(repo);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(
      'ApplicationSet apps (kubernetes/argocd/appsets/apps.yaml) is deployed by no Application',
    );
  });
});
