import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * A repo that keeps the Kustomization Flux bootstraps itself with (`cluster`, deploying the
 * folder it is in, as the old flux-cluster-template does): the apps are still the ones its
 * `cluster-apps` deploys, and a new app is written there exactly as without it.
 */
const CLUSTER = `---
apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata:
  name: cluster
  namespace: flux-system
spec:
  interval: 30m
  path: ./kubernetes/flux
  prune: true
  wait: false
  sourceRef:
    kind: GitRepository
    name: flux-system
`;

const addApp = (repo: string) =>
  homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--name=hello',
    '--namespace=default',
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
  );

describe('a repo with its bootstrap Kustomization committed', () => {
  it('reads the apps tree of the Kustomization it deploys, and writes the app there', async () => {
    const plain = copyFixture('shapes/flux-components');
    const withBootstrap = copyFixture('shapes/flux-components');
    mkdirSync(join(withBootstrap, 'kubernetes/flux/config'));
    writeFileSync(join(withBootstrap, 'kubernetes/flux/config/cluster.yaml'), CLUSTER);
    // and one Kustomization of Flux's own in that folder, deploying a folder in it
    mkdirSync(join(withBootstrap, 'kubernetes/flux/repositories'));
    writeFileSync(
      join(withBootstrap, 'kubernetes/flux/repositories.yaml'),
      CLUSTER.replace('name: cluster\n', 'name: cluster-repositories\n').replace(
        'path: ./kubernetes/flux\n',
        'path: ./kubernetes/flux/repositories\n',
      ),
    );

    const info = await homeops('info', '--dest', withBootstrap);
    expect(info.stdout).toContain('deployed by: Kustomization cluster-apps');
    expect(info.stdout).not.toMatch(/deployed by: Kustomization cluster \(/);
    expect(info.stdout).toContain('Clusters   one');

    expect((await addApp(plain)).code).toBe(0);
    const run = await addApp(withBootstrap);
    expect(run.code, run.stderr).toBe(0);
    const written = (repo: string) =>
      Object.entries(snapshotFiles(repo)).filter(([f]) => !f.startsWith('kubernetes/flux/'));
    expect(written(withBootstrap)).toEqual(written(plain));
  });

  it('does not take the OCIRepository the repo is pushed to for a chart source', async () => {
    const repo = copyFixture('shapes/flux-components');
    mkdirSync(join(repo, 'kubernetes/flux/config'));
    const source = `---
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: flux-system
  namespace: flux-system
spec:
  interval: 30m
  ref:
    tag: latest
  url: oci://ghcr.io/example/home-ops-manifests
`;
    const cluster = CLUSTER.replace('path: ./kubernetes/flux\n', 'path: ./\n').replace(
      'kind: GitRepository',
      'kind: OCIRepository',
    );
    writeFileSync(join(repo, 'kubernetes/flux/config/cluster.yaml'), source + cluster);
    writeFileSync(
      join(repo, 'kubernetes/flux/config/kustomization.yaml'),
      'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./cluster.yaml\n',
    );

    const info = await homeops('info', '--dest', repo, '--json');
    expect(info.code, info.stderr).toBe(0);
    const charts = JSON.stringify(JSON.parse(info.stdout));
    expect(charts).not.toContain('home-ops-manifests');
    expect(charts).toContain('cluster-apps');
  });
});
