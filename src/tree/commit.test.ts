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
import { allFolders, fsError, leftovers, spyFs } from '../../test/support/commit-faults.ts';
import { failure, plan, repo } from '../../test/support/commit-repo.ts';
import { snapshotFiles } from '../../test/support/temp-repo.ts';
import { HomeopsErrors } from '../errors.ts';
import { commit, type CommitStep } from './commit.ts';
import { RepoTree } from './repo-tree.ts';

describe('commit', () => {
  it('writes every change, creating folders, and leaves no temporary file or lock', async () => {
    const root = repo();
    const report = await commit(root, plan(root));
    expect(report.recovered).toEqual([]);
    expect(readFileSync(join(root, 'keep.yaml'), 'utf8')).toBe('kept\n');
    expect(readFileSync(join(root, 'ns/b/app/helmrelease.yaml'), 'utf8')).toBe('release\n');
    expect(readFileSync(join(root, 'ns/kustomization.yaml'), 'utf8')).toContain('./b/ks.yaml');
    expect(leftovers(root)).toEqual([]);
    expect(readdirSync(join(root, 'ns/b'))).toEqual(['app', 'ks.yaml']);
  });

  it('renames new files first, deeper ones before the files above them, and edits last', async () => {
    const root = repo();
    const disk = spyFs(root);
    await commit(root, plan(root), { fs: disk });
    const renames = disk.log
      .filter((l) => l.startsWith('renameSync') && !l.includes('.homeops.lock'))
      .map((l) => l.replace(/^renameSync /, '').replace(/\.homeops-\d+\.tmp$/, ''));
    expect(renames).toEqual([
      'ns/b/app/helmrelease.yaml',
      'ns/b/ks.yaml',
      'ns/kustomization.yaml',
      'keep.yaml',
    ]);
  });

  it('keeps the mode of a file it updates', async () => {
    const root = repo();
    chmodSync(join(root, 'keep.yaml'), 0o640);
    const tree = new RepoTree(root);
    tree.write('keep.yaml', 'kept\n');
    await commit(root, tree.changes());
    expect(statSync(join(root, 'keep.yaml')).mode & 0o777).toBe(0o640);
  });

  it('refuses when a file changed on disk after the plan was made, naming it', async () => {
    const root = repo();
    const changes = plan(root);
    writeFileSync(join(root, 'keep.yaml'), 'edited by hand\n');
    const before = snapshotFiles(root);
    const error = await failure(commit(root, changes));
    expect(error.message).toBe(
      'keep.yaml changed on disk since this run read it (another homeops run, or an editor); nothing was changed',
    );
    expect(error.fix).toBe('run the command again: it plans against the files as they are now');
    expect(snapshotFiles(root)).toEqual(before);
    expect(allFolders(root)).toEqual(['ns']);
  });

  it('refuses a read-only (mode 444) file it would edit, naming it, and writes nothing', async () => {
    const root = repo();
    const changes = plan(root);
    chmodSync(join(root, 'ns/kustomization.yaml'), 0o444);
    const before = snapshotFiles(root);
    const error = await failure(commit(root, changes));
    expect(error.message).toBe(
      'ns/kustomization.yaml is read-only (mode 444), and this change edits it',
    );
    expect(error.file).toBe('ns/kustomization.yaml');
    expect(error.fix).toMatch(/chmod u\+w ns\/kustomization\.yaml/);
    expect(snapshotFiles(root)).toEqual(before);
    expect(statSync(join(root, 'ns/kustomization.yaml')).mode & 0o777).toBe(0o444);
  });

  it('refuses to write through a symlinked folder that leaves the repo, or over a symlinked file', async () => {
    const root = repo();
    const outside = mkdtempSync(join(tmpdir(), 'homeops-outside-'));
    symlinkSync(outside, join(root, 'escape'));
    const tree = new RepoTree(root);
    tree.create('escape/x.yaml', 'x\n');
    expect((await failure(commit(root, tree.changes()))).message).toBe(
      'escape/x.yaml is behind a symbolic link that leaves the repository',
    );
    expect(readdirSync(outside)).toEqual([]);
    symlinkSync(join(root, 'keep.yaml'), join(root, 'linked.yaml'));
    const tree2 = new RepoTree(root);
    tree2.write('linked.yaml', 'changed\n');
    expect((await failure(commit(root, tree2.changes()))).message).toBe(
      'linked.yaml is a symbolic link',
    );
  });

  it('names a dangling symlink or a symlink loop on the way to a new file, instead of "not writable"', async () => {
    const root = repo();
    symlinkSync('/nonexistent-homeops-target', join(root, 'ns/b'));
    const error = await failure(commit(root, plan(root)));
    expect(error.message).toBe(
      'ns/b is a symbolic link to something that does not exist, on the way to ns/b/app/helmrelease.yaml',
    );
    expect(error.fix).toMatch(/replace the link/);
    const loop = repo();
    const changes = plan(loop); // planned before the loop is made: the tree would refuse it
    symlinkSync('b2', join(loop, 'ns/b'));
    symlinkSync('b', join(loop, 'ns/b2'));
    expect((await failure(commit(loop, changes))).message).toMatch(
      /^ns\/b is a symbolic link loop, on the way to ns\/b\/app\/helmrelease\.yaml$/,
    );
  });

  it('a full disk: the failed write, its empty temporary file and the folders made for it are removed', async () => {
    const root = repo();
    const before = snapshotFiles(root);
    const disk = spyFs(root, (call, path, args) => {
      if (call === 'writeFileSync' && path.startsWith('ns/b/ks.yaml')) {
        writeFileSync(String(args[0]), ''); // what a full disk leaves: the file, empty
        throw fsError('ENOSPC', 'write', String(args[0]));
      }
    });
    const error = await failure(commit(root, plan(root), { fs: disk }));
    expect(error.message).toBe(
      'could not write ns/b/ks.yaml: the disk is full; nothing was changed',
    );
    expect(error.fix).toBe('free some space on the disk and run again');
    expect(snapshotFiles(root)).toEqual(before);
    expect(allFolders(root)).toEqual(['ns']);
  });

  it('a rename that fails after others succeeded: the renamed files are put back (issue 13)', async () => {
    const root = repo();
    const before = snapshotFiles(root);
    const disk = spyFs(root, (call, path) => {
      if (call === 'renameSync' && path.startsWith('keep.yaml.homeops-'))
        throw fsError('EIO', 'rename', path); // the last rename: three files are in place
    });
    const error = await failure(commit(root, plan(root), { fs: disk }));
    expect(error.message).toBe(
      'could not write keep.yaml: an input/output error; nothing was changed',
    );
    expect(disk.log.filter((l) => l.startsWith('renameSync ns/')).length).toBeGreaterThan(1);
    expect(snapshotFiles(root)).toEqual(before);
    expect(allFolders(root)).toEqual(['ns']);
  });

  it('an edit made between the check and a rename is a conflict, and the edit is kept', async () => {
    const root = repo();
    const beforeStep = (step: CommitStep) => {
      if (step.kind === 'place' && step.path === 'ns/kustomization.yaml')
        writeFileSync(join(root, 'ns/kustomization.yaml'), 'resources:\n  - ./c/ks.yaml\n');
    };
    const error = await failure(commit(root, plan(root), { beforeStep }));
    expect(error.message).toBe(
      'ns/kustomization.yaml changed on disk since this run read it (another homeops run, or an editor); nothing was changed',
    );
    expect(readFileSync(join(root, 'ns/kustomization.yaml'), 'utf8')).toBe(
      'resources:\n  - ./c/ks.yaml\n',
    );
    expect(existsSync(join(root, 'ns/b'))).toBe(false);
    expect(readFileSync(join(root, 'keep.yaml'), 'utf8')).toBe('keep\n');
    expect(leftovers(root)).toEqual([]);
  });

  it('a folder where a file goes: named, nothing written', async () => {
    const root = repo();
    const changes = plan(root);
    mkdirSync(join(root, 'ns/b/ks.yaml'), { recursive: true });
    const error = await failure(commit(root, changes));
    expect(error.message).toBe('ns/b/ks.yaml is a folder, and this change writes a file there');
    expect(readFileSync(join(root, 'keep.yaml'), 'utf8')).toBe('keep\n');
    expect(leftovers(root)).toEqual([]);
  });

  it('reports every refusal of the check at once', async () => {
    const root = repo();
    const changes = plan(root);
    writeFileSync(join(root, 'keep.yaml'), 'edited\n');
    chmodSync(join(root, 'ns/kustomization.yaml'), 0o444);
    const error = await commit(root, changes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HomeopsErrors);
    expect((error as HomeopsErrors).errors.map((e) => [e.file, e.message, e.fix])).toEqual([
      [
        'keep.yaml',
        'keep.yaml changed on disk since this run read it (another homeops run, or an editor); nothing was changed',
        'run the command again: it plans against the files as they are now',
      ],
      [
        'ns/kustomization.yaml',
        'ns/kustomization.yaml is read-only (mode 444), and this change edits it',
        'make it writable (chmod u+w ns/kustomization.yaml) if homeops may edit it, and run again',
      ],
    ]);
  });
});
