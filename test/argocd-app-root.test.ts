/** An app must not take the name of an Application the repo already has, the app of apps above all. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

const ROOT_APP = 'kubernetes/argocd/app-of-apps.yaml';
const app = (name: string) => [
  `--name=${name}`,
  '--kind=manifests',
  '--image=a/b:1',
  '--port=80',
  '--yes',
];

describe('homeops app on argocd: an existing Application name is a conflict wherever its file is', () => {
  it('refuses the name of the app of apps (homelab-apps), naming its file, writing nothing', async () => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...app('homelab-apps'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${ROOT_APP}: --name: an Application named homelab-apps already exists in ${ROOT_APP} (the app of apps`,
    );
    expect(run.stderr).toContain('fix: choose another --name');
    expect(run.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses the name of an Application outside the apps folder, also under --dry-run', async () => {
    const repo = copyFixture('argocd');
    const file = 'kubernetes/bootstrap/extras.yaml';
    writeFileSync(
      join(repo, file),
      'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: extras\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/home.io\n    path: kubernetes/extras\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: extras\n',
    );
    const before = snapshotFiles(repo);
    for (const extra of [[], ['--dry-run']]) {
      const run = await homeops('app', '--dest', repo, ...app('extras'), ...extra);
      expect(run.code).toBe(1);
      expect(run.stderr).toContain(
        `${file}: --name: an Application named extras already exists in ${file}`,
      );
      expect(snapshotFiles(repo)).toEqual(before);
    }
  });

  it('refuses the name of an Application another file of the apps folder defines', async () => {
    const repo = copyFixture('argocd');
    const file = 'kubernetes/argocd/apps/media.yaml';
    writeFileSync(
      join(repo, file),
      readFileSync(join(repo, 'kubernetes/argocd/apps/whoami.yaml'), 'utf8').replace(
        /^ {2}name: whoami$/m,
        '  name: jellyfin',
      ),
    );
    const before = snapshotFiles(repo);
    const run = await homeops('app', '--dest', repo, ...app('jellyfin'));
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      `${file}: --name: an Application named jellyfin already exists in ${file}`,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('still takes a new name, and a second run with the same inputs changes nothing (its own file is no conflict)', async () => {
    const repo = copyFixture('argocd');
    expect((await homeops('app', '--dest', repo, ...app('echo'))).code).toBe(0);
    const once = snapshotFiles(repo);
    const again = await homeops('app', '--dest', repo, ...app('echo'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change: /);
    expect(snapshotFiles(repo)).toEqual(once);
  });
});
