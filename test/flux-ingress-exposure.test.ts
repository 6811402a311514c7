import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

/**
 * A Flux repo without Gateway API: its apps are reached through app-template's own `ingress:`
 * values, with the classes of its two ingress-nginx controllers (shapes/flux-ingress).
 */
const app = (route: string, ...more: string[]) => [
  'app',
  '--yes',
  '--name=hello',
  '--namespace=selfhosted',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
  `--route=${route}`,
  ...more,
];

const release = (repo: string) =>
  readFileSync(join(repo, 'kubernetes/apps/selfhosted/hello/app/helm-release.yaml'), 'utf8');

describe('app --route in a repo whose apps are reached through chart ingress values', () => {
  it('writes an ingress of the internal class, in the siblings form, and no HTTPRoute', async () => {
    const repo = copyFixture('shapes/flux-ingress');
    const run = await homeops(...app('internal'), '--dest', repo);
    expect(run.code, run.stderr).toBe(0);
    const text = release(repo);
    expect(text).toContain(
      [
        '    ingress:',
        '      app:',
        '        className: internal',
        '        hosts:',
        '          - host: "{{ .Release.Name }}.${SECRET_DOMAIN}"',
        '            paths:',
        '              - path: /',
        '                service:',
        '                  identifier: app',
        '                  port: http',
      ].join('\n'),
    );
    expect(text).not.toContain('route:');
    // an internal app takes nothing of the external apps' way in
    expect(text).not.toContain('external-dns');
    expect(existsSync(join(repo, 'kubernetes/apps/selfhosted/hello/app/httproute.yaml'))).toBe(
      false,
    );
    if (hasKubectl) {
      const built = kustomize(join(repo, 'kubernetes/apps/selfhosted/hello/app'));
      expect(built).toContain('kind: HelmRelease');
    }
    const again = snapshotFiles(repo);
    const second = await homeops(...app('internal'), '--dest', repo);
    expect(second.code, second.stderr).toBe(0);
    expect(snapshotFiles(repo)).toEqual(again);
  });

  it('gives an external app the external class and what external siblings carry', async () => {
    const repo = copyFixture('shapes/flux-ingress');
    const run = await homeops(...app('external'), '--dest', repo);
    expect(run.code, run.stderr).toBe(0);
    const ingress = (parse(release(repo)) as { spec: { values: { ingress: unknown } } }).spec.values
      .ingress;
    expect(ingress).toEqual({
      app: {
        annotations: { 'external-dns.alpha.kubernetes.io/target': 'external.${SECRET_DOMAIN}' },
        className: 'external',
        hosts: [
          {
            host: '{{ .Release.Name }}.${SECRET_DOMAIN}',
            paths: [{ path: '/', service: { identifier: 'app', port: 'http' } }],
          },
        ],
      },
    });
  });

  it('takes a class the controllers declare, when no app uses it yet', async () => {
    const repo = copyFixture('shapes/flux-ingress');
    // every external app made internal: the external class is known from its controller alone
    for (const name of ['ntfy', 'actual', 'paperless']) {
      const file = join(repo, 'kubernetes/apps/selfhosted', name, 'app/helm-release.yaml');
      const text = readFileSync(file, 'utf8');
      expect(text).toContain('className: external');
      writeFileSync(file, text.replace('className: external', 'className: internal'));
    }
    const info = await homeops('info', '--dest', repo, '--json');
    expect(info.code, info.stderr).toBe(0);
    const named = (name: string) => ({ name, namespace: null, sectionName: null });
    expect(
      (JSON.parse(info.stdout) as { engines: { gateways: unknown }[] }).engines[0]?.gateways,
    ).toEqual({
      kind: 'ingress-class',
      internal: named('internal'),
      external: named('external'),
      all: [named('internal'), named('external')],
    });
    const run = await homeops(...app('external'), '--dest', repo);
    expect(run.code, run.stderr).toBe(0);
    expect(release(repo)).toContain('        className: external\n');
  });

  it('refuses a way in the repo does not have, naming the classes it has', async () => {
    const repo = copyFixture('shapes/flux-ingress');
    const before = snapshotFiles(repo);
    const run = await homeops(
      ...app('external'),
      '--dest',
      repo,
      '--chart=oci://ghcr.io/stefanprodan/charts/podinfo',
      '--chartVersion=6.9.0',
    );
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('--route');
    expect(run.stderr).toContain("app-template's ingress values");
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
