import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changedFiles, dryRun, kustomizeK8s } from './argocd-mise-support.ts';
import { expectGoldenFiles } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, snapshotFiles } from './support/temp-repo.ts';
import { overrideFlags } from './support/override-flags.ts';

const whoami = ['--name=whoami', '--image=ghcr.io/traefik/whoami:v1.10.4', '--port=80'];
const helm = [
  '--name=podinfo',
  '--kind=helm',
  '--chart=podinfo',
  '--repoURL=oci://ghcr.io/stefanprodan/charts',
  '--chartVersion=6.9.2',
  '--serverSideApply',
];
const helmManifests = [
  '--name=grafana',
  '--tier=infrastructure',
  '--namespace=monitoring',
  '--kind=helm+manifests',
  '--chart=grafana',
  '--repoURL=https://grafana.github.io/helm-charts',
  '--chartVersion=10.1.0',
  '--route=internal',
  '--port=80',
];

const cases: [string, string[], string][] = [
  [
    'manifests with route, storage and health path',
    [...whoami, '--route=internal', '--storage=2Gi', '--healthPath=/health'],
    'manifests',
  ],
  ['a Helm chart with inline values', helm, 'helm'],
  ['a Helm chart plus k8s/ manifests', helmManifests, 'helm+manifests'],
];

describe('homeops app on the argocd-mise layout', () => {
  it.each(cases)(
    'writes %s in the repo shape (golden files), and nothing else',
    async (_what, flags, golden) => {
      const repo = copyFixture('argocd-mise');
      const before = snapshotFiles(repo);
      const run = await homeops('app', '--dest', repo, ...flags);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      const after = snapshotFiles(repo);
      const changed = changedFiles(before, after);
      expect(changed.every((f) => before[f] === undefined)).toBe(true); // only new files: the root app finds them
      // the goldens are named inside the app folder (src/apps/<group>/<app>/)
      expectGoldenFiles(`argocd-mise/app/${golden}`, after, changed, (file) =>
        file.replace(/^src\/apps\/[^/]+\/[^/]+\//, ''),
      );
    },
  );

  it('writes the files the inputs ask for, each in the fixture style (no leading ---, blank lines before destination and syncPolicy)', async () => {
    const repo = copyFixture('argocd-mise');
    await homeops('app', '--dest', repo, ...whoami, '--route=internal', '--storage=1Gi');
    const dir = join(repo, 'src/apps/services/whoami');
    expect(readdirSync(join(dir, 'k8s')).sort()).toEqual([
      'deployment.yaml',
      'httproute.yaml',
      'namespace.yaml',
      'pvc.yaml',
      'service.yaml',
    ]);
    const application = readFileSync(join(dir, 'application.yaml'), 'utf8');
    expect(application).toMatch(/\n\n {2}destination:\n[\s\S]*\n\n {2}syncPolicy:\n/);
    expect(application).not.toMatch(/finalizers|revisionHistoryLimit/);
    for (const file of [
      'application.yaml',
      ...readdirSync(join(dir, 'k8s')).map((f) => `k8s/${f}`),
    ]) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.startsWith('apiVersion: ')).toBe(true);
      expect(text).not.toMatch(/^---$|yaml-language-server/m);
      for (const doc of parseAllDocuments(text) as unknown as { errors: unknown[] }[])
        expect(doc.errors).toEqual([]);
    }
  });

  it.each(cases)(
    'validates every document offline (%s): Application, Deployment, Service, Namespace, PVC, HTTPRoute',
    async (_what, flags) => {
      const repo = copyFixture('argocd-mise');
      const given = Object.fromEntries(
        flags.map((f) => f.slice(2).split('=')).map(([k, v]) => [k!, v ?? 'true']),
      );
      const result = await dryRun('app', repo, given);
      const documents = result.changes.length; // one document per file
      expect(result.changes.length).toBeGreaterThan(0);
      expect(result.validatedDocuments).toBe(documents);
      expect(result.changes.some((c) => c.after.includes('kind: Application'))).toBe(true);
      if (flags.includes('--route=internal'))
        expect(result.changes.some((c) => c.after.includes('kind: HTTPRoute'))).toBe(true);
    },
  );

  it.skipIf(!hasKubectl)('builds the k8s/ manifests with kustomize', async () => {
    const repo = copyFixture('argocd-mise');
    await homeops('app', '--dest', repo, ...whoami, '--route=internal', '--storage=1Gi');
    const k8s = join(repo, 'src/apps/services/whoami/k8s');
    const built = kustomizeK8s(k8s, readdirSync(k8s).sort());
    for (const kind of ['Namespace', 'Service', 'PersistentVolumeClaim', 'Deployment', 'HTTPRoute'])
      expect(built).toContain(`kind: ${kind}\n`);
  });

  it('changes nothing on a second run with the same inputs, and says so', async () => {
    const repo = copyFixture('argocd-mise');
    await homeops('app', '--dest', repo, ...helmManifests);
    const once = snapshotFiles(repo);
    const again = await homeops('app', '--dest', repo, ...helmManifests);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(once);
  });

  it('prints the diff and writes nothing with --dry-run', async () => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...whoami, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+++ b/src/apps/services/whoami/application.yaml');
    expect(run.stdout).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('shares an existing namespace without writing a second Namespace for it', async () => {
    const repo = copyFixture('argocd-mise');
    const run = await homeops('app', '--dest', repo, ...whoami, '--namespace=mealie');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'namespace declared in src/apps/services/mealie/k8s/namespace.yaml',
    );
    expect(readdirSync(join(repo, 'src/apps/services/whoami/k8s')).sort()).toEqual([
      'deployment.yaml',
      'service.yaml',
    ]);
  });

  it('never declares a system namespace as a manifest of an app', async () => {
    const repo = copyFixture('argocd-mise');
    const run = await homeops('app', '--dest', repo, ...whoami, '--namespace=default');
    expect(run.code).toBe(0);
    expect(readdirSync(join(repo, 'src/apps/services/whoami/k8s')).sort()).toEqual([
      'deployment.yaml',
      'service.yaml',
    ]);
  });

  it('takes gatewayNamespace and storageClass from .homeops.yaml, keeping the learned Gateway name', async () => {
    const repo = copyFixture('argocd-mise');
    writeFileSync(
      join(repo, '.homeops.yaml'),
      'conventions:\n  gatewayNamespace: network\n  storageClass: openebs-hostpath\n',
    );
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami,
      '--route=internal',
      '--storage=1Gi',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const k8s = join(repo, 'src/apps/services/whoami/k8s');
    expect(readFileSync(join(k8s, 'httproute.yaml'), 'utf8')).toContain(
      '  parentRefs:\n    - name: internal\n      namespace: network\n',
    );
    expect(readFileSync(join(k8s, 'pvc.yaml'), 'utf8')).toContain(
      '  storageClassName: openebs-hostpath\n',
    );
  });

  it('takes the chart version the repo already uses for a chart', async () => {
    const repo = copyFixture('argocd-mise');
    const result = await dryRun('app', repo, {
      name: 'longhorn2',
      kind: 'helm',
      chart: 'longhorn',
      repoURL: 'https://charts.longhorn.io',
    });
    expect(result.answers.chartVersion).toBe('1.10.0');
  });
});

describe('homeops app on the argocd-mise layout: bad inputs exit 1, name the field, write nothing', () => {
  const refusals: [string, string[], RegExp][] = [
    [
      'a name that is not a DNS-1123 label',
      overrideFlags(whoami, '--name=Bad_Name'),
      /--name: "Bad_Name" is not a valid app name/,
    ],
    [
      'the name of an existing bootstrap Application',
      overrideFlags(whoami, '--name=root'),
      /--name: an Application named "root" already exists \(src\/bootstrap\/argocd\/root-app.yaml\)/,
    ],
    [
      'an unknown tier',
      overrideFlags(whoami, '--tier=apps'),
      /--tier: "apps" is not one of infrastructure, services/,
    ],
    [
      'an unknown kind',
      [...whoami, '--kind=kustomize'],
      /--kind: "kustomize" is not one of manifests, helm, helm\+manifests/,
    ],
    [
      'the latest tag',
      overrideFlags(whoami, '--image=ghcr.io/org/app:latest'),
      /--image: .*"latest" tag/,
    ],
    ['a route on a chart-only app', [...helm, '--route=internal'], /--route: does not apply/],
    [
      'an external route (this repo has one Gateway)',
      [...whoami, '--route=external'],
      /--route: "external" is not one of none, internal/,
    ],
    [
      'a YAML-breaking hostname',
      [...whoami, '--route=internal', '--hostname=x: {y}'],
      /--hostname: "x: \{y\}" is not a valid hostname/,
    ],
    [
      'a Flux-style ${VAR} hostname',
      [...whoami, '--route=internal', '--hostname=whoami.${SECRET_DOMAIN}'],
      /--hostname: .* Argo CD substitutes no variables/,
    ],
    [
      'a bad storage size',
      [...whoami, '--storage=lots'],
      /--storage: "lots" is not a storage size/,
    ],
    [
      'a Helm repo that is not a URL',
      [...helm.filter((f) => !f.startsWith('--repoURL')), '--repoURL=charts.example.com'],
      /--repoURL: "charts.example.com" is not a Helm repository URL/,
    ],
    [
      'a chart version that is not a version',
      [...helm.filter((f) => !f.startsWith('--chartVersion')), '--chartVersion=latest'],
      /--chartVersion: "latest" is not a version/,
    ],
    [
      'an app of that name in the other tier',
      overrideFlags(whoami, '--name=mealie', '--tier=infrastructure'),
      /--tier: app mealie already exists in tier services/,
    ],
    [
      'an existing app with other content',
      overrideFlags(whoami, '--name=mealie'),
      /--name: app mealie already exists and differs/,
    ],
    [
      'helm+manifests with nothing for k8s/',
      [
        '--name=grafana',
        '--namespace=mealie',
        '--kind=helm+manifests',
        '--chart=grafana',
        '--repoURL=https://grafana.github.io/helm-charts',
        '--chartVersion=10.1.0',
      ],
      /--kind: kind helm\+manifests syncs .* but these inputs put nothing there/,
    ],
  ];
  it.each(refusals)('%s', async (_what, flags, message) => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...flags);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('names the missing inputs when there is no terminal to ask', async () => {
    const repo = copyFixture('argocd-mise');
    const run = await homeops('app', '--dest', repo, '--name=whoami');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing required inputs: --image, --port/);
  });
});
