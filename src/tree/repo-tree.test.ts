import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { RepoTree } from './repo-tree.ts';

describe('RepoTree', () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'homeops-tree-'));
    mkdirSync(join(root, 'a'));
    writeFileSync(join(root, 'a/one.yaml'), 'one\n');
  });

  it('reads through to disk and lists pending files as children', () => {
    const tree = new RepoTree(root);
    tree.write('a/b/two.yaml', 'two\n');
    expect(tree.read('a/one.yaml')).toBe('one\n');
    expect(tree.children('a')).toEqual(['b', 'one.yaml']);
    expect(tree.isDirectory('a/b')).toBe(true);
    expect(tree.subfolders('a')).toEqual(['b']);
  });

  it('records nothing when a file is written with its current bytes', () => {
    const tree = new RepoTree(root);
    tree.write('a/one.yaml', 'changed\n');
    tree.write('a/one.yaml', 'one\n');
    expect(tree.changes()).toEqual([]);
  });

  it('lists creates and updates with the content before', () => {
    const tree = new RepoTree(root);
    tree.write('a/one.yaml', 'uno\n');
    tree.create('new.yaml', 'new\n');
    expect(tree.changes()).toEqual([
      { path: 'a/one.yaml', type: 'update', before: 'one\n', after: 'uno\n' },
      { path: 'new.yaml', type: 'create', before: undefined, after: 'new\n' },
    ]);
  });

  it('create refuses a file with other content and accepts identical content', () => {
    const tree = new RepoTree(root);
    expect(() => tree.create('a/one.yaml', 'one\n')).not.toThrow();
    expect(() => tree.create('a/one.yaml', 'other\n')).toThrow(
      expect.objectContaining({
        code: 'CONFLICT',
        file: 'a/one.yaml',
        message: 'file a/one.yaml already exists with different content',
        fix: 'choose another name, or remove or rename the existing file first',
      }),
    );
    expect(tree.changes()).toEqual([]);
  });

  it('refuses paths that leave the repository', () => {
    const tree = new RepoTree(root);
    expect(() => tree.write('../escape.yaml', 'x')).toThrow(/leaves the repository/);
    expect(() => tree.write('a/../../escape.yaml', 'x')).toThrow(/leaves the repository/);
  });
});
