import { describe, expect, it } from 'vitest';
import { memoryTree } from '../../test/support/memory-repo.ts';
import { RepoTree } from './repo-tree.ts';

describe('RepoTree over files in memory', () => {
  it('reads, lists and tells files from folders as the disk tree does, without a disk', () => {
    const tree = RepoTree.inMemory({
      'a/one.yaml': 'one\n',
      'a/b/two.yaml': 'two\n',
      'c.txt': 'c\n',
    });
    expect(tree.read('a/one.yaml')).toBe('one\n');
    expect(tree.read('a/missing.yaml')).toBeUndefined();
    expect(tree.children('')).toEqual(['a', 'c.txt']);
    expect(tree.children('a')).toEqual(['b', 'one.yaml']);
    expect(tree.subfolders('a')).toEqual(['b']);
    expect(tree.isFile('a/b/two.yaml')).toBe(true);
    expect(tree.isDirectory('a/b')).toBe(true);
    expect(tree.isDirectory('a/one.yaml')).toBe(false);
    expect(tree.exists('nope')).toBe(false);
    expect(tree.yamlFilesUnder('')).toEqual(['a/b/two.yaml', 'a/one.yaml']);
  });

  it('records writes against the in-memory "before", and nothing for identical bytes', () => {
    const tree = RepoTree.inMemory({ 'a/one.yaml': 'one\n' });
    tree.write('a/one.yaml', 'one\n');
    tree.create('a/new/three.yaml', 'three\n');
    tree.update('a/one.yaml', 'uno\n');
    expect(tree.changes()).toEqual([
      { path: 'a/new/three.yaml', type: 'create', before: undefined, after: 'three\n' },
      { path: 'a/one.yaml', type: 'update', before: 'one\n', after: 'uno\n' },
    ]);
    expect(tree.children('a')).toEqual(['new', 'one.yaml']);
    expect(() => tree.create('a/new/three.yaml', 'other\n')).toThrow(
      'file a/new/three.yaml already exists with different content',
    );
  });

  it('refuses a file name that is not repo-relative', () => {
    expect(() => RepoTree.inMemory({ '../x.yaml': 'x' })).toThrow(
      '"../x.yaml" is not a repo-relative file path',
    );
  });

  it('builds from a fixture folder with one file changed, read from the fixture, not copied', () => {
    const tree = memoryTree('flux', { 'talos/talconfig.yaml': null, 'extra.yaml': 'x: 1\n' });
    expect(tree.root).toBe('/in-memory/flux');
    expect(tree.isFile('kubernetes/apps/default/kustomization.yaml')).toBe(true);
    expect(tree.isFile('talos/talconfig.yaml')).toBe(false);
    expect(tree.read('extra.yaml')).toBe('x: 1\n');
  });
});
