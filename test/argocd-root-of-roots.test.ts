import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * A root of roots: a root Application reads two Application files, `infrastructure/infra.yaml`
 * and `apps/apps.yaml`, and each of those reads its folder's `*\/application.yaml`. The groups
 * are the two folders; a new app is `<group>/<app>/application.yaml`, read by that group's root.
 */
const application = (name: string, body: string) => `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata:
  name: ${name}
  namespace: argocd
spec:
  project: default
${body}  destination:
    server: https://kubernetes.default.svc
    namespace: ${name === 'root' || name.endsWith('-root') ? 'argocd' : name}
  syncPolicy:
    automated:
      prune: true
      selfHeal: true
`;

const reads = (path: string, include: string) => `  source:
    repoURL: https://github.com/example/lab.git
    targetRevision: HEAD
    path: ${path}
    directory:
      recurse: true
      include: "${include}"
`;

const chart = (chartName: string, version: string) => `  source:
    repoURL: https://charts.example.com
    chart: ${chartName}
    targetRevision: ${version}
`;

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'homeops-roots-'));
  const files: Record<string, string> = {
    'root.yaml': application('root', reads('.', '{infrastructure/infra.yaml,apps/apps.yaml}')),
    'infrastructure/infra.yaml': application(
      'infra-root',
      reads('infrastructure', '*/application.yaml'),
    ),
    'apps/apps.yaml': application('apps-root', reads('apps', '*/application.yaml')),
    'infrastructure/traefik/application.yaml': application('traefik', chart('traefik', '34.0.0')),
    'infrastructure/longhorn/application.yaml': application('longhorn', chart('longhorn', '1.8.0')),
    'apps/nginx/application.yaml': application('nginx', chart('nginx', '18.0.0')),
    'apps/mealie/application.yaml': application('mealie', chart('mealie', '2.0.0')),
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  return root;
}

describe('app in a root of roots', () => {
  it("writes the Application in its group's folder, read by that group's root", async () => {
    const dest = repo();
    const run = await homeops(
      'app',
      '--dest',
      dest,
      '--yes',
      '--group=apps',
      '--name=whoami',
      '--namespace=whoami',
      '--chart=https://charts.example.com whoami',
      '--chartVersion=1.0.0',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('read by root Application apps-root (apps/apps.yaml');
    const written = readFileSync(join(dest, 'apps/whoami/application.yaml'), 'utf8');
    expect(written).toContain('name: whoami\n');
    expect(written).toContain('chart: whoami\n');
    const before = snapshotFiles(dest);
    const again = await homeops(
      'app',
      '--dest',
      dest,
      '--yes',
      '--group=apps',
      '--name=whoami',
      '--namespace=whoami',
      '--chart=https://charts.example.com whoami',
      '--chartVersion=1.0.0',
    );
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(dest)).toEqual(before);
  });
});
