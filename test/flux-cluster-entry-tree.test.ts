import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

/**
 * A repo whose cluster folder holds only Flux's own objects and a list of the shared namespace
 * folders: `clusters/dev/kustomization.yaml` lists `./flux`, whose `cluster-apps` deploys
 * `clusters/dev/apps`, a kustomization listing `../../../kubernetes/apps/<ns>/` and, for one
 * namespace, an overlay folder of the cluster's own (`./media/`, wrapping the shared folder with a
 * patch). The apps and namespaces are the shared folders', written exactly as in the plain tree.
 */
function clusterEntryTree(): string {
  const repo = copyFixture('shapes/flux-components');
  const k = (resources: string[], extra = '') =>
    `---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n${extra}resources:\n${resources.map((r) => `  - ${r}\n`).join('')}`;
  mkdirSync(join(repo, 'clusters/dev/apps/media'), { recursive: true });
  renameSync(join(repo, 'kubernetes/flux'), join(repo, 'clusters/dev/flux'));
  const sync = join(repo, 'clusters/dev/flux/flux-system/gotk-sync.yaml');
  writeFileSync(
    sync,
    readFileSync(sync, 'utf8').replace('path: ./kubernetes/flux\n', 'path: ./clusters/dev\n'),
  );
  const apps = join(repo, 'clusters/dev/flux/cluster-apps.yaml');
  writeFileSync(
    apps,
    readFileSync(apps, 'utf8').replace('path: ./kubernetes/apps\n', 'path: ./clusters/dev/apps\n'),
  );
  writeFileSync(
    join(repo, 'clusters/dev/flux/kustomization.yaml'),
    k(['./flux-system', './cluster-apps.yaml']),
  );
  writeFileSync(join(repo, 'clusters/dev/kustomization.yaml'), k(['./flux']));
  writeFileSync(
    join(repo, 'clusters/dev/apps/kustomization.yaml'),
    k([
      ...['default', 'external-secrets', 'home'].map((ns) => `../../../kubernetes/apps/${ns}/`),
      './media/',
      ...['network', 'volsync-system'].map((ns) => `../../../kubernetes/apps/${ns}/`),
    ]),
  );
  writeFileSync(
    join(repo, 'clusters/dev/apps/media/kustomization.yaml'),
    k(['../../../../kubernetes/apps/media/']) +
      'patches:\n  - target:\n      kind: Kustomization\n      name: bazarr\n    patch: |-\n      - op: replace\n        path: /spec/suspend\n        value: true\n',
  );
  return repo;
}

const bazarrLike = [
  '--yes',
  '--name=lidarr',
  '--namespace=media',
  '--image=ghcr.io/home-operations/lidarr:2.9.6',
  '--port=8686',
  '--route=internal',
  '--storage=5Gi',
];

describe('a cluster folder listing shared namespace folders', () => {
  it('reads the shared folders as the apps tree, through the overlay', async () => {
    const info = await homeops('info', '--dest', clusterEntryTree());
    expect(info.code, info.stderr).toBe(0);
    expect(info.stdout).toContain('Clusters   one');
    expect(info.stdout).toContain('deployed by: Kustomization cluster-apps');
    expect(info.stdout).toMatch(/media kubernetes\/apps\/media\/: \d+ apps: /);
    expect(info.stdout).toMatch(/home kubernetes\/apps\/home\/: \d+ apps: /);
  });

  it('writes an app in the shared namespace folder exactly as in the plain tree, once', async () => {
    const plain = copyFixture('shapes/flux-components');
    const tree = clusterEntryTree();
    expect((await homeops('app', '--dest', plain, ...bazarrLike)).code).toBe(0);
    const run = await homeops('app', '--dest', tree, ...bazarrLike);
    expect(run.code, run.stderr).toBe(0);
    const apps = (repo: string) =>
      Object.entries(snapshotFiles(repo)).filter(([f]) => f.startsWith('kubernetes/apps/'));
    expect(apps(tree)).toEqual(apps(plain));
    const again = await homeops('app', '--dest', tree, ...bazarrLike);
    expect(again.stdout).toContain('nothing to change');
  });

  it('lists a new namespace folder in the cluster list as its siblings are listed', async () => {
    const repo = clusterEntryTree();
    const run = await homeops('namespace', '--dest', repo, '--yes', '--name=downloads');
    expect(run.code, run.stderr).toBe(0);
    const list = readFileSync(join(repo, 'clusters/dev/apps/kustomization.yaml'), 'utf8');
    expect(list).toContain(
      '  - ../../../kubernetes/apps/default/\n  - ../../../kubernetes/apps/downloads/\n  - ../../../kubernetes/apps/external-secrets/\n',
    );
    expect(
      readFileSync(join(repo, 'kubernetes/apps/downloads/kustomization.yaml'), 'utf8'),
    ).toMatch(/namespace: downloads/);
    if (hasKubectl) expect(kustomize(join(repo, 'clusters/dev/apps'))).toMatch(/name: downloads/);
  });
});
