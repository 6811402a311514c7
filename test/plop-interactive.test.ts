import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PtySession } from './support/pty-session.ts';
import { copyFixture, ROOT } from './support/temp-repo.ts';

const DOWN = '\u001b[B';

describe('npx plop app, answered at a real terminal', () => {
  it('asks its questions, offers the repo defaults, asks the rare ones on "More options?", previews and writes the app', async () => {
    const repo = copyFixture('flux-operator');
    const session = new PtySession('npx', ['plop', 'app', '--dest', repo], {
      cwd: ROOT,
      env: { CI: '' },
    });
    try {
      await session.answer('App name', 'whoami');
      await session.answer('Namespace', ''); // a list of the repo's namespaces, default preselected
      await session.answer('Container image', 'ghcr.io/traefik/whoami:latest');
      await session.waitFor('"latest" tag');
      await session.answer('', '\u0015ghcr.io/traefik/whoami:v1.10.4'); // Ctrl-U clears the line, then type again
      await session.answer('Route', DOWN);
      await session.answer(/Hostname \(whoami\.\$\{SECRET_DOMAIN\}\)/, '');
      await session.answer('Container port', '80');
      await session.answer('Persistent storage size', '2Gi');
      await session.answer('Depends on', '');
      await session.answer('Secrets from 1Password?', '');
      // the rare ones took their learned defaults; the person wants to change some
      await session.answer(
        /defaults taken: chart oci:\/\/ghcr\.io\/bjw-s-labs\/helm\/app-template, health path \(none\), storage class rook-ceph-block, mount path \/config, chart version 4\.4\.0[\s\S]*More options\?/,
        'y',
      );
      await session.answer('Helm chart (OCI URL, or a chart source of the repo)', '');
      await session.answer('HTTP health check path', '/health');
      await session.answer(/StorageClass .*\(rook-ceph-block\)/, '');
      await session.answer('Mount path', '');
      await session.answer(/Chart version \(4\.4\.0\)/, '');
      await session.answer('Write these 6 files? (Y/n/d)', '');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).toMatch(/app whoami in namespace default/);
    expect(session.screen).toContain('create  kubernetes/apps/default/whoami/ks.yaml');
    expect(session.screen).toContain('update  kubernetes/apps/default/kustomization.yaml');
    const app = join(repo, 'kubernetes/apps/default/whoami');
    expect(readFileSync(join(app, 'app/httproute.yaml'), 'utf8')).toContain(
      '- name: envoy-internal',
    );
    // the repo's apps with storage take their claim from the volsync component: so does this one
    expect(readFileSync(join(app, 'ks.yaml'), 'utf8')).toContain('VOLSYNC_CAPACITY: 2Gi');
    expect(readFileSync(join(app, 'app/helmrelease.yaml'), 'utf8')).toContain('path: /health');
    expect(
      readFileSync(join(repo, 'kubernetes/apps/default/kustomization.yaml'), 'utf8'),
    ).toContain('  - ./whoami/ks.yaml');
  }, 60_000);
});
