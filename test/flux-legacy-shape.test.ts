import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

/**
 * The older cluster-template shape (test/fixtures/flux-legacy): every app's Kustomization in
 * flux-system with a targetNamespace, namespace folders that list a Namespace and set no
 * `namespace:`, app-template from a HelmRepository deployed by the bootstrap Kustomization.
 */
const lidarr = [
  '--namespace=media',
  '--name=lidarr',
  '--image=ghcr.io/home-operations/lidarr:2.0.0',
  '--port=8686',
];
const A = 'kubernetes/apps';

describe('homeops in a repo whose Kustomizations live in flux-system', () => {
  it('takes the namespace folders for namespaces: no --group asked, the app placed and registered', async () => {
    const repo = copyFixture('flux-legacy');
    const run = await homeops('app', '--dest', repo, '--yes', ...lidarr);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const ks = readFileSync(join(repo, A, 'media/lidarr/ks.yaml'), 'utf8');
    expect(ks).toContain('  namespace: flux-system\n');
    expect(ks).toContain('  targetNamespace: media\n');
    expect(readFileSync(join(repo, A, 'media/kustomization.yaml'), 'utf8')).toContain(
      '  - ./lidarr/ks.yaml\n',
    );
  });

  it("takes app-template from the siblings' HelmRepository (chart.spec), not a new OCIRepository", async () => {
    const repo = copyFixture('flux-legacy');
    const help = await homeops('app', '--dest', repo, '--help');
    expect(help.stdout).toMatch(/--chart .*\[here: bjw-s\/app-template\]/);
    await homeops('app', '--dest', repo, '--yes', ...lidarr);
    const release = readFileSync(join(repo, A, 'media/lidarr/app/helmrelease.yaml'), 'utf8');
    expect(release).toContain(
      '  chart:\n    spec:\n      chart: app-template\n      version: 3.7.3\n      sourceRef:\n        kind: HelmRepository\n        name: bjw-s\n        namespace: flux-system\n',
    );
    expect(release).toContain('    controllers:\n      lidarr:\n');
    expect(snapshotFiles(join(repo, A, 'media/lidarr/app'))).not.toHaveProperty(
      'ocirepository.yaml',
    );
  });

  it('routes through a Gateway the repo declares though no route uses it yet (external)', async () => {
    const repo = copyFixture('flux-legacy');
    const run = await homeops('app', '--dest', repo, '--yes', ...lidarr, '--route=external');
    expect(run.stderr).toBe('');
    const release = readFileSync(join(repo, A, 'media/lidarr/app/helmrelease.yaml'), 'utf8');
    expect(release).toMatch(/parentRefs:\n\s+- name: external\n\s+namespace: networking\n/);
  });

  it("writes the hostname in the siblings' form, with Helm's name for the app and their variable", async () => {
    const repo = copyFixture('flux-legacy');
    // the siblings' domain variable is this repo's own, not the fallback ${SECRET_DOMAIN}
    for (const app of ['bazarr', 'prowlarr', 'radarr', 'sonarr']) {
      const file = join(repo, A, `media/${app}/app/helmrelease.yaml`);
      writeFileSync(file, readFileSync(file, 'utf8').replaceAll('SECRET_DOMAIN', 'LAB_DOMAIN'));
    }
    const help = await homeops('app', '--dest', repo, '--help');
    expect(help.stdout).toContain('[here: {{ .Release.Name }}.${LAB_DOMAIN}]');
    await homeops('app', '--dest', repo, '--yes', ...lidarr, '--route=internal');
    const release = readFileSync(join(repo, A, 'media/lidarr/app/helmrelease.yaml'), 'utf8');
    expect(release).toContain('hostnames: ["{{ .Release.Name }}.${LAB_DOMAIN}"]');
  });

  it("places an app by the siblings whose paths name their app, not by a lone one's own folder", async () => {
    const repo = copyFixture('flux-legacy');
    // the namespace's only app deploys gateway/app under another name: no convention in that
    const entry = join(repo, A, 'networking/gateway/ks.yaml');
    writeFileSync(
      entry,
      readFileSync(entry, 'utf8').replace('name: &app gateway\n', 'name: &app gateway-config\n'),
    );
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...lidarr.slice(1),
      '--namespace=networking',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(repo, A, 'networking/lidarr/ks.yaml'), 'utf8')).toContain(
      'path: ./kubernetes/apps/networking/lidarr/app',
    );
  });

  it('writes a namespace folder like its siblings: no namespace: line, their Namespace labels', async () => {
    const repo = copyFixture('flux-legacy');
    const run = await homeops('namespace', '--dest', repo, '--yes', '--name=downloads');
    expect(run.code).toBe(0);
    expect(readFileSync(join(repo, A, 'downloads/kustomization.yaml'), 'utf8')).toBe(
      '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./namespace.yaml\n',
    );
    expect(readFileSync(join(repo, A, 'downloads/namespace.yaml'), 'utf8')).toContain(
      '  labels:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n',
    );
    // an app added to it afterwards keeps its Kustomization in flux-system
    const app = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...lidarr.slice(1),
      '--namespace=downloads',
    );
    expect(app.code).toBe(0);
    if (hasKubectl) {
      const built = kustomize(join(repo, A, 'downloads'));
      expect(built).toMatch(
        /kind: Kustomization\nmetadata:\n {2}name: lidarr\n {2}namespace: flux-system/,
      );
    }
  });

  it('offers the namespace folders to secret', async () => {
    const repo = copyFixture('flux-legacy');
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--yes',
      '--namespace=media',
      '--app=prowlarr',
      '--item=prowlarr',
      '--fields=api_key',
      '--source=offline',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(readFileSync(join(repo, A, 'media/prowlarr/app/externalsecret.yaml'), 'utf8')).toContain(
      'kind: ExternalSecret',
    );
  });

  it('refuses a name another Kustomization of flux-system has, whatever its folder is called', async () => {
    const repo = copyFixture('flux-legacy');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...lidarr.filter((f) => !f.startsWith('--name=')),
      '--name=onepassword-store',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'a Flux Kustomization flux-system/onepassword-store already exists (kubernetes/apps/security/onepassword-connect/ks.yaml)',
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
