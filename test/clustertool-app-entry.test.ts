/** An app must not take the name of a Kustomization that reconciles the repo (the flux-entry files). */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

const ENTRY = 'clusters/main/kubernetes/flux-entry.yaml';
const app = (name: string) => [
  `--name=${name}`,
  '--layer=apps',
  '--repository=truecharts',
  '--chart=x',
  '--chartVersion=1.0.0',
  '--yes',
];
const kustomization = (name: string, namespace: string) =>
  `---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n  namespace: ${namespace}\nspec:\n  interval: 10m\n  path: ./clusters/main/extras\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: cluster\n`;

describe('homeops app on clustertool: a Kustomization of the flux-entry files is not an app name', () => {
  const cases: [string, string][] = [
    ['flux-entry', ENTRY],
    ['flux-entry-repos', 'repositories/flux-entry.yaml'],
  ];
  it.each(cases)('refuses --name=%s, naming %s, writing nothing', async (name, file) => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...app(name));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}: --name: ${file} already defines the Flux Kustomization flux-system/${name}`,
    );
    expect(run.stderr).toContain('fix: choose another --name');
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses any other Kustomization a flux-entry file defines in flux-system, also under --dry-run', async () => {
    const repo = copyFixture('clustertool');
    appendFileSync(join(repo, ENTRY), kustomization('cluster-extras', 'flux-system'));
    const before = snapshotFiles(repo);
    for (const extra of [[], ['--dry-run']]) {
      const run = await homeops('app', '--dest', repo, ...app('cluster-extras'), ...extra);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `${ENTRY}: --name: ${ENTRY} already defines the Flux Kustomization flux-system/cluster-extras`,
      );
      expect(snapshotFiles(repo)).toEqual(before);
    }
  });

  it('takes a name the flux-entry files define only in another namespace', async () => {
    const repo = copyFixture('clustertool');
    appendFileSync(join(repo, ENTRY), kustomization('elsewhere', 'other-system'));
    const run = await homeops('app', '--dest', repo, ...app('elsewhere'));
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(snapshotFiles(repo)['clusters/main/kubernetes/apps/elsewhere/ks.yaml']).toContain(
      'name: elsewhere\n  namespace: flux-system\n',
    );
  });
});
