import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, hasKubectl, homeops, kustomize } from './support/temp-repo.ts';

/**
 * An ApplicationSet repo whose apps take their claim from a backup component: each app folder
 * lists `components: [../../../../components/volsync, ../../../../components/snapshots]` and
 * a `volsync-config` generator (CLAIM_NAME, STORAGE_SIZE) the component reads, and its chart
 * values name the claim. Written for this test from argocd-appset-namespace-segment, whose apps
 * have a pvc.yaml instead.
 */
const COMPONENT = `---
apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources:
  - ./pvc.yaml
replacements:
  - source:
      kind: ConfigMap
      name: volsync-config
      fieldPath: data.STORAGE_SIZE
    targets:
      - select:
          kind: PersistentVolumeClaim
          name: volsync-claim
        fieldPaths:
          - spec.resources.requests.storage
  - source:
      kind: ConfigMap
      name: volsync-config
      fieldPath: data.CLAIM_NAME
    targets:
      - select:
          kind: PersistentVolumeClaim
          name: volsync-claim
        fieldPaths:
          - metadata.name
`;
const PVC = `---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: volsync-claim
spec:
  accessModes:
    - ReadWriteOnce
  resources:
    requests:
      storage: 1Gi
`;

function componentRepo(): string {
  const repo = copyFixture('shapes/argocd-appset-namespace-segment');
  mkdirSync(join(repo, 'components/volsync'), { recursive: true });
  writeFileSync(join(repo, 'components/volsync/kustomization.yaml'), COMPONENT);
  writeFileSync(join(repo, 'components/volsync/pvc.yaml'), PVC);
  mkdirSync(join(repo, 'components/snapshots'), { recursive: true });
  writeFileSync(
    join(repo, 'components/snapshots/kustomization.yaml'),
    '---\napiVersion: kustomize.config.k8s.io/v1alpha1\nkind: Component\nlabels:\n  - pairs:\n      snapshots.example.com/enabled: "true"\n',
  );
  for (const ns of readdirSync(join(repo, 'apps/home')))
    for (const app of readdirSync(join(repo, 'apps/home', ns))) {
      const dir = join(repo, 'apps/home', ns, app);
      if (!existsSync(join(dir, 'pvc.yaml'))) continue;
      const size = /storage: (\S+)/.exec(readFileSync(join(dir, 'pvc.yaml'), 'utf8'))?.[1] ?? '1Gi';
      rmSync(join(dir, 'pvc.yaml'));
      const k = join(dir, 'kustomization.yaml');
      const text = readFileSync(k, 'utf8').replace(/ {2}- \.?\/?pvc\.yaml\n/, '');
      writeFileSync(
        k,
        text.replace(
          'kind: Kustomization\n',
          `kind: Kustomization\ncomponents:\n  - ../../../../components/volsync\n  - ../../../../components/snapshots\nconfigMapGenerator:\n  - name: volsync-config\n    options:\n      disableNameSuffixHash: true\n    literals:\n      - APP_NAME=${app}\n      - CLAIM_NAME=${app}-config\n      - STORAGE_SIZE=${size}\n`,
        ),
      );
    }
  return repo;
}

const whoami = [
  '--yes',
  '--name=whoami',
  '--namespace=media',
  '--image=ghcr.io/traefik/whoami:v1.11.0',
  '--port=8080',
  '--route=none',
  '--storage=3Gi',
];

describe('an Argo CD app with storage where the siblings take their claim from a component', () => {
  it('takes the components once each, their generator values for its own claim and size, and no pvc.yaml', async () => {
    const repo = componentRepo();
    const run = await homeops('app', '--dest', repo, ...whoami);
    expect(run.code, run.stderr).toBe(0);
    const dir = join(repo, 'apps/home/media/whoami');
    expect(existsSync(join(dir, 'pvc.yaml'))).toBe(false);
    const k = readFileSync(join(dir, 'kustomization.yaml'), 'utf8');
    expect(k).toContain(
      'components:\n  - ../../../../components/volsync\n  - ../../../../components/snapshots\n',
    );
    expect(k).toContain('      - CLAIM_NAME=whoami-config\n      - STORAGE_SIZE=3Gi\n');
    const values = readFileSync(join(dir, 'values.yaml'), 'utf8');
    expect(values).toContain('existingClaim: whoami-config');
    expect(values).not.toContain('size: 3Gi');
    const again = await homeops('app', '--dest', repo, ...whoami);
    expect(again.stdout).toContain('nothing to change');
  });

  it.runIf(hasKubectl)('builds, the component making the claim the chart mounts', async () => {
    const repo = componentRepo();
    expect((await homeops('app', '--dest', repo, ...whoami)).code).toBe(0);
    const k = join(repo, 'apps/home/media/whoami/kustomization.yaml');
    // no helm here: the chart is left out, the rest is built as Argo CD would
    writeFileSync(k, readFileSync(k, 'utf8').replace(/^helmCharts:\n(?: {2}.*\n| {4}.*\n)*/m, ''));
    const built = kustomize(join(repo, 'apps/home/media/whoami'));
    const claim = built.split('\n---\n').find((d) => d.includes('kind: PersistentVolumeClaim'));
    expect(claim).toMatch(/^ {2}name: whoami-config$/m);
    expect(built).toContain('storage: 3Gi');
  });

  it('keeps the app without storage free of the backup component', async () => {
    const repo = componentRepo();
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami.filter((f) => !f.startsWith('--storage')),
    );
    expect(run.code, run.stderr).toBe(0);
    const k = readFileSync(join(repo, 'apps/home/media/whoami/kustomization.yaml'), 'utf8');
    expect(k).not.toContain('components:');
    expect(k).not.toContain('volsync-config');
  });
});
