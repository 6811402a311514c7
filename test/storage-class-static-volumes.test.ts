import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addApp } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

/**
 * The flat shape, where three media apps also mount two NFS shares each through a static
 * PersistentVolume and a claim bound to it: six claims of class `nfs-static` beside four
 * `local-path` claims that were provisioned.
 */
function mediaOnStaticVolumes(): string {
  const repo = copyFixture('shapes/flux-flat');
  for (const app of ['jellyfin', 'sonarr', 'radarr']) {
    const file = join(repo, 'kubernetes/media', app, `${app}.yaml`);
    const shares = ['media', 'downloads'].map(
      (share) => `---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: ${app}-${share}
spec:
  capacity:
    storage: 1Ti
  accessModes:
    - ReadWriteMany
  storageClassName: nfs-static
  nfs:
    server: nas.home.example.net
    path: /export/${share}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: ${app}-${share}
  namespace: media
spec:
  accessModes:
    - ReadWriteMany
  resources:
    requests:
      storage: 1Ti
  storageClassName: nfs-static
  volumeName: ${app}-${share}
`,
    );
    writeFileSync(file, readFileSync(file, 'utf8') + shares.join(''));
  }
  return repo;
}

describe('the storage class of a new claim', () => {
  it('is not the class of claims bound to static volumes of their own, nor is a volume copied', async () => {
    const repo = mediaOnStaticVolumes();
    const run = await addApp(
      repo,
      '--name=lidarr',
      '--namespace=media',
      '--image=ghcr.io/home-operations/lidarr:2.9.6',
      '--port=8686',
      '--route=none',
      '--storage=5Gi',
    );
    expect(run.code, run.stderr).toBe(0);
    const written = readFileSync(join(repo, 'kubernetes/media/lidarr/lidarr.yaml'), 'utf8');
    expect(written).toContain('storageClassName: local-path');
    expect(written).not.toContain('nfs-static');
    expect(written).not.toContain('kind: PersistentVolume\n');
  });
});
