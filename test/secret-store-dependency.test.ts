import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

const APPS = 'kubernetes/apps';
const offline = ['--source=offline', '--fields=token'];

describe("an app with an ExternalSecret waits for its secret store, as the repo's other such apps do", () => {
  it("app --secret: the new Kustomization depends on the store's", async () => {
    const repo = copyFixture('flux-operator');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--namespace=default',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--secret',
      '--item=whoami',
      ...offline,
    );
    expect(run.stderr).toBe('');
    expect(readFileSync(join(repo, APPS, 'default/whoami/ks.yaml'), 'utf8')).toContain(
      'spec:\n  dependsOn:\n    - name: onepassword\n      namespace: external-secrets\n  interval: 1h\n',
    );
  });

  it('secret: an existing app gains the dependency in sorted place, and only those lines', async () => {
    const repo = copyFixture('flux-operator');
    const ks = join(repo, APPS, 'default/echo/ks.yaml');
    const before = readFileSync(ks, 'utf8');
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--item=echo',
      ...offline,
    );
    expect(run.code).toBe(0);
    expect(readFileSync(ks, 'utf8')).toBe(
      before.replace(
        '  interval: 1h\n',
        '  dependsOn:\n    - name: onepassword\n      namespace: external-secrets\n  interval: 1h\n',
      ),
    );
    const files = snapshotFiles(repo);
    const again = await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--item=echo',
      ...offline,
    );
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(files);
  });

  it('adds nothing in a repo whose apps with ExternalSecrets do not depend on the store', async () => {
    const repo = copyFixture('flux-operator');
    for (const app of [
      'default/paperless-ngx',
      'observability/gatus',
      'network/cloudflare-tunnel',
    ]) {
      const ks = join(repo, APPS, app, 'ks.yaml');
      const { writeFileSync } = await import('node:fs');
      writeFileSync(
        ks,
        readFileSync(ks, 'utf8').replace(
          / {4}- name: onepassword\n {6}namespace: external-secrets\n/,
          '',
        ),
      );
    }
    const ks = join(repo, APPS, 'default/echo/ks.yaml');
    const before = readFileSync(ks, 'utf8');
    await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--item=echo',
      ...offline,
    );
    expect(readFileSync(ks, 'utf8')).toBe(before);
  });

  it('keeps CRLF line endings and the comment of the next key', async () => {
    const repo = copyFixture('flux-operator');
    const ks = join(repo, APPS, 'default/echo/ks.yaml');
    writeFileSync(
      ks,
      readFileSync(ks, 'utf8')
        .replace('  interval: 1h\n', '  # reconcile hourly\n  interval: 1h\n')
        .replaceAll('\n', '\r\n'),
    );
    const before = readFileSync(ks, 'utf8');
    await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=default',
      '--app=echo',
      '--item=echo',
      ...offline,
    );
    expect(readFileSync(ks, 'utf8')).toBe(
      before.replace(
        '  # reconcile hourly',
        '  dependsOn:\r\n    - name: onepassword\r\n      namespace: external-secrets\r\n  # reconcile hourly',
      ),
    );
  });

  it("does not make the store's own app depend on itself", async () => {
    const repo = copyFixture('flux');
    const ks = join(repo, APPS, 'security/onepassword-connect/ks.yaml');
    const before = readFileSync(ks, 'utf8');
    await homeops(
      'secret',
      '--dest',
      repo,
      '--namespace=security',
      '--app=onepassword-connect',
      '--item=x',
      ...offline,
    );
    expect(readFileSync(ks, 'utf8')).toBe(before);
  });

  it('names the Kustomization whose path deploys the store, when a folder has several', async () => {
    const repo = copyFixture('flux-operator');
    const dir = join(repo, APPS, 'external-secrets/onepassword');
    mkdirSync(join(dir, 'stores'));
    renameSync(
      join(dir, 'app/clustersecretstore.yaml'),
      join(dir, 'stores/clustersecretstore.yaml'),
    );
    writeFileSync(
      join(dir, 'app/kustomization.yaml'),
      readFileSync(join(dir, 'app/kustomization.yaml'), 'utf8').replace(
        / *- \.\/clustersecretstore\.yaml\n/,
        '',
      ),
    );
    writeFileSync(
      join(dir, 'stores/kustomization.yaml'),
      '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./clustersecretstore.yaml\n',
    );
    const ksText = readFileSync(join(dir, 'ks.yaml'), 'utf8');
    const stores = ksText
      .split(/^---\n/m)
      .filter(Boolean)[0]!
      .replace('name: onepassword', 'name: onepassword-stores')
      .replace('/onepassword/app', '/onepassword/stores');
    writeFileSync(join(dir, 'ks.yaml'), `${ksText}---\n${stores}`);
    const paperless = join(repo, APPS, 'default/paperless-ngx/ks.yaml');
    writeFileSync(
      paperless,
      readFileSync(paperless, 'utf8').replace(
        '    - name: onepassword\n',
        '    - name: onepassword-stores\n',
      ),
    );
    await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--namespace=default',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      '--secret',
      '--item=whoami',
      ...offline,
    );
    expect(readFileSync(join(repo, APPS, 'default/whoami/ks.yaml'), 'utf8')).toContain(
      '  dependsOn:\n    - name: onepassword-stores\n      namespace: external-secrets\n',
    );
  });
});
