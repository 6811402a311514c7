import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

const DEFAULT = 'kubernetes/apps/default';

describe('a folder of apps named after a namespace every cluster has', () => {
  it('takes a new app though it declares no Namespace and sets none', async () => {
    // `default` exists in every cluster: its folder lists its apps and nothing else
    const repo = copyFixture('flux');
    const list = join(repo, DEFAULT, 'kustomization.yaml');
    writeFileSync(
      list,
      readFileSync(list, 'utf8')
        .replace('namespace: default\n', '')
        .replace('  - ./namespace.yaml\n', ''),
    );
    rmSync(join(repo, DEFAULT, 'namespace.yaml'));
    const run = await addApp(
      repo,
      '--name=whoami',
      '--namespace=default',
      ...WHOAMI,
      '--route=none',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(join(repo, DEFAULT, 'whoami/ks.yaml'))).toBe(true);
    expect(readFileSync(list, 'utf8')).toContain('./whoami/ks.yaml');
    expect(existsSync(join(repo, DEFAULT, 'namespace.yaml'))).toBe(false);
  });
});
