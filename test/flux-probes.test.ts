import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { copyFixture, homeops } from './support/temp-repo.ts';

/**
 * app-template siblings whose readiness probe is a custom HTTP check of their own path (`/ping`
 * in one, `/status` in another; tautulli's liveness checks `/status`) on a port of their own, and
 * whose liveness probe is the chart's default with timings: a new app never checks a sibling's
 * path or port. With --healthPath its custom probes check that path on the app's port; without
 * one its probes are the chart's default, with the siblings' timings.
 */
/** Each app-template sibling's own health path (tautulli's liveness already checks `/status`). */
const paths: Record<string, string> = {
  'media/prowlarr': '/ping',
  'media/radarr': '/api/health',
  'media/sonarr': '/status',
  'selfhosted/actual': '/health',
  'selfhosted/ntfy': '/v1/health',
  'selfhosted/paperless': '/api/',
};

function reshapeSiblings(repo: string): void {
  for (const [app, path] of Object.entries(paths)) {
    const file = join(repo, 'kubernetes/apps', app, 'app/helm-release.yaml');
    const text = readFileSync(file, 'utf8');
    const probes = [
      '            probes:',
      '              liveness:',
      '                enabled: true',
      '                spec:',
      '                  periodSeconds: 30',
      '              readiness:',
      '                enabled: true',
      '                custom: true',
      '                spec:',
      '                  httpGet:',
      `                    path: ${path}`,
      '                    port: 8080',
      '                  periodSeconds: 10',
      '',
    ].join('\n');
    const next = text.replace(
      /^ {12}probes:\n {14}liveness:\n {16}enabled: true\n {14}readiness:\n {16}enabled: true\n/m,
      probes,
    );
    expect(next, file).not.toBe(text);
    writeFileSync(file, next);
  }
}

type Probe = { custom?: boolean; spec?: Record<string, unknown> };

async function probesOf(repo: string, flags: string[]): Promise<Record<string, Probe>> {
  const run = await homeops(
    'app',
    '--dest',
    repo,
    '--yes',
    '--name=hello',
    '--namespace=media',
    '--image=ghcr.io/traefik/whoami:v1.10.4',
    '--port=80',
    '--route=none',
    ...flags,
  );
  expect(run.code, run.stderr).toBe(0);
  const text = readFileSync(
    join(repo, 'kubernetes/apps/media/hello/app/helm-release.yaml'),
    'utf8',
  );
  const doc = parseDocument(text).toJS() as {
    spec: {
      values: {
        controllers: Record<
          string,
          { containers: Record<string, { probes: Record<string, Probe> }> }
        >;
      };
    };
  };
  const [controller] = Object.values(doc.spec.values.controllers);
  const [container] = Object.values(controller?.containers ?? {});
  return container?.probes ?? {};
}

const handlers = (p: Probe | undefined) =>
  Object.keys(p?.spec ?? {}).filter((k) => ['exec', 'httpGet', 'tcpSocket', 'grpc'].includes(k));

describe('app-template probes learned from siblings that check their own paths', () => {
  it('without --healthPath: the chart default probes with the siblings timings, no sibling path', async () => {
    const repo = copyFixture('shapes/flux-kebab');
    reshapeSiblings(repo);
    const probes = await probesOf(repo, []);
    expect(probes.readiness?.spec?.periodSeconds).toBe(10);
    expect(probes.liveness?.spec?.periodSeconds).toBe(30);
    for (const p of Object.values(probes)) {
      expect(p.custom).toBeUndefined();
      expect(handlers(p)).toEqual([]);
    }
  });

  it('with --healthPath: the custom probe checks the app its own path', async () => {
    const repo = copyFixture('shapes/flux-kebab');
    reshapeSiblings(repo);
    const probes = await probesOf(repo, ['--healthPath=/livez']);
    expect(probes.readiness?.custom).toBe(true);
    expect(probes.readiness?.spec?.httpGet).toEqual({ path: '/livez', port: 80 });
    // the liveness probe is the chart's default, as the siblings': no handler it would ignore
    expect(probes.liveness?.custom).toBeUndefined();
    expect(handlers(probes.liveness)).toEqual([]);
  });
});
