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
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allFolders,
  DEAD_PID,
  FakeSignals,
  fsError,
  leftovers,
  spyFs,
} from '../../test/support/commit-faults.ts';
import { snapshotFiles } from '../../test/support/temp-repo.ts';
import { HomeopsError, HomeopsErrors } from '../errors.ts';
import { commit, type CommitStep } from './commit.ts';
import { InterruptedError } from './commit-signals.ts';
import { RepoTree, type FileChange } from './repo-tree.ts';

/** A repo with a registration file and an app folder, like a namespace of a Flux repo. */
function repo(): string {
  const root = mkdtempSync(join(tmpdir(), 'homeops-commit-'));
  writeFileSync(join(root, 'keep.yaml'), 'keep\n');
  mkdirSync(join(root, 'ns'));
  writeFileSync(join(root, 'ns/kustomization.yaml'), 'resources:\n  - ./a/ks.yaml\n');
  return root;
}

/** New files in new folders and two edits: the shape of `homeops app` into a namespace. */
function plan(root: string): FileChange[] {
  const tree = new RepoTree(root);
  tree.create('ns/b/app/helmrelease.yaml', 'release\n');
  tree.create('ns/b/ks.yaml', 'ks\n');
  tree.update('ns/kustomization.yaml', 'resources:\n  - ./a/ks.yaml\n  - ./b/ks.yaml\n');
  tree.update('keep.yaml', 'kept\n');
  return tree.changes();
}

const failure = async (run: Promise<unknown>): Promise<HomeopsError> => {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (error instanceof HomeopsError) return error;
  if (error instanceof HomeopsErrors && error.errors[0]) return error.errors[0];
  throw new Error(`expected a HomeopsError, got ${String(error)}`);
};

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

  it('Ctrl-C or SIGTERM between two renames: everything is put back, and the run says so', async () => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const root = repo();
      const before = snapshotFiles(root);
      const signals = new FakeSignals();
      const beforeStep = (step: CommitStep) => {
        if (step.kind === 'place' && step.path === 'ns/kustomization.yaml') signals.send(signal);
      };
      const error = await failure(commit(root, plan(root), { signals, beforeStep }));
      expect(error).toBeInstanceOf(InterruptedError);
      expect(error.message).toBe(`interrupted by ${signal} while writing; nothing was changed`);
      expect(snapshotFiles(root)).toEqual(before);
      expect(allFolders(root)).toEqual(['ns']);
      expect(signals.listening()).toBe(0);
      expect(signals.raised).toEqual([]);
    }
  });

  it('another run holding the lock: a clear refusal after the wait, nothing written', async () => {
    const root = repo();
    const held = { pid: process.pid, host: hostname(), started: '2025-01-01T10:00:00.000Z' };
    writeFileSync(join(root, '.homeops.lock'), JSON.stringify({ ...held, token: 'other' }));
    const error = await failure(commit(root, plan(root), { lockWaitMs: 0 }));
    expect(error.message).toBe(
      `another homeops run (pid ${process.pid} on ${hostname()}, since 2025-01-01T10:00:00.000Z) is writing to this repository`,
    );
    expect(error.fix).toBe(
      'wait for it to finish and run again; if no homeops run is active, remove .homeops.lock',
    );
    expect(readFileSync(join(root, 'keep.yaml'), 'utf8')).toBe('keep\n');
    expect(existsSync(join(root, '.homeops.lock'))).toBe(true); // not ours to remove
  });

  it('a stale lock of a killed run: removed with its temporary files and empty folders, and reported', async () => {
    const root = repo();
    mkdirSync(join(root, 'ns/z/app'), { recursive: true });
    writeFileSync(join(root, 'ns/z/app/x.yaml.homeops-9.tmp'), 'half');
    const lock = {
      pid: DEAD_PID,
      host: hostname(),
      started: '2025-01-01T10:00:00.000Z',
      token: 't',
      temps: ['ns/z/app/x.yaml.homeops-9.tmp'],
      dirs: ['ns/z', 'ns/z/app'],
    };
    writeFileSync(join(root, '.homeops.lock'), JSON.stringify(lock));
    const report = await commit(root, plan(root));
    expect(report.recovered).toEqual([
      `an earlier homeops run (pid ${DEAD_PID}, started 2025-01-01T10:00:00.000Z) was interrupted while writing: removed its lock`,
      'removed 1 leftover temporary file(s): ns/z/app/x.yaml.homeops-9.tmp',
      'removed the empty folder(s) it had made: ns/z, ns/z/app',
    ]);
    expect(existsSync(join(root, 'ns/z'))).toBe(false);
    expect(leftovers(root)).toEqual([]);
    expect(readFileSync(join(root, 'keep.yaml'), 'utf8')).toBe('kept\n');
  });

  it('temporary files of a run that left no lock, in the folders it writes to: removed and reported', async () => {
    const root = repo();
    writeFileSync(join(root, 'ns/kustomization.yaml.homeops-4242.tmp'), 'resources: [');
    writeFileSync(join(root, 'unrelated.homeops.tmp.yaml'), 'mine\n');
    const report = await commit(root, plan(root));
    expect(report.recovered).toEqual([
      'removed 1 leftover temporary file(s): ns/kustomization.yaml.homeops-4242.tmp',
    ]);
    expect(existsSync(join(root, 'unrelated.homeops.tmp.yaml'))).toBe(true);
  });

  it('reports every refusal of the check at once', async () => {
    const root = repo();
    const changes = plan(root);
    writeFileSync(join(root, 'keep.yaml'), 'edited\n');
    chmodSync(join(root, 'ns/kustomization.yaml'), 0o444);
    const error = await commit(root, changes).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HomeopsErrors);
    expect((error as HomeopsErrors).errors.map((e) => e.file)).toEqual([
      'keep.yaml',
      'ns/kustomization.yaml',
    ]);
  });
});
