import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectLayout } from '../src/layouts/detect-layout.ts';
import { readConfig } from '../src/repo/config.ts';
import { RepoTree } from '../src/tree/repo-tree.ts';
import { SHAPES } from './support/shape-fixtures.ts';
import { copyFixture, homeops } from './support/temp-repo.ts';

describe('layout detection', () => {
  it.each([
    ['flux', 'flux'],
    ['flux-operator', 'flux-operator'],
    ['clustertool', 'clustertool'],
    ['argocd', 'argocd'],
    ['argocd-mise', 'argocd-mise'],
  ])('tells the %s fixture apart as %s', (fixture, layout) => {
    expect(detectLayout(new RepoTree(copyFixture(fixture)))).toBe(layout);
  });

  it.each([
    'argocd-app-of-apps-recurse',
    'argocd-app-of-apps-two-sources',
    'argocd-appset-categories',
    'argocd-appset-dirs',
    'argocd-appset-files',
    'argocd-appset-namespace-segment',
    'argocd-plain-kustomize',
  ])('reads the %s shape fixture with the Argo CD engine (never as Flux)', (fixture) => {
    expect(detectLayout(new RepoTree(join(SHAPES, fixture)))).toBe('argocd-apps');
  });

  it('asks which engine in a repo with both, and takes the engine .homeops.yaml pins', () => {
    const tree = new RepoTree(join(SHAPES, 'flux-and-argocd'));
    expect(() => detectLayout(tree)).toThrow(/both Flux Kustomizations .* and Argo CD objects/);
    expect(detectLayout(tree, 'argocd')).toBe('argocd-apps');
    expect(detectLayout(tree, 'flux')).toMatch(/^flux/);
  });

  it('refuses a folder that matches no layout, naming the config setting', () => {
    const empty = mkdtempSync(join(tmpdir(), 'homeops-empty-'));
    expect(() => detectLayout(new RepoTree(empty))).toThrow(/no known repo layout/);
  });

  it('finds the Argo CD objects of an Argo CD that Flux deploys as an app (an app folder in the apps tree)', () => {
    const repo = copyFixture('flux');
    const dir = join(repo, 'kubernetes/apps/tools/argocd/app');
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, 'applicationset.yaml'),
      '---\napiVersion: argoproj.io/v1alpha1\nkind: ApplicationSet\nmetadata:\n  name: apps\n  namespace: argocd\nspec:\n  generators: []\n',
    );
    expect(() => detectLayout(new RepoTree(repo))).toThrow(
      /Argo CD objects \(kubernetes\/apps\/tools\/argocd\/app\/applicationset\.yaml\)/,
    );
  });

  it('refuses a repo with both Flux and Argo CD objects, naming the config setting', () => {
    const repo = copyFixture('flux');
    mkdirSync(join(repo, 'argocd'), { recursive: true });
    writeFileSync(
      join(repo, 'argocd/root.yaml'),
      '---\napiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: root\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://example.com/repo.git\n    path: apps\n  destination:\n    server: https://kubernetes.default.svc\n',
    );
    expect(() => detectLayout(new RepoTree(repo))).toThrow(
      expect.objectContaining({
        code: 'LAYOUT',
        fix: expect.stringContaining('layout: flux'),
      }),
    );
  });
});

describe('.homeops.yaml', () => {
  it('names the layout and pins conventions and input defaults', async () => {
    const repo = copyFixture('flux');
    writeFileSync(
      join(repo, '.homeops.yaml'),
      'layout: flux-operator\ndefaults:\n  app:\n    route: internal\nconventions:\n  routeIn: file\n  domain: example.com\n',
    );
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--namespace=default',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--json',
    );
    expect(JSON.parse(run.stdout)).toMatchObject({ layout: 'flux-operator' });
    const paths = JSON.parse(run.stdout).changes.map((c: { path: string }) => c.path);
    expect(paths).toContain('kubernetes/apps/default/whoami/app/httproute.yaml');
    expect(
      JSON.parse(run.stdout).changes.find((c: { path: string }) =>
        c.path.endsWith('httproute.yaml'),
      ).diff,
    ).toContain('+    - whoami.example.com');
  });

  it('refuses an unknown key with its file and line and the known keys', () => {
    const repo = mkdtempSync(join(tmpdir(), 'homeops-config-'));
    writeFileSync(join(repo, '.homeops.yaml'), 'layout: flux\n\nlayuot: argocd\n');
    expect(() => readConfig(new RepoTree(repo))).toThrow(
      expect.objectContaining({
        file: '.homeops.yaml',
        line: 3,
        fix: expect.stringContaining('layout, defaults, conventions'),
      }),
    );
  });

  it('refuses an unknown layout name', () => {
    const repo = mkdtempSync(join(tmpdir(), 'homeops-config-'));
    writeFileSync(join(repo, '.homeops.yaml'), 'layout: fluxcd\n');
    expect(() => readConfig(new RepoTree(repo))).toThrow(/layout "fluxcd" is unknown/);
  });

  const config = (text: string) => {
    const repo = mkdtempSync(join(tmpdir(), 'homeops-config-'));
    writeFileSync(join(repo, '.homeops.yaml'), text);
    return () => readConfig(new RepoTree(repo));
  };

  it.each([
    ['routeIn: flie', 3, /conventions\.routeIn: "flie" is not a value routeIn can take/],
    ['podUser: abc', 3, /podUser: "abc" is not a value/],
    ['schemaHost: not a url', 3, /schemaHost: "not a url"/],
    ['gatewayInternal: Envoy Internal', 3, /gatewayInternal/],
  ])(
    'refuses a convention value it cannot take (%s), naming its line',
    (setting, line, message) => {
      expect(config(`layout: flux\nconventions:\n  ${setting}\n`)).toThrow(
        expect.objectContaining({
          file: '.homeops.yaml',
          line,
          message: expect.stringMatching(message),
        }),
      );
    },
  );

  it('takes an empty defaults section (every line commented out) as no defaults', () => {
    expect(config('defaults:\n  app:\n    # route: internal\n')().defaults).toEqual({ app: {} });
  });

  it('names .homeops.yaml when its default namespace does not exist', async () => {
    const repo = copyFixture('flux');
    writeFileSync(join(repo, '.homeops.yaml'), 'defaults:\n  app:\n    namespace: media\n');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
    );
    expect(run.stderr).toMatch(
      /\.homeops\.yaml:3.*namespace \(this repo's default\): namespace "media" does not exist/s,
    );
    const flag = await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--namespace=tools',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
    );
    expect(flag.stderr).toMatch(/--namespace: namespace "tools" does not exist/);
  });

  it('refuses defaults for a generator that does not exist', () => {
    expect(config('defaults:\n  ap:\n    route: internal\n')).toThrow(
      expect.objectContaining({
        line: 2,
        message: expect.stringMatching(/unknown generator "ap"/),
        fix: expect.stringContaining('app, namespace, node, patch, secret'),
      }),
    );
  });

  it("refuses a default for an input the generator does not have, and names a refused default as the repo's", async () => {
    const repo = copyFixture('flux');
    const whoami = [
      '--name=whoami',
      '--namespace=default',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
    ];
    writeFileSync(join(repo, '.homeops.yaml'), 'defaults:\n  app:\n    prot: 80\n');
    const unknown = await homeops('app', '--dest', repo, ...whoami);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(
      /\.homeops\.yaml:3.*defaults\.app\.prot: app has no input "prot"/s,
    );
    writeFileSync(join(repo, '.homeops.yaml'), 'defaults:\n  app:\n    route: public\n');
    const refused = await homeops('app', '--dest', repo, ...whoami);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      /\.homeops\.yaml:3.*route \(this repo's default\): "public" is not one of/s,
    );
    expect(refused.stderr).toContain('nothing was written');
  });
});

describe('.homeops.yaml schemaHost', () => {
  it('moves every schema line of a new app to the pinned host, the HelmRelease one too', async () => {
    const repo = copyFixture('flux-operator');
    writeFileSync(
      join(repo, '.homeops.yaml'),
      'conventions:\n  schemaHost: https://k8s-schemas.example.com\n',
    );
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--namespace=default',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--json',
    );
    const schemas = (JSON.parse(run.stdout).changes as { path: string; diff: string }[]).flatMap(
      (c) => [...c.diff.matchAll(/\$schema=(\S+)/g)].map((m) => m[1]!),
    );
    expect(schemas.filter((url) => url.includes('kubernetes-schemas.pages.dev'))).toEqual([]);
    expect(
      schemas.some((url) =>
        url.startsWith('https://k8s-schemas.example.com/helm.toolkit.fluxcd.io/'),
      ),
    ).toBe(true);
  });
});
