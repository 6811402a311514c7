import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appGenerator } from '../generators/app/app.ts';
import { variantFor } from '../src/engine/by-layout.ts';
import { openRepo } from '../src/engine/open-repo.ts';
import { runGenerator } from '../src/engine/run-generator.ts';
import { changedFiles, expectGolden, expectGoldenFiles } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

const K = 'clusters/main/kubernetes';
const CLUSTERENV = 'clusters/main/clusterenv.yaml';
const radarr = [
  '--name=radarr',
  '--chartVersion=25.1.0',
  '--ingress=internal',
  '--loadBalancer',
  '--storage=5Gi',
];
const whoami = [
  '--name=whoami',
  '--repository=bjw-s',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
  '--ingress=internal',
  '--storage=1Gi',
];
const addedLines = (before: string, after: string) =>
  after.split('\n').filter((l) => !before.split('\n').includes(l));

describe('homeops app on the clustertool layout', () => {
  it('writes a TrueCharts app in the repo shape (golden), registers it, and leaves clusterenv.yaml alone', async () => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...radarr);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    const changed = changedFiles(before, after);
    expect(changed).toEqual([
      `${K}/apps/kustomization.yaml`,
      `${K}/apps/radarr/app/helm-release.yaml`,
      `${K}/apps/radarr/app/kustomization.yaml`,
      `${K}/apps/radarr/app/namespace.yaml`,
      `${K}/apps/radarr/ks.yaml`,
    ]);
    expectGoldenFiles('clustertool/app/truecharts', after, changed);
    // one new line, in sorted place, before the disabled sonarr entry, which stays
    expect(
      addedLines(before[`${K}/apps/kustomization.yaml`]!, after[`${K}/apps/kustomization.yaml`]!),
    ).toEqual(['  - ./radarr/ks.yaml']);
    expect(after[`${K}/apps/kustomization.yaml`]).toMatch(
      /- \.\/plex\/ks\.yaml\n {2}- \.\/radarr\/ks\.yaml\n {2}# - \.\/sonarr\/ks\.yaml\n$/,
    );
    // the load-balancer address is a variable the user adds to the encrypted file by hand
    expect(after[CLUSTERENV]).toBe(before[CLUSTERENV]);
    expect(after[`${K}/apps/radarr/app/helm-release.yaml`]).toContain(
      'loadBalancerIP: ${RADARR_IP}',
    );
    expect(run.stdout).toMatch(
      /sops clusters\/main\/clusterenv\.yaml, then add RADARR_IP: <a free address in METALLB_RANGE>/,
    );
  });

  it("writes an app-template app like the repo's it-tools (golden), after a disabled entry it sorts after", async () => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...whoami);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    const changed = changedFiles(before, after);
    expectGoldenFiles('clustertool/app/app-template', after, changed);
    expect(after[`${K}/apps/kustomization.yaml`]).toMatch(
      /# - \.\/sonarr\/ks\.yaml\n {2}- \.\/whoami\/ks\.yaml\n$/,
    );
    // learned from the repo: chart version of app-template, the layer's common dependency, the domain variable
    expect(after[`${K}/apps/whoami/app/helm-release.yaml`]).toContain('version: 4.4.0');
    expect(after[`${K}/apps/whoami/ks.yaml`]).toContain(
      'dependsOn:\n    - name: nginx-internal\n      namespace: flux-system',
    );
    expect(after[`${K}/apps/whoami/app/helm-release.yaml`]).toContain('- host: whoami.${DOMAIN_0}');
    expect(run.stdout).not.toContain('clusterenv');
  });

  it('adds a new HelmRepository (golden) when the repository is a new URL, and reuses one whose URL is known', async () => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=podinfo',
      '--layer=networking',
      '--repository=oci://ghcr.io/stefanprodan/charts',
      '--chartVersion=6.9.2',
    );
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    expect(changedFiles(before, after)).toEqual([
      `${K}/networking/kustomization.yaml`,
      `${K}/networking/podinfo/app/helm-release.yaml`,
      `${K}/networking/podinfo/app/kustomization.yaml`,
      `${K}/networking/podinfo/app/namespace.yaml`,
      `${K}/networking/podinfo/ks.yaml`,
      'repositories/helm/kustomization.yaml',
      'repositories/helm/stefanprodan.yaml',
    ]);
    expectGolden(
      after['repositories/helm/stefanprodan.yaml'],
      'clustertool/app/new-repository/repositories/helm/stefanprodan.yaml',
    );
    expectGolden(
      after[`${K}/networking/podinfo/app/helm-release.yaml`],
      `clustertool/app/new-repository/${K}/networking/podinfo/app/helm-release.yaml`,
    );
    expect(
      addedLines(
        before['repositories/helm/kustomization.yaml']!,
        after['repositories/helm/kustomization.yaml']!,
      ),
    ).toEqual(['  - ./stefanprodan.yaml']);

    const known = copyFixture('clustertool');
    const knownBefore = snapshotFiles(known);
    const reuse = await homeops(
      'app',
      '--dest',
      known,
      '--name=metallb-two',
      '--layer=system',
      '--repository=https://metallb.github.io/metallb/',
      '--chart=metallb',
      '--dependsOn=',
    );
    expect(reuse.code).toBe(0);
    const changed = changedFiles(knownBefore, snapshotFiles(known));
    expect(changed.filter((f) => f.startsWith('repositories/'))).toEqual([]);
    expect(
      readFileSync(join(known, `${K}/system/metallb-two/app/helm-release.yaml`), 'utf8'),
    ).toContain(
      'version: 0.15.2\n      sourceRef:\n        kind: HelmRepository\n        name: metallb\n',
    );
  });

  it('validates every written document offline (Kustomization, HelmRelease, Namespace)', async () => {
    const repo = openRepo(copyFixture('clustertool'), false);
    const result = await runGenerator(await variantFor(appGenerator, repo), {
      dest: repo.tree.root,
      repo,
      given: { name: 'radarr', chartVersion: '25.1.0', ingress: 'internal' },
      dryRun: true,
    });
    expect(result.validatedDocuments).toBe(3);
    expect(result.written).toBe(false);
  });

  it('writes files a careful human would commit: ---, schema line where the repo has one, two-space indent, prettier-stable', async () => {
    const repo = copyFixture('clustertool');
    await homeops('app', '--dest', repo, ...whoami);
    const dir = join(repo, K, 'apps/whoami');
    for (const file of [
      'ks.yaml',
      'app/kustomization.yaml',
      'app/helm-release.yaml',
      'app/namespace.yaml',
    ]) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.startsWith('---\n')).toBe(true);
      if (file !== 'app/namespace.yaml')
        expect(text.split('\n')[1]).toMatch(/^# yaml-language-server: \$schema=https:\/\//);
      expect(text).not.toMatch(/^( {2})* {1}\S/m);
      expect(await format(text, { parser: 'yaml' })).toBe(text);
      for (const doc of parseAllDocuments(text) as unknown as { errors: unknown[] }[])
        expect(doc.errors).toEqual([]);
    }
  });

  it.skipIf(!hasKubectl)('builds with kustomize: the app folder and the layer folder', async () => {
    const repo = copyFixture('clustertool');
    await homeops('app', '--dest', repo, ...radarr);
    const app = kustomize(join(repo, K, 'apps/radarr/app'));
    expect(app).toContain('kind: Namespace\nmetadata:\n  name: radarr');
    expect(app).toMatch(/kind: HelmRelease\nmetadata:\n {2}name: radarr\n {2}namespace: radarr/);
    const layer = kustomize(join(repo, K, 'apps'));
    expect(layer).toMatch(
      /kind: Kustomization\nmetadata:\n {2}name: radarr\n {2}namespace: flux-system/,
    );
    expect(layer).not.toContain('name: sonarr'); // still disabled
  });

  it('takes domain and storageClass from .homeops.yaml over what the repo shows', async () => {
    const repo = copyFixture('clustertool');
    writeFileSync(
      join(repo, '.homeops.yaml'),
      'conventions:\n  domain: example.org\n  storageClass: openebs-hostpath\n',
    );
    const run = await homeops('app', '--dest', repo, ...radarr);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const release = readFileSync(join(repo, `${K}/apps/radarr/app/helm-release.yaml`), 'utf8');
    expect(release).toContain('          - host: radarr.example.org\n');
    expect(release).toContain('storageClass: openebs-hostpath\n');
  });

  it("writes an app in the conventions of its own layer's apps, not of the first layer looked at", async () => {
    const repo = copyFixture('clustertool');
    for (const app of ['blocky', 'metallb-config']) {
      const ks = join(repo, K, 'core', app, 'ks.yaml');
      writeFileSync(ks, readFileSync(ks, 'utf8').replace('  interval: 10m\n', '  interval: 30m\n'));
    }
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=jellyfin',
      '--layer=core',
      '--chartVersion=1.0.0',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const ks = readFileSync(join(repo, K, 'core/jellyfin/ks.yaml'), 'utf8');
    expect(ks).toContain('\n  interval: 30m\n');
    const other = await homeops(
      'app',
      '--dest',
      repo,
      '--name=jackett',
      '--layer=apps',
      '--chartVersion=1.0.0',
    );
    expect(other.code).toBe(0);
    expect(readFileSync(join(repo, K, 'apps/jackett/ks.yaml'), 'utf8')).toContain(
      '\n  interval: 10m\n',
    );
  });

  it('changes nothing on a second run with the same inputs, and says so', async () => {
    const repo = copyFixture('clustertool');
    await homeops('app', '--dest', repo, ...radarr);
    const once = snapshotFiles(repo);
    const again = await homeops('app', '--dest', repo, ...radarr);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(once);
  });

  it('prints the diff and writes nothing with --dry-run', async () => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...radarr, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`+++ b/${K}/apps/radarr/ks.yaml`);
    expect(run.stdout).toContain('+  - ./radarr/ks.yaml');
    expect(run.stdout).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('warns instead of asking for a clusterenv.yaml variable that already exists', async () => {
    const repo = copyFixture('clustertool');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=traefik',
      '--layer=networking',
      '--chartVersion=30.0.0',
      '--loadBalancer',
      '--json',
    );
    const result = JSON.parse(run.stdout);
    expect(result.warnings).toEqual([
      expect.stringContaining('TRAEFIK_IP is already defined in clusters/main/clusterenv.yaml'),
    ]);
    expect(result.nextSteps.join('\n')).not.toContain('sops');
  });
});

describe('homeops app on clustertool: bad inputs exit 1, name the field, write nothing', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a name that is not a DNS-1123 label',
      ['--name=Bad_Name'],
      /--name: "Bad_Name" is not a valid app name/,
    ],
    [
      'a system namespace as the name',
      ['--name=kube-system'],
      /--name: "kube-system" is a system namespace/,
    ],
    [
      'an unknown layer',
      ['--layer=media'],
      /--layer: "media" is not one of apps, core, networking, system/,
    ],
    [
      'an unknown repository name',
      ['--repository=nope'],
      /--repository: no HelmRepository named "nope"[\s\S]*fix: use one of bjw-s, ingress-nginx/,
    ],
    [
      'a repository URL that is not one',
      ['--repository=https://exa mple.com'],
      /--repository: "https:\/\/exa mple.com" is not a Helm repository URL/,
    ],
    ['a YAML-breaking chart name', ['--chart=a: b'], /--chart: "a: b" is not a chart name/],
    ['a bad version', ['--chartVersion=latest'], /--chartVersion: "latest" is not a version/],
    [
      'the latest tag',
      ['--repository=bjw-s', '--port=80', '--image=ghcr.io/org/app:latest'],
      /--image: .*"latest" tag/,
    ],
    [
      'a port out of range',
      ['--repository=bjw-s', '--image=ghcr.io/org/app:1.0.0', '--port=70000'],
      /--port: 70000 is not a port number/,
    ],
    [
      'a YAML-breaking hostname',
      ['--ingress=internal', '--hostname=x: {y}'],
      /--hostname: "x: \{y\}" is not a valid hostname/,
    ],
    ['a bad storage size', ['--storage=lots'], /--storage: "lots" is not a storage size/],
    ['an unknown dependency', ['--dependsOn=nope'], /--dependsOn: no app "nope"/],
    [
      'an app of that name in another layer',
      ['--name=blocky'],
      /--layer: app blocky already exists in layer core/,
    ],
    [
      'an existing app with other content',
      ['--name=sonarr'],
      /app apps\/sonarr already exists and differs/,
    ],
  ];
  it.each(cases)('%s', async (_what, flags, message) => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const given: Record<string, string> = { '--name': 'radarr', '--chartVersion': '25.1.0' };
    for (const f of flags) given[f.slice(0, f.indexOf('='))] = f.slice(f.indexOf('=') + 1);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...Object.entries(given).map(([k, v]) => `${k}=${v}`),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('names the missing chart version of a chart the repo does not use yet', async () => {
    const repo = copyFixture('clustertool');
    const run = await homeops('app', '--dest', repo, '--name=radarr');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing required input: --chartVersion/);
  });
});
