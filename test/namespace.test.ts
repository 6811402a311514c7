import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, expectGolden, readGolden } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

describe.each(['flux', 'flux-operator'])('homeops namespace on the %s layout', (layout) => {
  it('adds a namespace folder like the golden one, which builds, and changes nothing the second time', async () => {
    const repo = copyFixture(layout);
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, '--name=media');
    expect(run.code).toBe(0);
    const files = snapshotFiles(repo);
    expect(changedFiles(before, files)).toEqual([
      'kubernetes/apps/media/kustomization.yaml',
      'kubernetes/apps/media/namespace.yaml',
    ]);
    // the same files as when `app --createNamespace` makes it, minus the app
    expect(files['kubernetes/apps/media/kustomization.yaml']).toBe(
      readGolden(`namespace/${layout}/kustomization.yaml`).replace('  - ./whoami/ks.yaml\n', ''),
    );
    expectGolden(
      files['kubernetes/apps/media/namespace.yaml'],
      `namespace/${layout}/namespace.yaml`,
    );
    if (hasKubectl)
      expect(kustomize(join(repo, 'kubernetes/apps/media'))).toMatch(
        /kind: Namespace\nmetadata:[\s\S]*name: media/,
      );
    const again = await homeops('namespace', '--dest', repo, '--name=media');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change: namespace media already exists/);
    expect(snapshotFiles(repo)).toEqual(files);
  });

  it('refuses a name that is not a DNS label, writing nothing', async () => {
    const repo = copyFixture(layout);
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, '--name=Media Server');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--name: "Media Server" is not a valid namespace name/);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops namespace: the spacing of the model namespace', () => {
  it('keeps a blank line before components: and resources: where the other namespaces have them', async () => {
    const repo = copyFixture('flux');
    for (const ns of readdirSync(join(repo, 'kubernetes/apps'))) {
      const model = join(repo, 'kubernetes/apps', ns, 'kustomization.yaml');
      writeFileSync(
        model,
        readFileSync(model, 'utf8')
          .replace('components:', '\ncomponents:')
          .replace('resources:', '\nresources:'),
      );
    }
    await homeops('namespace', '--dest', repo, '--name=media');
    expect(readFileSync(join(repo, 'kubernetes/apps/media/kustomization.yaml'), 'utf8')).toMatch(
      /namespace: media\n\ncomponents:\n {2}- \.\.\/\.\.\/components\/sops\n\nresources:\n/,
    );
  });
});

describe('homeops namespace on a flat repo (folders Flux takes in whole)', () => {
  const flat = () => copyFixture('shapes/flux-flat');

  it('adds only the folder and its Namespace, shaped like the siblings, once', async () => {
    const repo = flat();
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, '--name=games');
    expect(run.code, run.stderr).toBe(0);
    const files = snapshotFiles(repo);
    expect(changedFiles(before, files)).toEqual(['kubernetes/games/namespace.yaml']);
    expect(files['kubernetes/games/namespace.yaml']).toBe(
      before['kubernetes/tools/namespace.yaml']?.replace('name: tools', 'name: games'),
    );
    const again = await homeops('namespace', '--dest', repo, '--name=games');
    expect(again.stdout).toMatch(/^nothing to change: namespace games already exists/);
    expect(snapshotFiles(repo)).toEqual(files);
  });

  it('writes nothing for a namespace that has its folder', async () => {
    const repo = flat();
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, '--name=tools');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('namespace tools already exists in kubernetes/tools');
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

/** An app of the new namespace games in the prod cluster. */
const hello = [
  '--name=hello',
  '--namespace=games',
  '--cluster=prod',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
  '--route=none',
];

describe('homeops namespace where overlays list Namespace files of a base', () => {
  it('says a listed one exists, writing nothing', async () => {
    const repo = copyFixture('shapes/flux-overlays');
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, '--name=media', '--cluster=prod');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('namespace media already exists in kubernetes/apps/base/media');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('writes a new one as a base file like the others and lists it in the overlay, in its sorted group', async () => {
    const repo = copyFixture('shapes/flux-overlays');
    const run = await homeops('namespace', '--dest', repo, '--name=games', '--cluster=prod');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const media = readFileSync(join(repo, 'kubernetes/apps/base/media/namespace.yaml'), 'utf8');
    expect(readFileSync(join(repo, 'kubernetes/apps/base/games/namespace.yaml'), 'utf8')).toBe(
      media.replace('name: media', 'name: games'),
    );
    const prod = 'kubernetes/apps/overlays/prod/kustomization.yaml';
    expect(readFileSync(join(repo, prod), 'utf8')).toContain(
      '  - ../../base/external-secrets/external-secrets/ks.yaml\n  - ../../base/games/namespace.yaml\n  - ../../base/media/namespace.yaml\n',
    );
    const once = snapshotFiles(repo);
    const again = await homeops('namespace', '--dest', repo, '--name=games', '--cluster=prod');
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(once);
    // another cluster lists the same base file; the app goes in beside it
    await homeops('namespace', '--dest', repo, '--name=games', '--cluster=staging');
    const staging = readFileSync(
      join(repo, 'kubernetes/apps/overlays/staging/kustomization.yaml'),
      'utf8',
    );
    expect(staging).toContain('  - ../../base/games/namespace.yaml\n');
    const app = await homeops('app', '--dest', repo, '--yes', ...hello);
    expect(app.stderr).toBe('');
    expect(readFileSync(join(repo, prod), 'utf8')).toContain(
      '  - ../../base/games/namespace.yaml\n  - ../../base/games/hello/ks.yaml\n  - ../../base/media/namespace.yaml\n',
    );
    if (hasKubectl)
      expect(
        kustomize(join(repo, 'kubernetes/apps/overlays/prod'), [
          '--load-restrictor',
          'LoadRestrictionsNone',
        ]),
      ).toContain(
        'kind: Namespace\nmetadata:\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n  name: games\n',
      );
  });

  it('app --createNamespace writes the namespace and the app in one run, as the two commands would', async () => {
    const twoSteps = copyFixture('shapes/flux-overlays');
    await homeops('namespace', '--dest', twoSteps, '--name=games', '--cluster=prod');
    const stepwise = await homeops('app', '--dest', twoSteps, '--yes', ...hello);
    expect(stepwise.code, stepwise.stderr).toBe(0);
    const repo = copyFixture('shapes/flux-overlays');
    const run = await homeops('app', '--dest', repo, '--yes', ...hello, '--createNamespace=true');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('app hello in namespace games (new namespace)');
    expect(snapshotFiles(repo)).toEqual(snapshotFiles(twoSteps));
    const again = await homeops('app', '--dest', repo, '--yes', ...hello, '--createNamespace=true');
    expect(again.stdout).toMatch(/^nothing to change/);
  });

  it('refuses a new one without --createNamespace, naming both ways to add it', async () => {
    const repo = copyFixture('shapes/flux-overlays');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, '--yes', ...hello);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('games');
    expect(run.stderr).toMatch(/--createNamespace/);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops namespace lists the Namespace file as the siblings do', () => {
  it('without ./ where the other namespace folders list theirs without it (flux-per-cluster)', async () => {
    const repo = copyFixture('shapes/flux-per-cluster');
    const sibling = readFileSync(
      join(repo, 'kubernetes/edge/apps/default/kustomization.yaml'),
      'utf8',
    );
    expect(sibling).toContain('  - namespace.yaml\n');
    const run = await homeops('namespace', '--dest', repo, '--name=games', '--cluster=edge');
    expect(run.code, run.stderr).toBe(0);
    const written = readFileSync(
      join(repo, 'kubernetes/edge/apps/games/kustomization.yaml'),
      'utf8',
    );
    expect(written).toContain('resources:\n  - namespace.yaml\n');
    if (hasKubectl)
      expect(kustomize(join(repo, 'kubernetes/edge/apps/games'))).toContain('name: games');
  });
});
