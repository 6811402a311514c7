import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { SHAPES } from './support/shape-fixtures.ts';
import { homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * `homeops namespace` in Argo CD repos read from their objects: a namespace comes with its apps
 * there, so an existing one is reported (nothing to change) and a new one is refused with the way
 * this repo gets namespaces and the command that adds its first app. Nothing is written.
 */
const cases = [
  {
    fixture: 'argocd-appset-files',
    how: "a namespace is the namespace key of an app's app-config.yaml; Argo CD creates it when the first app syncs",
    fix: 'homeops app --namespace=brandnew',
  },
  {
    fixture: 'argocd-appset-namespace-segment',
    how: 'a namespace is a folder level of apps/home/*/* in ApplicationSet home',
    fix: 'homeops app --namespace=brandnew',
  },
  {
    fixture: 'argocd-appset-dirs',
    how: 'runs each app in a namespace of its own name; each app folder holds its own Namespace',
    fix: 'homeops app --name=brandnew',
  },
  {
    fixture: 'argocd-app-of-apps-two-sources',
    how: 'each Application names its namespace',
    fix: 'homeops app --namespace=brandnew',
  },
];

describe.each(cases)('homeops namespace in $fixture', ({ fixture, how, fix }) => {
  it('says how this repo gets a new namespace, names the command, and writes nothing', async () => {
    const repo = join(SHAPES, fixture);
    const before = snapshotFiles(repo);
    const run = await homeops('namespace', '--dest', repo, '--name=brandnew');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`--name: there is no namespace file to write in this repo: `);
    expect(run.stderr).toContain(how);
    expect(run.stderr).toContain(`instead: ${fix} ...`);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops namespace for one the apps run in already', () => {
  it.each(['argocd-appset-files', 'argocd-app-of-apps-two-sources'])(
    '%s: nothing to change',
    async (fixture) => {
      const run = await homeops('namespace', '--dest', join(SHAPES, fixture), '--name=media');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(
        'nothing to change: namespace media already exists (its apps run there)\n',
      );
    },
  );
});
