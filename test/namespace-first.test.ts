import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

/** The bundled Flux shape, where the two apps of `default` sync every 30m and all others every 1h. */
function defaultSyncsFaster(): string {
  const repo = copyFixture('flux');
  for (const app of ['echo', 'homepage']) {
    const ks = join(repo, 'kubernetes/apps/default', app, 'ks.yaml');
    writeFileSync(ks, readFileSync(ks, 'utf8').replace('interval: 1h', 'interval: 30m'));
  }
  return repo;
}

async function intervalOf(repo: string, namespace: string): Promise<unknown> {
  const run = await addApp(
    repo,
    '--name=whoami',
    `--namespace=${namespace}`,
    ...WHOAMI,
    '--route=none',
  );
  expect(run.code, run.stderr).toBe(0);
  const ks = readFileSync(join(repo, 'kubernetes/apps', namespace, 'whoami/ks.yaml'), 'utf8');
  return (parse(ks) as { spec: { interval: unknown } }).spec.interval;
}

describe('a value learned from the siblings', () => {
  it("is the new app's namespace's where most of its apps agree", async () => {
    expect(await intervalOf(defaultSyncsFaster(), 'default')).toBe('30m');
  });

  it("is the repo's majority in a namespace whose apps say otherwise than it", async () => {
    expect(await intervalOf(defaultSyncsFaster(), 'network')).toBe('1h');
  });
});
