import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * The config file a git files generator reads (`apps/<app>/config.yaml`), where the siblings are
 * fewer than the learner's quorum: what all of them say (a sync policy) is the convention, and
 * with none to learn from the run says the file has only what the generator needs.
 * Found trying MacroPower/homelab.
 */
const FIXTURE = 'argocd-files-one';
const whoami = [
  '--yes',
  '--name=whoami',
  '--namespace=whoami',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
];

describe('homeops app: a files generator config learned from one or two siblings', () => {
  it('takes the keys of its only sibling config', async () => {
    const repo = copyFixture(FIXTURE);
    const run = await homeops('app', '--dest', repo, ...whoami);
    expect(run.code).toBe(0);
    expect(parse(readFileSync(join(repo, 'apps/whoami/config.yaml'), 'utf8'))).toEqual({
      syncPolicy: { automated: { selfHeal: true } },
    });
    expect(run.stdout).not.toContain('no sibling app has a config.yaml');
  });

  it('takes the keys two sibling configs agree on', async () => {
    const repo = copyFixture(FIXTURE);
    expect((await homeops('app', '--dest', repo, ...whoami)).code).toBe(0);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=podinfo',
      '--namespace=podinfo',
      '--image=ghcr.io/stefanprodan/podinfo:6.7.1',
      '--port=9898',
    );
    expect(run.code).toBe(0);
    expect(parse(readFileSync(join(repo, 'apps/podinfo/config.yaml'), 'utf8'))).toEqual({
      syncPolicy: { automated: { selfHeal: true } },
    });
  });

  it('says so where no sibling has a config to learn from', async () => {
    const repo = copyFixture(FIXTURE);
    rmSync(join(repo, 'apps/echo'), { recursive: true });
    const run = await homeops('app', '--dest', repo, ...whoami);
    expect(run.code).toBe(0);
    expect(parse(readFileSync(join(repo, 'apps/whoami/config.yaml'), 'utf8'))).toEqual({});
    expect(run.stdout + run.stderr).toContain(
      'apps/whoami/config.yaml has only what ApplicationSet apps needs to pick it up: no sibling app has a config.yaml to learn its other keys (a sync policy) from',
    );
  });
});
