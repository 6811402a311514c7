import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

/** The ApplicationSet-of-folders shape, its siblings' claims written without an access mode. */
function claimsWithoutAccessMode(): string {
  const repo = copyFixture('shapes/argocd-appset-dirs');
  let edited = 0;
  for (const group of readdirSync(join(repo, 'my-apps')))
    for (const app of readdirSync(join(repo, 'my-apps', group))) {
      const file = join(repo, 'my-apps', group, app, 'values.yaml');
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (!text.includes('accessMode:')) continue;
      writeFileSync(file, text.replace(/^ +accessMode: .*\n/m, ''));
      edited++;
    }
  expect(edited).toBeGreaterThan(2);
  return repo;
}

describe('a claim the chart makes for a new app', () => {
  it('has its access mode though the siblings write none', async () => {
    const repo = claimsWithoutAccessMode();
    const run = await addApp(repo, '--name=notes', '--group=tools', ...WHOAMI, '--storage=1Gi');
    expect(run.code, run.stderr).toBe(0);
    const values = parse(readFileSync(join(repo, 'my-apps/tools/notes/values.yaml'), 'utf8'));
    const claims = Object.values(values.persistence as Record<string, { size?: string }>);
    expect(claims.find((c) => c.size === '1Gi')).toMatchObject({ accessMode: 'ReadWriteOnce' });
  });
});
