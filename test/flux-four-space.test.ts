import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  copyFixture,
  hasKubectl,
  homeops,
  kustomize,
  ROOT,
  snapshotFiles,
} from './support/temp-repo.ts';

/**
 * test/fixtures/flux-four-space: entries named install.yaml, kebab-case files, four-space
 * indentation, a PersistentVolumeClaim file per app named <app>-data and mounted at /data. An
 * app taken out and made again from its own inputs comes back byte for byte.
 */
const FIXTURE = join(ROOT, 'test/fixtures/flux-four-space');
const APP = 'k8s/apps/home/grocy';
const LIST = 'k8s/apps/home/kustomization.yaml';

describe('an app of a four-space, kebab-case repo, taken out and made again', () => {
  it('comes back byte for byte: indentation, file names, claim name, mount path', async () => {
    const repo = copyFixture('flux-four-space');
    const original = snapshotFiles(join(FIXTURE, APP));
    rmSync(join(repo, APP), { recursive: true });
    const list = readFileSync(join(repo, LIST), 'utf8');
    writeFileSync(join(repo, LIST), list.replace('    - grocy/install.yaml\n', ''));
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=grocy',
      '--namespace=home',
      '--image=lscr.io/linuxserver/grocy:4.4.2',
      '--port=80',
      '--route=internal',
      '--storage=2Gi',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(snapshotFiles(join(repo, APP))).toEqual(original);
    // the list keeps its order (it is not sorted): the line comes back last, in its indentation
    expect(readFileSync(join(repo, LIST), 'utf8')).toMatch(
      /\n {4}- wallos\/install\.yaml\n {4}- grocy\/install\.yaml\n$/,
    );
    if (hasKubectl) expect(kustomize(join(repo, APP, 'app'))).toContain('name: grocy-data');
  });
});
