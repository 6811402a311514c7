import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * The shared `app` vocabulary in the ClusterTool layout: --namespace, --route and --group mean
 * what they mean in a Flux repo, or are refused naming what this repo has.
 */
const whoami = [
  '--name=whoami',
  '--repository=bjw-s',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
];

describe('homeops app on clustertool, in the words of every layout', () => {
  it('takes --route=internal, --group and --namespace=<the app> as --ingress=internal and --layer', async () => {
    const own = copyFixture('clustertool');
    await homeops('app', '--dest', own, '--yes', ...whoami, '--ingress=internal', '--layer=apps');
    const shared = copyFixture('clustertool');
    const run = await homeops(
      'app',
      '--dest',
      shared,
      '--yes',
      ...whoami,
      '--route=internal',
      '--group=apps',
      '--namespace=whoami',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(snapshotFiles(shared)).toEqual(snapshotFiles(own));
  });

  it.each([
    [
      'a namespace other than the app',
      ['--namespace=media'],
      'error: --namespace: in this repo every app has a namespace of its own, named after the app (its app/namespace.yaml): whoami, not media\n  fix: leave --namespace out, or pass --namespace=whoami',
    ],
    [
      'a route to an ingress class the repo does not have',
      ['--route=external'],
      'error: --route: this repo has no external ingress class (it has internal)\n  fix: use --route=internal or --ingress=<class>',
    ],
    [
      '--route and --ingress that disagree',
      ['--route=internal', '--ingress=none'],
      'error: --ingress: --route=internal means the ingress class internal, not none\n  fix: give one of --route and --ingress',
    ],
  ])('refuses %s, naming what the repo has, and writes nothing', async (_what, flags, message) => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, '--yes', ...whoami, ...flags);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(message);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
