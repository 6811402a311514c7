import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { copyFixture, homeops, kustomize } from './support/temp-repo.ts';

/**
 * Plain-manifest siblings that agree on a probe's timings but not on its handler, on a `/tmp`
 * mount but not on its volume, and that each run their own command: counting key by key must
 * still give a pod the API server takes (every probe with a handler, every mount with its volume,
 * one volume per name) and no empty `command: []` or `env: []`.
 */
const apps = ['cyberchef', 'echo', 'it-tools', 'uptime-kuma'];
const handlers = [
  { tcpSocket: { port: 'http' } },
  { exec: { command: ['true'] } },
  { httpGet: { path: '/healthz', port: 'http' } },
  { grpc: { port: 9000 } },
];
const tmpVolumes = [
  { emptyDir: {} },
  { emptyDir: { medium: 'Memory' } },
  { emptyDir: { sizeLimit: '1Gi' } },
];

function reshapeSiblings(repo: string): void {
  apps.forEach((app, i) => {
    const file = join(repo, 'kubernetes/apps', app, 'deployment.yaml');
    const doc = parseDocument(readFileSync(file, 'utf8'));
    const container = ['spec', 'template', 'spec', 'containers', 0];
    doc.setIn(
      [...container, 'livenessProbe'],
      doc.createNode({ ...handlers[i], periodSeconds: 30 }),
    );
    doc.setIn([...container, 'command'], doc.createNode([`/opt/start-${i}.sh`]));
    doc.setIn([...container, 'env'], doc.createNode([{ name: `MODE_${i}`, value: 'on' }]));
    const tmp = tmpVolumes[i];
    if (tmp) {
      const pod = ['spec', 'template', 'spec'];
      const add = (path: (string | number)[], item: object) => {
        const had = doc.getIn(path) as { toJSON(): unknown[] } | undefined;
        doc.setIn(path, doc.createNode([...(had?.toJSON() ?? []), item]));
      };
      add([...container, 'volumeMounts'], { name: 'tmp', mountPath: '/tmp' });
      add([...pod, 'volumes'], { name: 'tmp', ...tmp });
    }
    writeFileSync(file, doc.toString());
  });
}

interface Container {
  command?: unknown[];
  env?: unknown[];
  volumeMounts?: { name: string }[];
  [probe: string]: unknown;
}

describe('app in an Argo CD repo of plain Deployments whose siblings disagree', () => {
  it('writes a pod the API server takes: probes with a handler, mounts with their volume', async () => {
    const repo = copyFixture('shapes/argocd-plain-kustomize');
    reshapeSiblings(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=hello',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--route=none',
      '--storage=1Gi',
    );
    expect(run.code, run.stderr).toBe(0);
    const text = readFileSync(join(repo, 'kubernetes/apps/hello/deployment.yaml'), 'utf8');
    const pod = (parseDocument(text).toJS() as { spec: { template: { spec: unknown } } }).spec
      .template.spec as { containers: Container[]; volumes?: { name: string }[] };
    const volumes = (pod.volumes ?? []).map((v) => v.name);
    expect(new Set(volumes).size, text).toBe(volumes.length);
    for (const c of pod.containers) {
      for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
        const p = c[probe] as Record<string, unknown> | undefined;
        if (!p) continue;
        const found = ['exec', 'httpGet', 'tcpSocket', 'grpc'].filter((h) => h in p);
        expect(found, `${probe} in\n${text}`).toHaveLength(1);
      }
      for (const m of c.volumeMounts ?? []) expect(volumes, text).toContain(m.name);
      expect(c.command, text).toBeUndefined();
      expect(c.env, text).toBeUndefined();
    }
    // its claim, mounted where --storage says
    expect(text).toMatch(/claimName: hello/);
    expect(kustomize(join(repo, 'kubernetes/apps/hello'))).toContain('kind: Deployment');
  });
});
