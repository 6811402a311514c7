import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * An ApplicationSet whose Applications are made in an AppProject that lists its destinations
 * one namespace at a time: Argo CD refuses to sync an app to a namespace its project does not
 * list, so a new app adds its namespace there, written as the project's other destinations are.
 */
const project = (namespaces: readonly string[]) => `---
apiVersion: argoproj.io/v1alpha1
kind: AppProject
metadata:
  name: lab
  namespace: argocd
spec:
  sourceRepos:
    - 'https://github.com/example/lab'
  destinations:
${namespaces.map((ns) => `    - namespace: '${ns}'\n      server: 'https://kubernetes.default.svc'`).join('\n')}
`;

function useProject(repo: string, namespaces: readonly string[]): string {
  const appset = join(repo, 'kubernetes/argocd/appsets/apps.yaml');
  const text = readFileSync(appset, 'utf8');
  expect(text).toContain('      project: default\n');
  writeFileSync(appset, text.replace('      project: default\n', '      project: lab\n'));
  mkdirSync(join(repo, 'kubernetes/argocd/projects'));
  const file = join(repo, 'kubernetes/argocd/projects/lab.yaml');
  writeFileSync(file, project(namespaces));
  return file;
}

const addApp = (repo: string) =>
  homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--name=hello',
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
  );

describe("app in an ApplicationSet repo whose AppProject lists its apps' namespaces", () => {
  it('adds the new namespace to the project, quoted as the others, once', async () => {
    const repo = copyFixture('shapes/argocd-plain-kustomize');
    const file = useProject(repo, ['cyberchef', 'echo', 'it-tools', 'uptime-kuma']);
    const run = await addApp(repo);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      project(['cyberchef', 'echo', 'it-tools', 'uptime-kuma', 'hello']),
    );
    expect(run.stdout).toContain('the AppProject lab now lets apps deploy to namespace hello');
    const before = snapshotFiles(repo);
    const again = await addApp(repo);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it("copies the last destination's keys, not its anchor nor its comment", async () => {
    const repo = copyFixture('shapes/argocd-plain-kustomize');
    const file = useProject(repo, ['cyberchef', 'echo', 'it-tools', 'uptime-kuma']);
    const text = readFileSync(file, 'utf8');
    const marked = text.replace(
      "    - namespace: 'uptime-kuma'\n      server: 'https://kubernetes.default.svc'\n",
      "    - namespace: 'uptime-kuma' # the status page\n      server: &server 'https://kubernetes.default.svc'\n",
    );
    expect(marked).not.toBe(text);
    writeFileSync(file, marked);
    const run = await addApp(repo);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(
      `${marked}    - namespace: 'hello'\n      server: 'https://kubernetes.default.svc'\n`,
    );
  });

  it('leaves a project alone that allows the namespace already (a wildcard)', async () => {
    const repo = copyFixture('shapes/argocd-plain-kustomize');
    const file = useProject(repo, ['*']);
    const run = await addApp(repo);
    expect(run.code, run.stderr).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(project(['*']));
  });
});
