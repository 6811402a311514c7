import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { addApp, WHOAMI } from './support/add-app.ts';
import { copyFixture } from './support/temp-repo.ts';

const APPS = 'kubernetes/apps/selfhosted';

/** Every document of the files an app folder holds, by kind. */
function kinds(dir: string): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const file of readdirSync(dir))
    for (const doc of parseAllDocuments(readFileSync(join(dir, file), 'utf8'))) {
      const data = doc.toJS() as Record<string, unknown> | null;
      if (data && typeof data.kind === 'string') out.set(data.kind, data);
    }
  return out;
}

const chartApp = (repo: string, ...extra: string[]) =>
  addApp(
    repo,
    '--name=podinfo',
    '--namespace=selfhosted',
    '--chart=oci://ghcr.io/stefanprodan/charts/podinfo',
    '--chartVersion=6.7.1',
    '--route=internal',
    ...extra,
  );

describe('a chart app (not app-template) with a route', () => {
  it("gets an HTTPRoute to the chart's port, its host the siblings' form without Helm's release name", async () => {
    // the siblings name their hosts "{{ .Release.Name }}.${SECRET_DOMAIN}" in app-template's values
    const repo = copyFixture('shapes/flux-kebab');
    const run = await chartApp(repo, '--port=9898');
    expect(run.code, run.stderr).toBe(0);
    const route = kinds(join(repo, APPS, 'podinfo/app')).get('HTTPRoute') as {
      spec: { hostnames: string[]; rules: { backendRefs: { name: string; port: number }[] }[] };
    };
    expect(route.spec.hostnames).toEqual(['podinfo.${SECRET_DOMAIN}']);
    expect(route.spec.rules[0]?.backendRefs).toEqual([{ name: 'podinfo', port: 9898 }]);
  });

  it('is refused without the port its route leads to, naming --port', async () => {
    const repo = copyFixture('shapes/flux-kebab');
    const run = await chartApp(repo);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--port');
    expect(run.stderr).not.toContain('bug in homeops');
  });
});

/** flux-kebab with every host named otherwise than its app (site-1...), under one domain. */
function literalHosts(): string {
  const repo = copyFixture('shapes/flux-kebab');
  let n = 0;
  for (const ns of ['selfhosted', 'media'])
    for (const app of readdirSync(join(repo, 'kubernetes/apps', ns), { withFileTypes: true })) {
      const file = join(repo, 'kubernetes/apps', ns, app.name, 'app/helm-release.yaml');
      if (!app.isDirectory()) continue;
      const text = readFileSync(file, 'utf8');
      writeFileSync(
        file,
        text.replace('"{{ .Release.Name }}.${SECRET_DOMAIN}"', `site-${++n}.home.example.net`),
      );
    }
  expect(n).toBeGreaterThan(3);
  return repo;
}

describe('the default hostname', () => {
  it("is the app's name under the domain the siblings' hosts share, where none is named after its app", async () => {
    const repo = literalHosts();
    const run = await addApp(
      repo,
      '--name=whoami',
      '--namespace=selfhosted',
      ...WHOAMI,
      '--route=internal',
    );
    expect(run.code, run.stderr).toBe(0);
    const hr = parse(readFileSync(join(repo, APPS, 'whoami/app/helm-release.yaml'), 'utf8'));
    const hosts = Object.values(hr.spec.values.route as Record<string, { hostnames: string[] }>);
    expect(hosts.map((r) => r.hostnames)).toEqual([['whoami.home.example.net']]);
  });
});
