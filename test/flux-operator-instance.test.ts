import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

/**
 * A Flux Operator repo: no root Kustomization is committed, a FluxInstance syncs kubernetes/apps,
 * and each namespace folder lists its apps as folders (`./sonarr`) whose kustomization lists the
 * entry (`./ks.yaml`). Made for this test from flux-kebab.
 */
const INSTANCE = `---
apiVersion: fluxcd.controlplane.io/v1
kind: FluxInstance
metadata:
  name: flux
  namespace: flux-system
spec:
  distribution:
    version: 2.x
    registry: ghcr.io/fluxcd
  sync:
    kind: GitRepository
    url: https://github.com/example/home-ops.git
    ref: refs/heads/main
    path: kubernetes/apps
`;

function operatorRepo(): string {
  const repo = copyFixture('shapes/flux-kebab');
  rmSync(join(repo, 'kubernetes/flux'), { recursive: true });
  writeFileSync(join(repo, 'kubernetes/instance.yaml'), INSTANCE);
  const apps = join(repo, 'kubernetes/apps');
  for (const ns of readdirSync(apps)) {
    const k = join(apps, ns, 'kustomization.yaml');
    const text = readFileSync(k, 'utf8');
    writeFileSync(
      k,
      text.replace(/- \.\/([a-z0-9-]+)\/ks\.yaml/g, (_, app: string) => {
        writeFileSync(
          join(apps, ns, app, 'kustomization.yaml'),
          '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./ks.yaml\n',
        );
        return `- ./${app}`;
      }),
    );
  }
  return repo;
}

const lidarr = [
  '--yes',
  '--name=lidarr',
  '--namespace=media',
  '--image=ghcr.io/home-operations/lidarr:2.9.6',
  '--port=8686',
  '--route=internal',
];

describe('a Flux Operator repo whose namespace folders list app folders', () => {
  it('reads the folder the FluxInstance syncs, and the apps its folders list', async () => {
    const info = await homeops('info', '--dest', operatorRepo());
    expect(info.code, info.stderr).toBe(0);
    expect(info.stdout).toContain(
      'deployed by: FluxInstance flux (kubernetes/instance.yaml) reads kubernetes/apps',
    );
    expect(info.stdout).toMatch(
      /media kubernetes\/apps\/media\/: 4 apps: sonarr, radarr, prowlarr, tautulli/,
    );
    expect(info.stdout).toContain(
      'registered: the line ./<app> in kubernetes/apps/<namespace>/kustomization.yaml',
    );
  });

  it('writes the app as the plain tree has it, its folder listed, and its folder listing the entry', async () => {
    const plain = copyFixture('shapes/flux-kebab');
    expect((await homeops('app', '--dest', plain, ...lidarr)).code).toBe(0);
    const repo = operatorRepo();
    const run = await homeops('app', '--dest', repo, ...lidarr);
    expect(run.code, run.stderr).toBe(0);
    const lidarrFiles = (root: string) =>
      Object.entries(snapshotFiles(root)).filter(
        ([f]) =>
          f.startsWith('kubernetes/apps/media/lidarr/') &&
          f !== 'kubernetes/apps/media/lidarr/kustomization.yaml',
      );
    expect(lidarrFiles(repo)).toEqual(lidarrFiles(plain));
    expect(
      readFileSync(join(repo, 'kubernetes/apps/media/lidarr/kustomization.yaml'), 'utf8'),
    ).toBe(
      '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./ks.yaml\n',
    );
    expect(readFileSync(join(repo, 'kubernetes/apps/media/kustomization.yaml'), 'utf8')).toContain(
      '  - ./tautulli\n  - ./lidarr\n',
    );
    if (hasKubectl)
      expect(kustomize(join(repo, 'kubernetes/apps/media'))).toMatch(/name: lidarr\n/);
    const again = await homeops('app', '--dest', repo, ...lidarr);
    expect(again.stdout).toContain('nothing to change');
  });
});
