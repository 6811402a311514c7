import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { appGenerator } from '../generators/app/app.ts';
import { variantFor } from '../src/engine/by-layout.ts';
import { openRepo } from '../src/engine/open-repo.ts';
import { runGenerator } from '../src/engine/run-generator.ts';
import { SHAPES, loadShapeFixture } from './support/shape-fixtures.ts';
import { pickProblems, readProblems } from './support/shape-graph.ts';
import { hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

/** `homeops app` in Argo CD repos whose ApplicationSets pick up app folders (git directories). */

const copyShape = (name: string) => {
  const dest = mkdtempSync(join(tmpdir(), `homeops-${name}-`));
  cpSync(join(SHAPES, name), dest, { recursive: true });
  return dest;
};

const lidarr = [
  '--name=lidarr',
  '--group=media',
  '--image=ghcr.io/home-operations/lidarr:2.13.1.4681',
  '--port=8686',
  '--healthPath=/ping',
  '--route=internal',
  '--hostname=lidarr.lab.example.net',
  '--storage=5Gi',
  '--secret=true',
  '--item=lidarr',
  '--fields=LIDARR__AUTH__APIKEY',
  '--source=offline',
];

const whoami = [
  '--name=whoami',
  '--image=ghcr.io/traefik/whoami:v1.11.0',
  '--port=8080',
  '--healthPath=/health',
  '--route=internal',
];

/** Some ApplicationSet of the repo (as the fixture's test support walks them) picks up the folder. */
function pickedUp(fixture: string, repo: string, dir: string, by: { file: string; name: string }) {
  const fx = loadShapeFixture(fixture, repo);
  const app = { name: 'new', namespace: 'new', dir, files: [], chart: '', plain: false };
  return pickProblems(fx, { ...app, pickedBy: by });
}

describe('homeops app in an ApplicationSet (git directories) repo', () => {
  it('writes the app in a folder the ApplicationSet picks up, as its siblings are written', async () => {
    const repo = copyShape('argocd-appset-dirs');
    const run = await homeops('app', '--dest', repo, '--yes', ...lidarr);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(
      'app lidarr in namespace lidarr: my-apps/media/lidarr/, picked up by ApplicationSet my-apps (argocd/appsets/my-apps.yaml, my-apps/*/*)',
    );
    const dir = 'my-apps/media/lidarr';
    expect(
      pickedUp('argocd-appset-dirs', repo, dir, {
        file: 'argocd/appsets/my-apps.yaml',
        name: 'my-apps',
      }),
    ).toEqual([]);
    const k = readFileSync(join(repo, dir, 'kustomization.yaml'), 'utf8');
    expect(k).toContain(
      'namespace: lidarr\nresources:\n  - externalsecret.yaml\n  - httproute.yaml\n  - namespace.yaml\nhelmCharts:\n  - name: app-template\n    repo: oci://ghcr.io/bjw-s-labs/helm\n    version: 4.4.0\n    releaseName: lidarr\n    namespace: lidarr\n    valuesFile: values.yaml\n',
    );
    const values = readFileSync(join(repo, dir, 'values.yaml'), 'utf8');
    expect(values).toContain('TZ: Europe/Berlin');
    expect(values).toContain('storageClass: longhorn');
    expect(values).toContain('- secretRef:\n              name: lidarr-secret');
    const secret = readFileSync(join(repo, dir, 'externalsecret.yaml'), 'utf8');
    expect(secret).toContain(
      '- secretKey: LIDARR__AUTH__APIKEY\n      remoteRef:\n        key: lidarr/LIDARR__AUTH__APIKEY',
    );
    const route = readFileSync(join(repo, dir, 'httproute.yaml'), 'utf8');
    expect(route).toContain(
      'parentRefs:\n    - name: internal\n      namespace: gateway\n      sectionName: https',
    );
  });

  it('validates every written document that has a schema, and plans the same files in a dry run', async () => {
    const repo = openRepo(copyShape('argocd-appset-dirs'));
    const generator = await variantFor(appGenerator, repo);
    const given = Object.fromEntries(lidarr.map((f) => f.slice(2).split('=') as [string, string]));
    const result = await runGenerator(generator, {
      dest: repo.tree.root,
      repo,
      given: { ...given, port: 8686, storage: '5Gi', secret: true },
      dryRun: true,
    });
    const kinds = result.changes
      .flatMap((c) => parseAllDocuments(c.after) as unknown as { toJS(): { kind?: string } }[])
      .flatMap((d) => d.toJS().kind ?? [])
      .sort();
    expect(kinds).toEqual(['ExternalSecret', 'HTTPRoute', 'Kustomization', 'Namespace']);
    // the kustomize Kustomization has no schema in the validators: the three others are checked
    expect(result.validatedDocuments).toBe(3);
  });

  it('changes nothing on a second run, and writes nothing in a dry run', async () => {
    const repo = copyShape('argocd-appset-dirs');
    const before = snapshotFiles(repo);
    const dry = await homeops('app', '--dest', repo, '--yes', '--dry-run', ...lidarr);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('+++ b/my-apps/media/lidarr/values.yaml');
    expect(snapshotFiles(repo)).toEqual(before);
    await homeops('app', '--dest', repo, '--yes', ...lidarr);
    const once = snapshotFiles(repo);
    const again = await homeops('app', '--dest', repo, '--yes', ...lidarr);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(once);
  });

  it('refuses a group the ApplicationSet excludes, naming the exclude', async () => {
    const repo = copyShape('argocd-appset-dirs');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...lidarr.slice(0, 1),
      '--group=sandbox',
      ...lidarr.slice(2, 4),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'my-apps/sandbox/lidarr is excluded from ApplicationSet my-apps (argocd/appsets/my-apps.yaml: exclude my-apps/sandbox/*): nothing would deploy it',
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('takes --tier as --group', async () => {
    const repo = copyShape('argocd-appset-dirs');
    const tier = lidarr.map((f) => (f === '--group=media' ? '--tier=media' : f));
    const run = await homeops('app', '--dest', repo, '--yes', ...tier);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('my-apps/media/lidarr/');
  });

  it('asks for the group where there are several, naming them', async () => {
    const repo = copyShape('argocd-appset-dirs');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=lidarr',
      '--image=a.io/b:1',
      '--port=80',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--group/);
    expect(run.stderr).toContain('home, infrastructure, media, tools');
  });

  it('refuses a namespace the ApplicationSet does not give the folder', async () => {
    const repo = copyShape('argocd-appset-dirs');
    const run = await homeops('app', '--dest', repo, '--yes', ...lidarr, '--namespace=media');
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'ApplicationSet my-apps (argocd/appsets/my-apps.yaml) deploys each app to the namespace named after its folder ({{ .path.basename }})',
    );
    expect(run.stderr).toContain('--namespace=lidarr');
  });

  it('refuses an external route in a repo with one Gateway, naming it', async () => {
    const repo = copyShape('argocd-appset-dirs');
    const file = join(repo, 'my-apps/infrastructure/gateway/gateways.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').split('\n---\n')[0] + '\n');
    for (const app of ['home/mealie', 'media/radarr'])
      writeFileSync(
        join(repo, `my-apps/${app}/httproute.yaml`),
        readFileSync(join(repo, `my-apps/${app}/httproute.yaml`), 'utf8').replace(
          'name: external',
          'name: internal',
        ),
      );
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...lidarr.filter((f) => !f.startsWith('--route')),
      '--route=external',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('this repo has one Gateway, internal');
    expect(run.stderr).toContain('use --route=internal');
  });
});

describe('homeops app in other folder shapes', () => {
  it.runIf(hasKubectl)(
    'writes plain manifests that kubectl kustomize builds (no helmCharts)',
    async () => {
      const repo = copyShape('argocd-plain-kustomize');
      const run = await homeops(
        'app',
        '--dest',
        repo,
        '--yes',
        ...whoami,
        '--chart=none',
        '--hostname=whoami.lab.example.com',
      );
      expect(run.stderr).toBe('');
      expect(run.stdout).toContain(
        'picked up by ApplicationSet apps (kubernetes/argocd/appsets/apps.yaml, kubernetes/apps/*)',
      );
      const built = kustomize(join(repo, 'kubernetes/apps/whoami'));
      expect(built).toContain('kind: Deployment');
      expect(built).toContain('namespace: whoami');
      expect(
        pickedUp('argocd-plain-kustomize', repo, 'kubernetes/apps/whoami', {
          file: 'kubernetes/argocd/appsets/apps.yaml',
          name: 'apps',
        }),
      ).toEqual([]);
    },
  );

  it('fills the namespace segment of the pattern (apps/<cluster>/<namespace>/<app>)', async () => {
    const repo = copyShape('argocd-appset-namespace-segment');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...whoami,
      '--namespace=media',
      '--hostname=whoami.home.example.com',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('app whoami in namespace media: apps/home/media/whoami/');
    const k = readFileSync(join(repo, 'apps/home/media/whoami/kustomization.yaml'), 'utf8');
    expect(k).toContain('releaseName: whoami\n    namespace: media\n');
    const values = readFileSync(join(repo, 'apps/home/media/whoami/values.yaml'), 'utf8');
    // the route in the chart values, as the siblings have it, to the repo's internal Gateway
    expect(values).toContain('- name: internal\n        namespace: network');
  });

  it('writes an app with no route where the siblings route in their chart values', async () => {
    const repo = copyShape('argocd-appset-namespace-segment');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...whoami.filter((f) => !f.startsWith('--route=')),
      '--route=none',
      '--namespace=media',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const values = readFileSync(join(repo, 'apps/home/media/whoami/values.yaml'), 'utf8');
    expect(values).not.toContain('route:');
    expect(values).toContain('repository: ghcr.io/traefik/whoami');
  });

  it('adds the line to a category list and routes through the Traefik entry points the siblings use', async () => {
    const repo = copyShape('argocd-appset-categories');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=lidarr',
      '--group=apps',
      '--image=ghcr.io/home-operations/lidarr:2.13.1',
      '--port=8686',
      '--route=external',
      '--chart=none',
    );
    expect(run.stderr).toBe('');
    const list = readFileSync(join(repo, 'k8s/apps/kustomization.yaml'), 'utf8');
    expect(list).toContain('  - it-tools\n  - lidarr\n  - miniflux\n');
    const route = readFileSync(join(repo, 'k8s/apps/lidarr/ingressroute.yaml'), 'utf8');
    expect(route).toContain('entryPoints:\n    - public\n');
    expect(route).toContain('match: Host(`lidarr.example.org`)');
    expect(route).toContain('- name: lidarr\n          port: 80\n');
    const again = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=lidarr',
      '--group=apps',
      '--image=ghcr.io/home-operations/lidarr:2.13.1',
      '--port=8686',
      '--route=external',
      '--chart=none',
    );
    expect(again.stdout).toMatch(/^nothing to change/);
  });

  it('writes an Argo CD app in a repo with both engines once .homeops.yaml says engine: argocd', async () => {
    const repo = copyShape('flux-and-argocd');
    const asked = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...whoami,
      '--namespace=tools',
      '--chart=none',
      '--hostname=whoami.home.example.com',
    );
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain('which one deploys new apps?');
    expect(asked.stderr).toContain('engine: argocd');
    writeFileSync(join(repo, '.homeops.yaml'), 'engine: argocd\n');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      ...whoami,
      '--namespace=tools',
      '--chart=none',
      '--hostname=whoami.home.example.com',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('argo/apps/whoami/, picked up by ApplicationSet argo-apps');
  });
});

describe('homeops app in an app-of-apps repo', () => {
  const bazarr = [
    '--name=bazarr',
    '--namespace=media',
    '--image=ghcr.io/home-operations/bazarr:1.5.2',
    '--port=6767',
    '--healthPath=/',
    '--route=internal',
    '--hostname=bazarr.home.example.dev',
    '--storage=1Gi',
  ];

  it('asks for the group where the root reads several folders', async () => {
    const repo = copyShape('argocd-app-of-apps-two-sources');
    const run = await homeops('app', '--dest', repo, '--yes', ...bazarr);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('fix: pass --group=<one of: applications, platform>');
  });

  it('writes the Application where the root Application reads, never in a folder it does not', async () => {
    const repo = copyShape('argocd-app-of-apps-two-sources');
    const run = await homeops('app', '--dest', repo, '--yes', ...bazarr, '--group=applications');
    expect(run.stderr).toBe('');
    const entry = 'kubernetes/argocd/apps/applications/bazarr.yaml';
    expect(run.stdout).toContain(
      `app bazarr in namespace media: ${entry}, read by root Application app-of-apps (kubernetes/argocd/root.yaml, source kubernetes/argocd/apps/applications)`,
    );
    const fx = loadShapeFixture('argocd-app-of-apps-two-sources', repo);
    const app = { name: 'bazarr', namespace: 'media', dir: '', files: [], chart: '', plain: false };
    expect(
      readProblems(fx, {
        ...app,
        entry,
        readBy: { file: 'kubernetes/argocd/root.yaml', name: 'app-of-apps' },
      }),
    ).toEqual([]);
    const application = readFileSync(join(repo, entry), 'utf8');
    expect(application).toContain(
      '    - repoURL: ghcr.io/bjw-s-labs/helm\n      chart: app-template\n      targetRevision: 4.4.0\n      helm:\n        releaseName: bazarr\n        valueFiles:\n          - $values/kubernetes/argocd/values/bazarr.yaml\n',
    );
    expect(application).toContain('path: kubernetes/argocd/manifests/bazarr\n');
    expect(application).toContain('namespace: media\n');
    const values = readFileSync(join(repo, 'kubernetes/argocd/values/bazarr.yaml'), 'utf8');
    expect(values).toContain('existingClaim: bazarr-data');
    const pvc = readFileSync(join(repo, 'kubernetes/argocd/manifests/bazarr/pvc.yaml'), 'utf8');
    expect(pvc).toContain('storageClassName: nfs-csi');
    const again = await homeops('app', '--dest', repo, '--yes', ...bazarr, '--group=applications');
    expect(again.stdout).toMatch(/^nothing to change/);
  });

  it('validates the Application and the manifests against their schemas', async () => {
    const repo = openRepo(copyShape('argocd-app-of-apps-two-sources'));
    const generator = await variantFor(appGenerator, repo);
    const given = Object.fromEntries(
      [...bazarr, '--group=applications'].map((f) => f.slice(2).split('=') as [string, string]),
    );
    const result = await runGenerator(generator, {
      dest: repo.tree.root,
      repo,
      given: { ...given, port: 6767 },
      dryRun: true,
    });
    const kinds = result.changes
      .flatMap((c) => parseAllDocuments(c.after) as unknown as { toJS(): { kind?: string } }[])
      .flatMap((d) => d.toJS().kind ?? [])
      .sort();
    expect(kinds).toEqual(['Application', 'HTTPRoute', 'PersistentVolumeClaim']);
    expect(result.validatedDocuments).toBe(3);
  });

  it('writes a 1Password operator item where the repo has no store and its apps use those', async () => {
    const repo = copyShape('argocd-app-of-apps-recurse');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--yes',
      '--name=bazarr',
      '--group=media',
      '--namespace=bazarr',
      '--image=ghcr.io/home-operations/bazarr:1.5.2',
      '--port=6767',
      '--secret=true',
      '--item=bazarr',
      '--source=offline',
    );
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'read by root Application root (bootstrap/argocd/root-app.yaml, source apps recursively)',
    );
    const item = readFileSync(join(repo, 'apps/media/bazarr/k8s/onepassword-item.yaml'), 'utf8');
    expect(item).toContain(
      'name: bazarr-secret\n  namespace: bazarr\nspec:\n  itemPath: "vaults/homelab/items/bazarr"\n',
    );
  });
});
