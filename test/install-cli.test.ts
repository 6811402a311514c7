import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, ROOT } from './support/temp-repo.ts';

const version = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

/** The built bin run in `cwd` (not the repo root), without a terminal. */
function binIn(cwd: string, args: string[]) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GIT_CEILING_DIRECTORIES: join(cwd, '../../../..'),
  };
  delete env.NODE_OPTIONS;
  const run = spawnSync(process.execPath, [join(ROOT, 'bin/homeops.mjs'), ...args], {
    cwd,
    env,
    encoding: 'utf8',
  });
  return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

describe('homeops as an installed command', () => {
  it('--version prints the package version', async () => {
    expect(await homeops('--version')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
  });

  it('says which generator a mistyped name meant', async () => {
    const run = await homeops('ap', '--name=x');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unknown generator "ap"; did you mean "app"?');
    expect((await homeops('deploy')).stderr).not.toContain('did you mean');
  });

  it.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))(
    'run from a subfolder of a git repo, writes at its root; --dest still wins',
    () => {
      const repo = copyFixture('flux-operator');
      mkdirSync(join(repo, '.git'));
      const sub = join(repo, 'kubernetes/apps/network');
      const whoami = [
        '--yes',
        '--name=whoami',
        '--image=ghcr.io/traefik/whoami:v1.10.4',
        '--port=80',
      ];
      const run = binIn(sub, ['app', ...whoami]);
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain('created  kubernetes/apps/default/whoami/ks.yaml');
      expect(existsSync(join(repo, 'kubernetes/apps/default/whoami/app/helmrelease.yaml'))).toBe(
        true,
      );
      // --dest names the repo as given, even inside another one
      const other = copyFixture('flux-operator');
      const dest = binIn(sub, ['app', '--dest', other, ...whoami]);
      expect(dest.code).toBe(0);
      expect(existsSync(join(other, 'kubernetes/apps/default/whoami/ks.yaml'))).toBe(true);
    },
  );
});
