import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRepo } from '../src/engine/open-repo.ts';
import { ArgoAppContext } from '../src/engines/argocd/argo-app-context.ts';
import { secretAppChoices } from '../src/engines/argocd/secret-target.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

/**
 * `homeops secret` in Argo CD repos of each shape (ApplicationSets that pick up app folders, app of
 * apps): an app's secret is taken out (its ExternalSecret or 1Password item, its line in the
 * kustomization, its envFrom) and put back by homeops from the same references; the repo must
 * come back byte for byte.
 */

/** Take an app's secret out of a repo: the secret's file, its resources line, the envFrom block. */
function takeSecretOut(repo: string, dir: string, secretFile: string, values: string): void {
  rmSync(join(repo, dir, secretFile));
  const kustomization = join(repo, dir, 'kustomization.yaml');
  if (existsSync(kustomization)) {
    const text = readFileSync(kustomization, 'utf8');
    writeFileSync(kustomization, text.replace(`  - ${secretFile}\n`, ''));
  }
  const path = join(repo, values);
  const lines = readFileSync(path, 'utf8').split('\n');
  const at = lines.findIndex((l) => l.trim() === 'envFrom:');
  expect(at).toBeGreaterThan(0);
  lines.splice(at, 3);
  writeFileSync(path, lines.join('\n'));
}

const cases = [
  {
    fixture: 'argocd-appset-files',
    dir: 'cluster/apps/media/navidrome',
    secretFile: 'templates/externalsecret.yaml',
    values: 'cluster/apps/media/navidrome/values.yaml',
    kind: 'ExternalSecret',
    flags: ['--app=navidrome', '--item=navidrome', '--fields=ND_LASTFM_APIKEY,ND_LASTFM_SECRET'],
  },
  {
    fixture: 'argocd-appset-dirs',
    dir: 'my-apps/media/radarr',
    secretFile: 'externalsecret.yaml',
    values: 'my-apps/media/radarr/values.yaml',
    kind: 'ExternalSecret',
    flags: ['--app=radarr', '--item=radarr', '--fields=RADARR__AUTH__APIKEY'],
  },
  {
    // app of apps: the ExternalSecret in the Application's manifests source, envFrom in its $values file
    fixture: 'argocd-app-of-apps-two-sources',
    dir: 'kubernetes/argocd/manifests/tandoor',
    secretFile: 'externalsecret.yaml',
    values: 'kubernetes/argocd/values/tandoor.yaml',
    kind: 'ExternalSecret',
    flags: [
      '--app=tandoor',
      '--item=tandoor',
      '--fields=secret key,postgres password',
      '--keys=SECRET_KEY,POSTGRES_PASSWORD',
    ],
  },
  {
    // app of apps: a 1Password operator item in k8s/, envFrom in the Application's own valuesObject
    fixture: 'argocd-app-of-apps-recurse',
    dir: 'apps/services/n8n/k8s',
    secretFile: 'onepassword-item.yaml',
    values: 'apps/services/n8n/application.yaml',
    kind: 'OnePasswordItem',
    flags: ['--app=n8n', '--item=n8n'],
  },
];

describe.each(cases)(
  'homeops secret in $fixture',
  ({ fixture, dir, secretFile, values, kind, flags }) => {
    it('puts an app its secret back as it was: the file, its resources line, envFrom beside env', async () => {
      const repo = copyFixture(`shapes/${fixture}`);
      const original = snapshotFiles(repo);
      takeSecretOut(repo, dir, secretFile, values);
      const run = await homeops('secret', '--dest', repo, ...flags, '--source=offline');
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toContain(`${kind} for ${flags[0]?.slice(6)}`);
      expect(snapshotFiles(repo)).toEqual(original);
      // a second run with the same references changes nothing
      const again = await homeops('secret', '--dest', repo, ...flags, '--source=offline');
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^nothing to change/);
      expect(snapshotFiles(repo)).toEqual(original);
    });

    it('refuses other references where the app has its secret, and an app that is not there', async () => {
      const repo = copyFixture(`shapes/${fixture}`);
      const before = snapshotFiles(repo);
      const other = await homeops(
        'secret',
        '--dest',
        repo,
        flags[0] ?? '',
        '--item=someone-else',
        ...flags.slice(2),
        '--source=offline',
      );
      expect(other.code).not.toBe(0);
      expect(other.stderr).toContain(`already has ${secretFile}, with other references`);
      const missing = await homeops(
        'secret',
        '--dest',
        repo,
        '--app=nothing-here',
        '--item=x',
        '--fields=A',
        '--source=offline',
      );
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('--app: "nothing-here" is not one of');
      expect(missing.stderr).toContain(flags[0]?.slice(6));
      expect(missing.stderr).toContain('nothing was written');
      expect(snapshotFiles(repo)).toEqual(before);
    });
  },
);

describe('homeops secret in an app-of-apps repo', () => {
  it('refuses an Application with no manifests source, naming the source its siblings have', async () => {
    const repo = copyFixture('shapes/argocd-app-of-apps-two-sources');
    const entry = join(repo, 'kubernetes/argocd/apps/applications/cyberchef.yaml');
    const text = readFileSync(entry, 'utf8');
    const manifests =
      /\n {4}- repoURL: \S+\n {6}targetRevision: \S+\n {6}path: \S+manifests\/cyberchef\n/;
    expect(text).toMatch(manifests);
    writeFileSync(entry, text.replace(manifests, '\n'));
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=cyberchef',
      '--item=cyberchef',
      '--fields=A',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(
      'the Application cyberchef has no git source of a folder in this repo for its manifests, where its secret would go',
    );
    expect(run.stderr).toMatch(
      /add a git source with the app's manifests folder to kubernetes\/argocd\/apps\/applications\/cyberchef\.yaml, as \S+ has \(kubernetes\/argocd\/manifests\/\S+\)/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
    // the list a person picks from shows it, greyed with the reason; its siblings can be picked
    const choices = secretAppChoices(new ArgoAppContext(openRepo(repo)));
    expect(choices.find((c) => c.value === 'cyberchef')?.disabled).toBe(
      'no manifests folder in this repo',
    );
    expect(choices.find((c) => c.value === 'tandoor')?.disabled).toBeUndefined();
  });

  it('refuses an Application whose git source is a folder of another repo, writing nothing there', async () => {
    const repo = copyFixture('shapes/argocd-app-of-apps-two-sources');
    const entry = join(repo, 'kubernetes/argocd/apps/applications/cyberchef.yaml');
    const text = readFileSync(entry, 'utf8');
    expect(text).toContain('path: kubernetes/argocd/manifests/cyberchef');
    writeFileSync(
      entry,
      text.replace('path: kubernetes/argocd/manifests/cyberchef', 'path: deploy/kubernetes'),
    );
    const before = snapshotFiles(repo);
    const run = await homeops(
      'secret',
      '--dest',
      repo,
      '--app=cyberchef',
      '--item=cyberchef',
      '--fields=A',
      '--source=offline',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('has no git source of a folder in this repo for its manifests');
    expect(snapshotFiles(repo)).toEqual(before);
  });
});
