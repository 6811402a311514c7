import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commit } from './commit.ts';
import { RepoTree } from './repo-tree.ts';

function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'homeops-commit-'));
  writeFileSync(join(root, 'keep.yaml'), 'keep\n');
  return root;
}

describe('commit', () => {
  it('writes every change, creating folders', () => {
    const root = repo();
    const tree = new RepoTree(root);
    tree.write('keep.yaml', 'kept\n');
    tree.create('deep/er/new.yaml', 'new\n');
    commit(root, tree.changes());
    expect(readFileSync(join(root, 'keep.yaml'), 'utf8')).toBe('kept\n');
    expect(readFileSync(join(root, 'deep/er/new.yaml'), 'utf8')).toBe('new\n');
    expect(readdirSync(join(root, 'deep/er'))).toEqual(['new.yaml']);
  });

  it('writes nothing when one file cannot be written', () => {
    const root = repo();
    mkdirSync(join(root, 'locked'));
    const tree = new RepoTree(root);
    tree.write('keep.yaml', 'changed\n');
    tree.create('fresh/new.yaml', 'new\n');
    tree.create('locked/blocked.yaml', 'blocked\n');
    chmodSync(join(root, 'locked'), 0o500);
    try {
      // root ignores permissions; make the last target a folder so its write fails for anyone
      mkdirSync(join(root, 'locked/blocked.yaml.homeops-' + process.pid + '.tmp'), {
        recursive: true,
      });
    } catch {
      // not root: the read-only folder already makes the write fail
    }
    expect(() => commit(root, tree.changes())).toThrow(/nothing was changed/);
    chmodSync(join(root, 'locked'), 0o700);
    expect(readFileSync(join(root, 'keep.yaml'), 'utf8')).toBe('keep\n');
    expect(existsSync(join(root, 'fresh'))).toBe(false);
    expect(existsSync(join(root, 'locked/blocked.yaml'))).toBe(false);
  });

  it('refuses to write through a symlinked folder that leaves the repo, or over a symlinked file', () => {
    const root = repo();
    const outside = mkdtempSync(join(tmpdir(), 'homeops-outside-'));
    symlinkSync(outside, join(root, 'escape'));
    const tree = new RepoTree(root);
    tree.create('escape/x.yaml', 'x\n');
    expect(() => commit(root, tree.changes())).toThrow(/symbolic link that leaves the repository/);
    expect(readdirSync(outside)).toEqual([]);
    symlinkSync(join(root, 'keep.yaml'), join(root, 'linked.yaml'));
    const tree2 = new RepoTree(root);
    tree2.write('linked.yaml', 'changed\n');
    expect(() => commit(root, tree2.changes())).toThrow(/is a symbolic link/);
  });

  it('keeps the mode of a file it updates', () => {
    const root = repo();
    chmodSync(join(root, 'keep.yaml'), 0o640);
    const tree = new RepoTree(root);
    tree.write('keep.yaml', 'kept\n');
    commit(root, tree.changes());
    expect(statSync(join(root, 'keep.yaml')).mode & 0o777).toBe(0o640);
  });

  it('refuses when a file changed on disk after the plan was made', () => {
    const root = repo();
    const tree = new RepoTree(root);
    tree.write('keep.yaml', 'planned\n');
    const changes = tree.changes();
    writeFileSync(join(root, 'keep.yaml'), 'edited by hand\n');
    expect(() => commit(root, changes)).toThrow(/changed on disk/);
    expect(readFileSync(join(root, 'keep.yaml'), 'utf8')).toBe('edited by hand\n');
  });
});
