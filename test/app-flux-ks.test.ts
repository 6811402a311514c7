import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

const whoami = [
  '--name=whoami',
  '--namespace=default',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
];
const APPS = 'kubernetes/apps';

function ksSpec(repo: string): { dependsOn?: unknown; components?: unknown } {
  return (
    parse(readFileSync(join(repo, APPS, 'default/whoami/ks.yaml'), 'utf8')) as {
      spec: { dependsOn?: unknown; components?: unknown };
    }
  ).spec;
}
const dependsOn = (repo: string) => ksSpec(repo).dependsOn;

/** An app folder whose ks.yaml holds these Kustomization names (registered in its namespace). */
function addApp(
  repo: string,
  ns: string,
  folder: string,
  names: string[],
  namespace?: string,
): void {
  const dir = join(repo, APPS, ns, folder);
  mkdirSync(dir, { recursive: true });
  const doc = (name: string) =>
    `---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${name}\n${namespace ? `  namespace: ${namespace}\n` : ''}spec:\n  interval: 1h\n  path: ./${APPS}/${ns}/${folder}/app\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n    namespace: flux-system\n`;
  writeFileSync(join(dir, 'ks.yaml'), names.map(doc).join(''));
  // Flux deploys only what the namespace folder lists
  const list = join(repo, APPS, ns, 'kustomization.yaml');
  const text = readFileSync(list, 'utf8');
  if (!text.includes(`./${folder}/ks.yaml`))
    writeFileSync(list, text.replace(/resources:\n/, `resources:\n  - ./${folder}/ks.yaml\n`));
}

describe('homeops app --dependsOn names Flux Kustomizations as the repo does', () => {
  it('takes the name and namespace from the files: a second Kustomization of a ks.yaml, a name unlike its folder', async () => {
    const repo = copyFixture('flux-operator');
    addApp(repo, 'default', 'database', ['postgres']);
    // the namespace folder's kustomization.yaml sets the namespace (kustomize overrides metadata.namespace)
    addApp(repo, 'default', 'cache', ['cache'], 'caching');
    // a folder that sets none: metadata.namespace holds
    mkdirSync(join(repo, APPS, 'tools'));
    writeFileSync(
      join(repo, APPS, 'tools/kustomization.yaml'),
      '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./db/ks.yaml\n',
    );
    addApp(repo, 'tools', 'db', ['db'], 'flux-system');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      ...whoami,
      '--dependsOn=dragonfly-cluster,database,data/dragonfly,cache,db',
    );
    expect(run.stderr).toBe('');
    expect(dependsOn(repo)).toEqual([
      { name: 'dragonfly-cluster', namespace: 'data' },
      { name: 'postgres' },
      { name: 'dragonfly', namespace: 'data' },
      { name: 'cache' },
      { name: 'db', namespace: 'flux-system' },
    ]);
  });

  it('suggests the folder form when one name is in several namespace folders', async () => {
    const repo = copyFixture('flux-operator');
    addApp(repo, 'default', 'cache', ['cache']);
    addApp(repo, 'data', 'cache', ['cache']);
    writeFileSync(
      join(repo, APPS, 'data/kustomization.yaml'),
      readFileSync(join(repo, APPS, 'data/kustomization.yaml'), 'utf8').replace(
        /^namespace: .*$/m,
        'namespace: databases',
      ),
    );
    const run = await homeops('app', '--dest', repo, ...whoami, '--dependsOn=cache');
    expect(run.stderr).toMatch(
      /"cache" names several Flux Kustomizations \(databases\/cache, default\/cache\)|\(default\/cache, databases\/cache\)/,
    );
    const suggested = /--dependsOn=(\S+)/.exec(run.stderr)![1]!;
    const again = await homeops('app', '--dest', repo, ...whoami, `--dependsOn=${suggested}`);
    expect(again.stderr).toBe('');
  });

  it('refuses a folder of several Kustomizations none of which it is named after, naming them', async () => {
    const repo = copyFixture('flux-operator');
    addApp(repo, 'default', 'stack', ['stack-db', 'stack-web']);
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...whoami, '--dependsOn=stack');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /--dependsOn: "stack" names several Flux Kustomizations \(default\/stack-db, default\/stack-web\)/,
    );
    expect(run.stderr).toContain('--dependsOn=default/stack-db');
    expect(snapshotFiles(repo)).toEqual(before);
    const named = await homeops('app', '--dest', repo, ...whoami, '--dependsOn=default/stack-web');
    expect(named.stderr).toBe('');
    expect(dependsOn(repo)).toEqual([{ name: 'stack-web' }]);
  });
});

describe('homeops app: the ks.yaml components', () => {
  it('carries the components every app of the repo carries, not those only some apps use', async () => {
    const repo = copyFixture('flux-operator');
    await homeops('app', '--dest', repo, ...whoami);
    // actual-budget and paperless-ngx use volsync, echo does not
    expect(ksSpec(repo).components).toBeUndefined();

    const shared = copyFixture('flux-operator');
    for (const ns of readdirSync(join(shared, APPS), { withFileTypes: true }).filter((e) =>
      e.isDirectory(),
    )) {
      for (const app of readdirSync(join(shared, APPS, ns.name), { withFileTypes: true }).filter(
        (e) => e.isDirectory(),
      )) {
        const ks = join(shared, APPS, ns.name, app.name, 'ks.yaml');
        const text = readFileSync(ks, 'utf8');
        writeFileSync(
          ks,
          text.includes('  components:\n')
            ? text.replaceAll(
                '  components:\n',
                '  components:\n    - ../../../../components/common\n',
              )
            : text.replaceAll(
                'spec:\n',
                'spec:\n  components:\n    - ../../../../components/common\n',
              ),
        );
      }
    }
    const run = await homeops('app', '--dest', shared, ...whoami);
    expect(run.stderr).toBe('');
    expect(ksSpec(shared).components).toEqual(['../../../../components/common']);
  });
});

describe('homeops app: a name Flux already uses', () => {
  it.each([
    [
      'the Kustomization that reconciles the repo',
      ['--name=cluster-apps', '--namespace=flux-system'],
      /Kustomization flux-system\/cluster-apps already exists \(kubernetes\/flux\/cluster\/ks\.yaml\)/,
    ],
    [
      "Flux's own bootstrap Kustomization",
      ['--name=flux-system', '--namespace=flux-system'],
      /flux-system\/flux-system already exists \(the flux-system Kustomization Flux bootstraps/,
    ],
    [
      "a second Kustomization of another app's ks.yaml",
      ['--name=dragonfly-cluster', '--namespace=data'],
      /data\/dragonfly-cluster already exists \(kubernetes\/apps\/data\/dragonfly\/ks\.yaml\)/,
    ],
  ])('refuses %s, writing nothing', async (_what, flags, message) => {
    const repo = copyFixture('flux-operator');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
      ...flags,
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toMatch(/--name/);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('writes a dependency named twice once', async () => {
    const repo = copyFixture('flux-operator');
    await homeops('app', '--dest', repo, ...whoami, '--dependsOn=echo,default/echo,echo');
    expect(dependsOn(repo)).toEqual([{ name: 'echo' }]);
  });
});

describe('homeops app: security style learned from the app-template apps only', () => {
  it('writes flow-style capabilities in a namespace whose other chart writes them in block style', async () => {
    const repo = copyFixture('flux');
    const run = await homeops(
      'app',
      '--dest',
      repo,
      '--name=whoami',
      '--namespace=kube-system',
      '--image=ghcr.io/traefik/whoami:v1.10.4',
      '--port=80',
    );
    expect(run.stderr).toBe('');
    const hr = readFileSync(join(repo, APPS, 'kube-system/whoami/app/helmrelease.yaml'), 'utf8');
    // all three app-template apps write capabilities in flow style; kube-system's cilium (another chart) in block
    expect(hr).toContain('              capabilities: { drop: ["ALL"] }\n');
  });
});

describe('homeops app: the registration line in the namespace kustomization', () => {
  it('writes the entry without ./ where the other entries have none', async () => {
    const repo = copyFixture('flux');
    const file = join(repo, APPS, 'default/kustomization.yaml');
    const before = readFileSync(file, 'utf8')
      .replaceAll('  - ./', '  - ')
      .replace('  - namespace.yaml', '  - ./namespace.yaml');
    writeFileSync(file, before);
    await homeops('app', '--dest', repo, ...whoami);
    const after = readFileSync(file, 'utf8');
    expect(after.split('\n').filter((line) => !before.split('\n').includes(line))).toEqual([
      '  - whoami/ks.yaml',
    ]);
    expect((await homeops('app', '--dest', repo, ...whoami)).stdout).toMatch(/^nothing to change/);
  });
});
