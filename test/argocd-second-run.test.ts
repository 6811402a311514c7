import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * A second `homeops app` over an app that exists changes nothing (same inputs) or is a conflict
 * naming the file (other inputs), as in the Flux layouts: never "nothing to change" while a file
 * of the first run that the new inputs would not write stays behind. Through the CLI, so that it
 * holds whatever the Argo CD generators are built on.
 */

const echo = ['--name=echo', '--image=ghcr.io/mendhak/http-https-echo:37', '--port=8080'];
const FIX =
  '  fix: run it with the inputs the app was made with, or remove the existing app first (homeops never overwrites an app)\nnothing was written\n';

async function secondRun(fixture: string, first: string[], second: string[]) {
  const repo = copyFixture(fixture);
  const made = await homeops('app', '--dest', repo, ...echo, ...first, '--yes');
  expect(made.stderr).toBe('');
  expect(made.code).toBe(0);
  const before = snapshotFiles(repo);
  const run = await homeops('app', '--dest', repo, ...echo, ...second, '--yes');
  expect(snapshotFiles(repo)).toEqual(before);
  return run;
}

describe('a second Argo CD app run with other inputs is a conflict naming the file', () => {
  const route = 'kubernetes/argocd/manifests/gateway/echo-route.yaml';
  const pvc = 'kubernetes/argocd/manifests/echo/pvc.yaml';

  it('argocd: --route=host, then --route=none: the route file would stay', async () => {
    const run = await secondRun('argocd', ['--route=host'], ['--route=none']);
    expect(run.stderr).toBe(
      `error: ${route}: --name: app echo already exists and differs from what these inputs generate: it has ${route}, which these inputs would not write\n${FIX}`,
    );
    expect(run.code).toBe(1);
  });

  it('argocd: --route=none, then --route=host: a route would be added to the app', async () => {
    const run = await secondRun('argocd', ['--route=none'], ['--route=host']);
    expect(run.stderr).toBe(
      `error: ${route}: --name: app echo already exists and differs from what these inputs generate: these inputs would add ${route}\n${FIX}`,
    );
    expect(run.code).toBe(1);
  });

  it('argocd: --storage=1Gi, then none: the PVC would stay', async () => {
    const run = await secondRun('argocd', ['--storage=1Gi'], ['--storage=none']);
    expect(run.stderr).toMatch(new RegExp(`it has ${pvc}, which these inputs would not write`));
    expect(run.code).toBe(1);
  });

  it('argocd-mise: --route=internal, then --route=none: the HTTPRoute would stay', async () => {
    const file = 'src/apps/services/echo/k8s/httproute.yaml';
    const run = await secondRun('argocd-mise', ['--route=internal'], ['--route=none']);
    expect(run.stderr).toBe(
      `error: ${file}: --name: app echo already exists and differs from what these inputs generate: it has ${file}, which these inputs would not write\n${FIX}`,
    );
    expect(run.code).toBe(1);
  });

  it.each([
    ['argocd', ['--route=host', '--storage=1Gi']],
    ['argocd', ['--route=none']],
    ['argocd-mise', ['--route=internal']],
  ])('%s %j twice: the second run changes nothing, and says so', async (fixture, flags) => {
    const run = await secondRun(fixture, flags, flags);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^nothing to change: app echo /);
    expect(run.code).toBe(0);
  });
});
