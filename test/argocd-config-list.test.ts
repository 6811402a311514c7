import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

/**
 * The files-generator shape, its selector written as an expression (`enabled In ["true"]`) and
 * each app's config as a list of one item, as the generator also reads them.
 */
function configsAsLists(): string {
  const repo = copyFixture('shapes/argocd-appset-files');
  const appSet = join(repo, 'argocd/appsets/cluster-apps.yaml');
  const text = readFileSync(appSet, 'utf8');
  const selector = '      selector:\n        matchLabels:\n          enabled: "true"\n';
  expect(text).toContain(selector);
  writeFileSync(
    appSet,
    text.replace(
      selector,
      '      selector:\n        matchExpressions:\n          - key: enabled\n            operator: In\n            values:\n              - "true"\n',
    ),
  );
  const configs = readdirSync(join(repo, 'cluster/apps'), { recursive: true })
    .map(String)
    .filter((f) => f.endsWith('/app-config.yaml'))
    .map((f) => `cluster/apps/${f}`);
  expect(configs.length).toBeGreaterThan(2);
  for (const file of configs) {
    const lines = readFileSync(join(repo, file), 'utf8')
      .replace(/^---\n/, '')
      .trimEnd()
      .split('\n');
    writeFileSync(
      join(repo, file),
      `${lines.map((l, i) => `${i ? '  ' : '- '}${l}`).join('\n')}\n`,
    );
  }
  return repo;
}

describe('a files-generator config the siblings write as a list of one, picked by an expression', () => {
  it('is written so, with the value the selector asks for and the keys the siblings share', async () => {
    const repo = configsAsLists();
    const run = await addApp(repo, '--name=whoami', '--group=media', ...WHOAMI, '--route=none');
    expect(run.code, run.stderr).toBe(0);
    const config = parse(
      readFileSync(join(repo, 'cluster/apps/media/whoami/app-config.yaml'), 'utf8'),
    );
    expect(Array.isArray(config)).toBe(true);
    expect(config).toHaveLength(1);
    expect(config[0]).toMatchObject({ enabled: 'true', namespace: 'media' });
    expect(config[0]).toHaveProperty('syncWave');
  });
});
