import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appGenerator } from '../generators/app/app.ts';
import { variantFor } from '../src/engine/by-layout.ts';
import { openRepo } from '../src/engine/open-repo.ts';
import { runGenerator } from '../src/engine/run-generator.ts';
import { changedFiles, expectGoldenFiles } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';
import { overrideFlags } from './support/override-flags.ts';

const echo = ['--name=echo', '--image=ghcr.io/mendhak/http-https-echo:37', '--port=8080'];
const helm = [
  '--name=uptime-kuma',
  '--kind=helm',
  '--chart=uptime-kuma',
  '--repoURL=https://dirsigler.github.io/uptime-kuma-helm',
  '--chartVersion=2.21.2',
];

/** Run and compare every changed file with its golden copy under golden/argocd/<scenario>/. */
async function golden(
  scenario: string,
  flags: string[],
): Promise<{ repo: string; files: string[]; stdout: string }> {
  const repo = copyFixture('argocd');
  const before = snapshotFiles(repo);
  const run = await homeops('app', '--dest', repo, ...flags);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  const after = snapshotFiles(repo);
  const files = changedFiles(before, after);
  expectGoldenFiles(`argocd/${scenario}`, after, files);
  return { repo, files, stdout: run.stdout };
}

/** kubectl kustomize over a temporary kustomization that lists the generated manifests. */
function buildManifests(repo: string, files: string[]): string {
  // kustomize reads only files at or below the kustomization: put it at the (temporary) repo root
  writeFileSync(
    join(repo, 'kustomization.yaml'),
    `resources:\n${files.map((f) => `  - ${f}`).join('\n')}\n`,
  );
  return kustomize(repo);
}

describe('homeops app on the argocd layout', () => {
  it('writes a manifests app with a path route (golden): Application, namespace, deployment, service, PVC, HTTPRoute + ReferenceGrant', async () => {
    const { repo, files } = await golden('app-manifests', [
      ...echo,
      '--route=path',
      '--healthPath=/health',
      '--storage=1Gi',
    ]);
    expect(files).toEqual([
      'kubernetes/argocd/apps/echo.yaml',
      'kubernetes/argocd/manifests/echo/deployment.yaml',
      'kubernetes/argocd/manifests/echo/namespace.yaml',
      'kubernetes/argocd/manifests/echo/pvc.yaml',
      'kubernetes/argocd/manifests/echo/service.yaml',
      'kubernetes/argocd/manifests/gateway/echo-route.yaml',
    ]);
    for (const file of files) {
      const text = readFileSync(join(repo, file), 'utf8');
      expect(text.startsWith('apiVersion: ')).toBe(true); // the seed's style: no leading ---, no schema line
      expect(text).not.toMatch(/^( {2})* {1}\S/m);
    }
    if (hasKubectl) {
      const built = buildManifests(
        repo,
        files.filter((f) => f.includes('/manifests/')),
      );
      for (const kind of [
        'Namespace',
        'Deployment',
        'Service',
        'PersistentVolumeClaim',
        'HTTPRoute',
        'ReferenceGrant',
      ])
        expect(built).toContain(`kind: ${kind}\n`);
    }
  });

  it('writes a Helm app (golden): multi-source Application with $values, values file, catch-all route on its own hostname', async () => {
    const { files, stdout } = await golden('app-helm', [
      ...helm,
      '--route=host',
      '--servicePort=3001',
    ]);
    expect(stdout).toContain(
      "check that the chart's Service is named uptime-kuma and listens on port 3001",
    );
    expect(files).toEqual([
      'kubernetes/argocd/apps/uptime-kuma.yaml',
      'kubernetes/argocd/manifests/gateway/uptime-kuma-route.yaml',
      'kubernetes/argocd/manifests/uptime-kuma/namespace.yaml',
      'kubernetes/argocd/values/uptime-kuma.yaml',
    ]);
  });

  it('puts an app into an existing namespace without declaring it again, and takes the chart version the repo uses', async () => {
    const repo = copyFixture('argocd');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=homarr-extra',
      '--namespace=homarr',
      '--kind=helm',
      '--chart=homarr',
      '--json',
    );
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { changes: { path: string }[] };
    expect(result.changes.map((c) => c.path)).toEqual([
      'kubernetes/argocd/apps/homarr-extra.yaml',
      'kubernetes/argocd/values/homarr-extra.yaml',
    ]);
    const app = readFileSync(join(repo, 'kubernetes/argocd/apps/homarr-extra.yaml'), 'utf8');
    expect(app).toContain(
      'repoURL: https://homarr-labs.github.io/charts\n      targetRevision: "5.8.0"',
    );
    expect(app).not.toContain('path: kubernetes/argocd/manifests/homarr-extra');
  });

  it('validates every written document offline (Application, Deployment, Service, Namespace, PVC, HTTPRoute, ReferenceGrant)', async () => {
    const repo = openRepo(copyFixture('argocd'));
    const generator = await variantFor(appGenerator, repo);
    const given = {
      name: 'echo',
      image: 'ghcr.io/mendhak/http-https-echo:37',
      port: 8080,
      route: 'path',
      storage: '1Gi',
    };
    const result = await runGenerator(generator, {
      dest: repo.tree.root,
      repo,
      given,
      dryRun: true,
    });
    const kinds = result.changes
      .flatMap((c) => parseAllDocuments(c.after) as unknown as { toJS(): { kind: string } }[])
      .map((d) => d.toJS().kind)
      .sort();
    expect(kinds).toEqual([
      'Application',
      'Deployment',
      'HTTPRoute',
      'Namespace',
      'PersistentVolumeClaim',
      'ReferenceGrant',
      'Service',
    ]);
    expect(result.validatedDocuments).toBe(kinds.length);
  });

  it('changes nothing on a second run with the same inputs, and says so', async () => {
    const repo = copyFixture('argocd');
    await homeops('app', '--dest', repo, ...echo, '--route=path');
    const once = snapshotFiles(repo);
    const again = await homeops('app', '--dest', repo, ...echo, '--route=path');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(once);
  });

  it('prints the diff and writes nothing with --dry-run', async () => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...echo, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+++ b/kubernetes/argocd/apps/echo.yaml');
    expect(run.stdout).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses an existing app with other content, writing nothing', async () => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--image=traefik/whoami:v1.10.4',
      '--port=8080',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--name: app whoami already exists/);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops app on the argocd layout: .homeops.yaml conventions', () => {
  const withConfig = (conventions: string): string => {
    const repo = copyFixture('argocd');
    writeFileSync(join(repo, '.homeops.yaml'), `conventions:\n${conventions}`);
    return repo;
  };

  it('takes podUser and storageClass from .homeops.yaml over what the repo shows', async () => {
    const repo = withConfig('  podUser: 1000\n  storageClass: openebs-hostpath\n');
    const run = await homeops('app', '--dest', repo, ...echo, '--storage=1Gi');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const deployment = readFileSync(
      join(repo, 'kubernetes/argocd/manifests/echo/deployment.yaml'),
      'utf8',
    );
    expect(deployment).toContain('runAsUser: 1000\n');
    expect(deployment).not.toContain('65532');
    expect(readFileSync(join(repo, 'kubernetes/argocd/manifests/echo/pvc.yaml'), 'utf8')).toContain(
      '  storageClassName: openebs-hostpath\n',
    );
  });

  it('attaches routes to the gatewayInternal / gatewayNamespace of .homeops.yaml, on hostnames of its domain', async () => {
    const repo = withConfig(
      '  gatewayInternal: internal-gw\n  gatewayNamespace: gateway\n  domain: home.example.org\n',
    );
    const run = await homeops('app', '--dest', repo, ...echo, '--route=host');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const route = readFileSync(
      join(repo, 'kubernetes/argocd/manifests/gateway/echo-route.yaml'),
      'utf8',
    );
    expect(route).toContain('  parentRefs:\n    - name: internal-gw\n      namespace: gateway\n');
    expect(route).toContain('  hostnames:\n    - echo.home.example.org\n');
    expect(route).toContain('kind: ReferenceGrant'); // the backend (echo) is not in the gateway namespace
  });

  it('routes a path app on the domain of .homeops.yaml', async () => {
    const repo = withConfig('  domain: home.example.org\n');
    const run = await homeops('app', '--dest', repo, ...echo, '--route=path');
    expect(run.code).toBe(0);
    const route = readFileSync(
      join(repo, 'kubernetes/argocd/manifests/gateway/echo-route.yaml'),
      'utf8',
    );
    expect(route).toContain('    - name: lab-gateway\n      namespace: traefik\n'); // learned: no gateway override
    expect(route).toContain('  hostnames:\n    - home.example.org\n');
  });
});

describe('homeops app on the argocd layout: bad inputs exit 1, name the field, write nothing', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a name that is not a DNS-1123 label',
      overrideFlags(echo, '--name=Bad_Name'),
      /--name: "Bad_Name" is not a valid app name/,
    ],
    ['the latest tag', overrideFlags(echo, '--image=nginx:latest'), /--image: .*"latest" tag/],
    [
      'an unknown kind',
      [...echo, '--kind=kustomize'],
      /--kind: "kustomize" is not one of manifests, helm/,
    ],
    ['a chart flag on a manifests app', [...echo, '--chart=x'], /--chart: does not apply/],
    [
      'a Helm repo that is not an https URL',
      overrideFlags(helm, '--repoURL=oci://ghcr.io/x'),
      /--repoURL: .* is not a Helm repository URL/,
    ],
    [
      'a Helm app without its version',
      helm.filter((f) => !f.startsWith('--chartVersion')),
      /missing required input: --chartVersion/,
    ],
    [
      'a route path another route already serves',
      [...echo, '--route=path', '--path=/whoami'],
      /--path: HTTPRoute whoami-route .* already routes lab.example.com\/whoami/,
    ],
    [
      'a catch-all route on a hostname that has one',
      [...echo, '--route=host', '--hostname=lab.example.com'],
      /--hostname: HTTPRoute homarr-route .* already routes every path of lab.example.com/,
    ],
    [
      'a YAML-breaking hostname',
      [...echo, '--route=path', '--hostname=x: {y}'],
      /--hostname: "x: \{y\}" is not a valid hostname/,
    ],
    ['a bad storage size', [...echo, '--storage=lots'], /--storage: "lots" is not a storage size/],
    [
      'an unknown Pod Security level',
      [...echo, '--podSecurity=open'],
      /--podSecurity: "open" is not one of/,
    ],
  ];
  it.each(cases)('%s', async (_what, flags, message) => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...flags);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
