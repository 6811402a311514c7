import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';
import { info } from './info/info-support.ts';

/**
 * An ApplicationSet whose apps are written in KCL (`main.k`, `kcl.mod`, rendered by a plugin),
 * with no YAML manifests: homeops writes YAML, so `homeops app` refuses, naming the
 * ApplicationSet and the language, and `homeops info` says so instead of offering groups.
 * Found trying MacroPower/homelab.
 */
const FIXTURE = 'argocd-kcl-apps';
const app = ['--name=mealie', '--namespace=mealie', '--image=ghcr.io/mealie-recipes/mealie:v2.8.0'];

describe('homeops app where the ApplicationSet picks up apps written in KCL', () => {
  it('refuses, naming the ApplicationSet and the language, and writes nothing', async () => {
    const repo = copyFixture(FIXTURE);
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...app,
      '--port=9000',
      '--group=media',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'ApplicationSet workloads (bootstrap/workloads.yaml, workloads/*/*/*) picks up apps written in KCL',
    );
    expect(run.stderr).toContain('not YAML manifests');
    // the pattern's last level is the cluster (destination.name from path.basename): the app is its parent
    expect(run.stderr).toContain(
      'fix: write the app by hand in KCL, following a sibling (workloads/media/jellyfin)',
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses without --group too, before asking which group', async () => {
    const repo = copyFixture(FIXTURE);
    const run = await homeops('app', '--dest', repo, '--yes', ...app, '--port=9000');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('picks up apps written in KCL');
  });

  it('names a config-management plugin where the sources are in no language it knows', async () => {
    const repo = copyFixture(FIXTURE);
    const set = join(repo, 'bootstrap/workloads.yaml');
    const { readFileSync } = await import('node:fs');
    writeFileSync(
      set,
      readFileSync(set, 'utf8').replace(
        '        path: "{{.path.path}}"\n',
        '        path: "{{.path.path}}"\n        plugin:\n          name: render-lab\n',
      ),
    );
    for (const dir of ['workloads/media/jellyfin/home', 'workloads/tools/linkding/home']) {
      const { rmSync } = await import('node:fs');
      rmSync(join(repo, dir, 'main.k'));
      rmSync(join(repo, dir, 'kcl.mod'));
      writeFileSync(join(repo, dir, 'app.star'), 'app(name = "x")\n');
    }
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...app,
      '--port=9000',
      '--group=media',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'picks up apps written in the config-management plugin render-lab (app.star',
    );
  });
});

describe('homeops info where the ApplicationSet picks up apps written in KCL', () => {
  it('says what the apps are written in, lists no groups and offers no homeops app', async () => {
    const { model, text } = await info(join(import.meta.dirname, 'fixtures', FIXTURE));
    expect(text).toContain('of apps written in KCL (kcl.mod, main.k), not YAML manifests');
    expect(text).toContain('homeops app cannot write them');
    expect(model.engines[0]?.clusters[0]?.groups).toEqual([]);
    expect(model.engines[0]?.apps?.writtenIn?.language).toBe('KCL');
    expect(model.commands.some((c) => c.command.startsWith('homeops app'))).toBe(false);
    expect(model.commands.map((c) => c.command)).toContain(
      'cp -r workloads/media/jellyfin workloads/media/<app>',
    );
  });
});
