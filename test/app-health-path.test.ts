import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, homeops } from './support/temp-repo.ts';

/** Every `probes:` block taken out of the fixture's YAML files under `under`. */
function withoutProbes(fixture: string, under: string): string {
  const repo = copyFixture(fixture);
  const root = join(repo, under);
  for (const file of readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const path = join(root, file);
    if (!file.endsWith('.yaml') || !statSync(path).isFile()) continue;
    const out: string[] = [];
    let cut: number | undefined;
    // anchors the probes set (`port: &port 8080`): their aliases elsewhere get the value
    const anchored = new Map<string, string>();
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      const indent = line.length - line.trimStart().length;
      if (cut !== undefined && (line.trim() === '' || indent > cut)) {
        for (const m of line.matchAll(/&([\w-]+) (\S+)/g)) anchored.set(m[1] ?? '', m[2] ?? '');
        continue;
      }
      cut = undefined;
      if (/^\s*probes:\s*$/.test(line)) {
        cut = indent;
        continue;
      }
      out.push(line);
    }
    writeFileSync(
      path,
      out.join('\n').replace(/\*([\w-]+)/g, (alias, name: string) => anchored.get(name) ?? alias),
    );
  }
  return repo;
}

interface Probe {
  custom?: boolean;
  spec?: { httpGet?: { path?: string } };
}
interface Values {
  controllers: Record<string, { containers: { app: { probes: Record<string, Probe> } } }>;
}

const probesOf = (values: Values): Probe[] =>
  Object.values(Object.values(values.controllers)[0]?.containers.app.probes ?? {});

/**
 * A health path the user gives is checked, though most siblings write no probes: the probe that
 * checks it is custom, so that app-template reads its httpGet.
 */
describe('--healthPath where the siblings have no probes', () => {
  it('Flux: the HelmRelease has a custom probe on the path', async () => {
    const repo = withoutProbes('shapes/flux-kebab', 'kubernetes/apps');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=lidarr',
      '--namespace=media',
      '--image=ghcr.io/home-operations/lidarr:2.9.6',
      '--port=8686',
      '--route=none',
      '--healthPath=/ping',
    );
    expect(run.code, run.stderr).toBe(0);
    const hr = parse(
      readFileSync(join(repo, 'kubernetes/apps/media/lidarr/app/helm-release.yaml'), 'utf8'),
    );
    const checking = probesOf(hr.spec.values as Values).filter(
      (p) => p.spec?.httpGet?.path === '/ping',
    );
    expect(checking.length).toBeGreaterThan(0);
    for (const p of checking) expect(p.custom).toBe(true);
  });

  it('Argo CD: the values have a custom probe on the path', async () => {
    const repo = withoutProbes('shapes/argocd-appset-namespace-segment', 'apps');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=whoami',
      '--namespace=media',
      '--image=ghcr.io/traefik/whoami:v1.11.0',
      '--port=8080',
      '--route=none',
      '--healthPath=/health',
    );
    expect(run.code, run.stderr).toBe(0);
    const values = parse(readFileSync(join(repo, 'apps/home/media/whoami/values.yaml'), 'utf8'));
    const checking = probesOf(values as Values).filter((p) => p.spec?.httpGet?.path === '/health');
    expect(checking.length).toBeGreaterThan(0);
    for (const p of checking) expect(p.custom).toBe(true);
  });
});
