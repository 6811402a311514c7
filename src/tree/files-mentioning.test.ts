import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gitGrepYaml } from './git-grep.ts';
import { RepoTree } from './repo-tree.ts';

/** A repo with a store in a tracked file, one in a new untracked file, and files without one. */
function repo(git: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'homeops-mentioning-'));
  const write = (path: string, text: string) => {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write('apps/security/store/store.yaml', 'kind: ClusterSecretStore\n');
  write('apps/media/radarr/helmrelease.yaml', 'kind: HelmRelease\n');
  write('notes/ClusterSecretStore.md', 'kind: ClusterSecretStore\n');
  if (git) {
    spawnSync('git', ['init', '-q'], { cwd: root });
    spawnSync('git', ['add', '-A'], { cwd: root });
  }
  write('apps/other/store.yml', 'kind: ClusterSecretStore\n'); // untracked
  return root;
}

describe.each([
  ['a git work tree (git grep)', true],
  ['a folder without git (every file read)', false],
])('RepoTree.yamlFilesMentioning in %s', (_what, git) => {
  it('finds the YAML files holding the text, planned ones included, as planned', () => {
    const tree = new RepoTree(repo(git));
    tree.write('apps/new/store.yaml', 'kind: ClusterSecretStore\n');
    tree.write('apps/other/store.yml', 'kind: Secret\n'); // planned away
    expect(tree.yamlFilesMentioning([''], 'ClusterSecretStore')).toEqual([
      'apps/new/store.yaml',
      'apps/security/store/store.yaml',
    ]);
    expect(tree.yamlFilesMentioning(['apps/media'], 'ClusterSecretStore')).toEqual([]);
  });
});

describe('gitGrepYaml', () => {
  it('answers in a work tree (untracked files too) and says it cannot elsewhere', () => {
    expect(gitGrepYaml(repo(true), 'ClusterSecretStore', [''])?.sort()).toEqual([
      'apps/other/store.yml',
      'apps/security/store/store.yaml',
    ]);
    expect(gitGrepYaml(repo(false), 'ClusterSecretStore', [''])).toBeUndefined();
  });
});
