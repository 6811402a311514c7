import { cpSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changedFiles, expectGolden } from './support/golden.ts';
import {
  copyFixture,
  hasKubectl,
  homeops,
  kustomize,
  ROOT,
  snapshotFiles,
} from './support/temp-repo.ts';

const K = 'clusters/main/kubernetes';
const addedLines = (before: string, after: string) =>
  after.split('\n').filter((l) => !before.split('\n').includes(l));

/** The clustertool fixture with External Secrets' 1Password store (SDK provider, vault kubernetes). */
function repoWithStore(): string {
  const repo = copyFixture('clustertool');
  const dir = join(repo, K, 'system/external-secrets/app');
  mkdirSync(dir, { recursive: true });
  cpSync(
    join(
      ROOT,
      'test/fixtures/flux-operator/kubernetes/apps/external-secrets/onepassword/app/clustersecretstore.yaml',
    ),
    join(dir, 'cluster-secret-store.yaml'),
  );
  return repo;
}

describe('homeops secret on the clustertool layout', () => {
  it('writes an ExternalSecret in the app namespace (golden), lists it last, wires the TrueCharts container', async () => {
    const repo = repoWithStore();
    const before = snapshotFiles(repo);
    const args = [
      'secret',
      '--dest',
      repo,
      '--app=sonarr',
      '--item=sonarr',
      '--fields=api key',
      '--source=offline',
    ];
    const run = await homeops(...args);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    const app = `${K}/apps/sonarr/app`;
    expect(changedFiles(before, after)).toEqual([
      `${app}/external-secret.yaml`,
      `${app}/helm-release.yaml`,
      `${app}/kustomization.yaml`,
    ]);
    expectGolden(after[`${app}/external-secret.yaml`], 'clustertool/secret/external-secret.yaml');
    expect(
      addedLines(before[`${app}/kustomization.yaml`]!, after[`${app}/kustomization.yaml`]!),
    ).toEqual(['  - ./external-secret.yaml']);
    expect(
      after[`${app}/helm-release.yaml`]!.slice(before[`${app}/helm-release.yaml`]!.length),
    ).toBe(
      [
        '    workload:',
        '      main:',
        '        podSpec:',
        '          containers:',
        '            main:',
        '              envFrom:',
        '                - secretRef:',
        '                    name: sonarr-secret',
        '',
      ].join('\n'),
    );
    if (hasKubectl)
      expect(kustomize(join(repo, app))).toMatch(
        /kind: ExternalSecret\nmetadata:\n {2}name: sonarr\n {2}namespace: sonarr/,
      );
    const again = await homeops(...args);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(after);
  });

  it("adds to a container's existing envFrom (plex keeps its SOPS secret) and to app-template's container", async () => {
    const repo = repoWithStore();
    const before = snapshotFiles(repo);
    expect(
      (
        await homeops(
          'secret',
          '--dest',
          repo,
          '--app=plex',
          '--item=plex',
          '--fields=*',
          '--source=offline',
        )
      ).code,
    ).toBe(0);
    expect(
      (
        await homeops(
          'secret',
          '--dest',
          repo,
          '--app=it-tools',
          '--item=it-tools',
          '--fields=token',
          '--source=offline',
        )
      ).code,
    ).toBe(0);
    const after = snapshotFiles(repo);
    const plex = `${K}/apps/plex/app/helm-release.yaml`;
    const plexSecret = '                    name: plex-secrets\n';
    expect(after[plex]).toBe(
      before[plex]!.replace(
        plexSecret,
        `${plexSecret}                - secretRef:\n                    name: plex-secret\n`,
      ),
    );
    expect(after[`${K}/apps/plex/app/kustomization.yaml`]).toMatch(
      /- \.\/plex\.secret\.yaml\n {2}- \.\/external-secret\.yaml\n$/,
    );
    const itTools = `${K}/apps/it-tools/app/helm-release.yaml`;
    expect(addedLines(before[itTools]!, after[itTools]!)).toEqual([
      '            envFrom:',
      '              - secretRef:',
      '                  name: it-tools-secret',
    ]);
  });

  it('refuses without a 1Password ClusterSecretStore, naming both ways out, and writes nothing', async () => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=sonarr',
      '--item=sonarr',
      '--fields=token',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /--store: this repo has no 1Password ClusterSecretStore under clusters\/main\/kubernetes/,
    );
    expect(run.stderr).toMatch(
      /fix: either add External Secrets with a ClusterSecretStore[\s\S]*sops --encrypt --in-place/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses an unknown app and names a reference cannot hold, writing nothing', async () => {
    const repo = repoWithStore();
    const before = snapshotFiles(repo);
    const unknown = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=nope',
      '--item=x',
      '--fields=a',
      '--source=offline',
    );
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/--app: "nope" is not one of it-tools, plex, sonarr, blocky/);
    const bad = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=sonarr',
      '--item=db (prod)',
      '--fields=password',
      '--source=offline',
    );
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/--item: 1Password item name "db \(prod\)" contains characters/);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
