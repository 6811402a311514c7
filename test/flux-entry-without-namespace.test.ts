import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

const APPS = 'kubernetes/apps';

/**
 * The bundled Flux shape, its entries setting no targetNamespace and its namespace folders no
 * namespace: where an app runs is the namespace its own manifests say (as in repos whose
 * HelmReleases name theirs).
 */
function entriesWithoutNamespace(): string {
  const repo = copyFixture('flux');
  for (const ns of readdirSync(join(repo, APPS), { withFileTypes: true })) {
    if (!ns.isDirectory()) continue;
    const list = join(repo, APPS, ns.name, 'kustomization.yaml');
    writeFileSync(list, readFileSync(list, 'utf8').replace(/^namespace: .*\n/m, ''));
    for (const app of readdirSync(join(repo, APPS, ns.name), { withFileTypes: true })) {
      if (!app.isDirectory()) continue;
      const ks = join(repo, APPS, ns.name, app.name, 'ks.yaml');
      writeFileSync(ks, readFileSync(ks, 'utf8').replace(/^ {2}targetNamespace: .*\n/m, ''));
    }
  }
  return repo;
}

describe('the path of a new entry whose siblings set no namespace', () => {
  it("is the app folder under its namespace's folder, as the siblings' paths are", async () => {
    const repo = entriesWithoutNamespace();
    expect(readFileSync(join(repo, APPS, 'default/echo/ks.yaml'), 'utf8')).not.toContain(
      'targetNamespace',
    );
    const run = await addApp(
      repo,
      '--name=whoami',
      '--namespace=default',
      ...WHOAMI,
      '--route=none',
    );
    expect(run.code, run.stderr).toBe(0);
    const ks = parse(readFileSync(join(repo, APPS, 'default/whoami/ks.yaml'), 'utf8'));
    expect(ks.spec.path).toBe('./kubernetes/apps/default/whoami/app');
  });
});
