import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'prettier';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { changedFiles, expectGolden, expectGoldenFiles } from './support/golden.ts';
import { copyFixture, hasKubectl, homeops, kustomize, snapshotFiles } from './support/temp-repo.ts';

const whoami = [
  '--name=whoami',
  '--namespace=default',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
];

describe.each(['flux', 'flux-operator'])('homeops app on the %s layout', (layout) => {
  it('writes the app in the repo shape (golden files) and registers it in sorted place', async () => {
    const repo = copyFixture(layout);
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami,
      '--route=internal',
      '--healthPath=/health',
      '--storage=2Gi',
      '--dependsOn=echo',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    expectGoldenFiles(`app/${layout}`, after, changedFiles(before, after));
    // the namespace kustomization gains exactly one line
    const kustomization = 'kubernetes/apps/default/kustomization.yaml';
    expect(
      after[kustomization]!.split('\n').filter(
        (l) => !before[kustomization]!.split('\n').includes(l),
      ),
    ).toEqual(['  - ./whoami/ks.yaml']);
  });

  it('writes files that a careful human would commit: header, schema line, two-space indent, prettier-stable', async () => {
    const repo = copyFixture(layout);
    await homeops('app', '--dest', repo, ...whoami, '--route=external', '--storage=1Gi');
    const dir = join(repo, 'kubernetes/apps/default/whoami');
    for (const file of [
      'ks.yaml',
      'app/kustomization.yaml',
      'app/helmrelease.yaml',
      'app/ocirepository.yaml',
    ]) {
      const text = readFileSync(join(dir, file), 'utf8');
      expect(text.startsWith('---\n')).toBe(true);
      if (layout === 'flux-operator')
        expect(text.split('\n')[1]).toMatch(/^# yaml-language-server: \$schema=https:\/\//);
      else expect(text).not.toContain('yaml-language-server');
      expect(text).not.toMatch(/^( {2})* {1}\S/m); // no odd indentation
      expect(await format(text, { parser: 'yaml' })).toBe(text);
      for (const doc of parseAllDocuments(text) as unknown as { errors: unknown[] }[])
        expect(doc.errors).toEqual([]);
    }
  });

  it.skipIf(!hasKubectl)(
    'builds with kustomize: the app folder and the namespace folder',
    async () => {
      const repo = copyFixture(layout);
      await homeops('app', '--dest', repo, ...whoami, '--route=internal', '--storage=2Gi');
      const app = kustomize(join(repo, 'kubernetes/apps/default/whoami/app'));
      expect(app).toContain('kind: HelmRelease');
      expect(app).toContain('name: whoami');
      const ns = kustomize(join(repo, 'kubernetes/apps/default'));
      expect(ns).toMatch(
        /kind: Kustomization\nmetadata:\n {2}name: whoami\n {2}namespace: default/,
      );
    },
  );

  it('changes nothing on a second run with the same inputs, and says so', async () => {
    const repo = copyFixture(layout);
    await homeops('app', '--dest', repo, ...whoami, '--route=internal');
    const once = snapshotFiles(repo);
    const again = await homeops('app', '--dest', repo, ...whoami, '--route=internal');
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
    expect(snapshotFiles(repo)).toEqual(once);
  });

  it('prints the diff and writes nothing with --dry-run', async () => {
    const repo = copyFixture(layout);
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...whoami, '--dry-run');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('+++ b/kubernetes/apps/default/whoami/ks.yaml');
    expect(run.stdout).toContain('+  - ./whoami/ks.yaml');
    expect(run.stdout).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses an existing app of that name with other content, writing nothing', async () => {
    const repo = copyFixture(layout);
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=echo',
      '--namespace=default',
      '--image=ghcr.io/mendhak/http-https-echo:37',
      '--port=8080',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/app default\/echo already exists/);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('creates a namespace in the repo shape with --createNamespace, and refuses without it', async () => {
    const repo = copyFixture(layout);
    const before = snapshotFiles(repo);
    const refused = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami.map((a) => a.replace('=default', '=media')),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/--namespace: namespace "media" does not exist/);
    expect(snapshotFiles(repo)).toEqual(before);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami.map((a) => a.replace('=default', '=media')),
      '--createNamespace',
    );
    expect(run.code).toBe(0);
    const files = snapshotFiles(repo);
    expect(changedFiles(before, files)).toEqual([
      'kubernetes/apps/media/kustomization.yaml',
      'kubernetes/apps/media/namespace.yaml',
      'kubernetes/apps/media/whoami/app/helmrelease.yaml',
      'kubernetes/apps/media/whoami/app/kustomization.yaml',
      'kubernetes/apps/media/whoami/app/ocirepository.yaml',
      'kubernetes/apps/media/whoami/ks.yaml',
    ]);
    expectGolden(
      files['kubernetes/apps/media/kustomization.yaml'],
      `namespace/${layout}/kustomization.yaml`,
    );
    expectGolden(
      files['kubernetes/apps/media/namespace.yaml'],
      `namespace/${layout}/namespace.yaml`,
    );
    if (hasKubectl)
      expect(kustomize(join(repo, 'kubernetes/apps/media'))).toContain(
        'kind: Namespace\nmetadata:\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled',
      );
    const again = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami.map((a) => a.replace('=default', '=media')),
      '--createNamespace',
    );
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change/);
  });
});

describe('homeops app: bad inputs exit 1, name the field, write nothing', () => {
  const cases: [string, string[], RegExp][] = [
    [
      'a name that is not a DNS-1123 label',
      ['--name=Bad_Name'],
      /--name: "Bad_Name" is not a valid app name/,
    ],
    ['a ../ in the name', ['--name=../evil'], /--name: "..\/evil" is not a valid app name/],
    [
      'YAML-breaking characters in the name',
      ['--name=a: "b"'],
      /--name: .* is not a valid app name/,
    ],
    ['the latest tag', ['--image=ghcr.io/org/app:latest'], /--image: .*"latest" tag/],
    ['no tag', ['--image=ghcr.io/org/app'], /--image: image "ghcr.io\/org\/app" has no tag/],
    ['a port out of range', ['--port=70000'], /--port: 70000 is not a port number/],
    ['a port that is not a number', ['--port=http'], /--port: "http" is not a whole number/],
    [
      'a YAML-breaking hostname',
      ['--route=internal', '--hostname=x: {y}'],
      /--hostname: "x: \{y\}" is not a valid hostname/,
    ],
    [
      'an unknown route',
      ['--route=public'],
      /--route: "public" is not one of none, internal, external/,
    ],
    ['a bad storage size', ['--storage=lots'], /--storage: "lots" is not a storage size/],
    ['an unknown dependency', ['--dependsOn=nope'], /--dependsOn: no app "nope"/],
    [
      'a chart that is not an OCI URL',
      ['--chart=https://charts.example.com/x'],
      /--chart: .* is not an OCI chart URL/,
    ],
    [
      'a name longer than a Helm release name may be',
      [`--name=${'a'.repeat(54)}`],
      /--name: .* at most 53 characters/,
    ],
    [
      'a dependency with a path in it',
      ['--dependsOn=default/echo/extra'],
      /--dependsOn: "default\/echo\/extra" is not app or namespace\/app/,
    ],
  ];
  it.each(cases)('%s', async (_what, flags, message) => {
    const repo = copyFixture('flux-operator');
    const before = snapshotFiles(repo);
    const given = Object.fromEntries(whoami.map((f) => f.split('=') as [string, string]));
    for (const f of flags) given[f.slice(0, f.indexOf('='))] = f.slice(f.indexOf('=') + 1);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...Object.entries(given).map(([k, v]) => `${k}=${v}`),
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('reports the refused input alone, not the inputs that hang on it', async () => {
    const repo = copyFixture('flux');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami,
      '--chart=https://x.example.com/chart',
      '--storage=5Gi',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: --chart: "https://x.example.com/chart" is not an OCI chart URL nor a chart source of this repo\n  fix: pass an oci:// URL\nnothing was written\n',
    );
  });

  it('reports every bad input at once', async () => {
    const repo = copyFixture('flux');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=Bad',
      '--namespace=default',
      '--image=x:latest',
      '--port=0',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--name:[\s\S]*--image:[\s\S]*--port:/);
  });

  it('names the missing inputs when there is no terminal to ask', async () => {
    const repo = copyFixture('flux');
    const run = await homeops('app', '--dest', repo, '--name=whoami');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/missing required inputs: --image, --port/);
    expect(existsSync(join(repo, 'kubernetes/apps/default/whoami'))).toBe(false);
  });
});

describe('homeops app: inputs that do not apply', () => {
  it('refuses a flag that only applies with another input (--vault without --secret, --hostname without a route)', async () => {
    const repo = copyFixture('flux');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami,
      '--vault=kubernetes',
      '--hostname=whoami.example.com',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--hostname: does not apply[\s\S]*--vault: does not apply/);
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops app: answers files', () => {
  it('reads values as text, as flags are: the namespace 0123 stays 0123 (not the number 123)', async () => {
    const repo = copyFixture('flux');
    const answers = join(repo, 'answers.yaml');
    writeFileSync(
      answers,
      'name: whoami\nnamespace: 0123\ncreateNamespace: true\nimage: ghcr.io/traefik/whoami:v1.10.4\nport: 80\n',
    );
    const run = await homeops('app', '--dest', repo, '--answers', answers);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(join(repo, 'kubernetes/apps/0123/whoami/ks.yaml'))).toBe(true);
  });

  it('refuses --dest given twice', async () => {
    const repo = copyFixture('flux');
    const run = await homeops('app', '--dest', repo, '--dest', repo, ...whoami);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--dest is given more than once/);
  });
});

describe('homeops app: conventions when the repo gives little to learn from', () => {
  it('writes the layout default schema lines in a flux-operator repo without apps', async () => {
    const repo = copyFixture('flux-operator');
    const { rmSync, readdirSync } = await import('node:fs');
    for (const ns of readdirSync(join(repo, 'kubernetes/apps')))
      for (const app of readdirSync(join(repo, 'kubernetes/apps', ns)))
        if (!app.endsWith('.yaml'))
          rmSync(join(repo, 'kubernetes/apps', ns, app), { recursive: true });
    writeFileSync(join(repo, '.homeops.yaml'), 'layout: flux-operator\n');
    const run = await homeops('app', '--dest', repo, ...whoami);
    expect(run.code).toBe(0);
    expect(
      readFileSync(join(repo, 'kubernetes/apps/default/whoami/ks.yaml'), 'utf8').split('\n')[1],
    ).toBe(
      '# yaml-language-server: $schema=https://kubernetes-schemas.pages.dev/kustomize.toolkit.fluxcd.io/kustomization_v1.json',
    );
  });

  it('keeps optional: true of a substituteFrom entry most apps have', async () => {
    const repo = copyFixture('flux');
    // every app's Kustomization marks cluster-secrets optional: the new one does too
    for (const ks of Object.keys(snapshotFiles(repo)).filter((f) => f.endsWith('/ks.yaml'))) {
      const path = join(repo, ks);
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace(
          '        kind: Secret\n',
          '        kind: Secret\n        optional: true\n',
        ),
      );
    }
    await homeops('app', '--dest', repo, ...whoami);
    expect(readFileSync(join(repo, 'kubernetes/apps/default/whoami/ks.yaml'), 'utf8')).toContain(
      '        kind: Secret\n        optional: true\n',
    );
  });
});

describe('homeops app: inputs that apply only with others say which', () => {
  it('names what --hostname needs', async () => {
    const run = await homeops(
      'app',
      '--dest',
      copyFixture('flux'),
      ...whoami,
      '--hostname=whoami.example.com',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /--hostname: does not apply with the other inputs given: it applies only with --route=internal or --route=external/,
    );
  });
});
