import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  allFolders,
  DEAD_PID,
  FakeSignals,
  leftovers,
  spyFs,
} from '../../test/support/commit-faults.ts';
import { failure, plan, repo } from '../../test/support/commit-repo.ts';
import { snapshotFiles } from '../../test/support/temp-repo.ts';
import { commit, type CommitStep } from './commit.ts';
import { InterruptedError } from './commit-signals.ts';

describe('commit: signals, the lock, and what interrupted runs left', () => {
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

  it('a signal after the last check: the change is complete, and the signal is sent again to end the run', async () => {
    const root = repo();
    const changes = plan(root);
    const signals = new FakeSignals();
    // the signal comes while the lock is being released, after the last step's check
    const disk = spyFs(root, (call, path) => {
      if (call === 'unlinkSync' && path === '.homeops.lock') signals.send('SIGTERM');
    });
    await commit(root, changes, { fs: disk, signals });
    for (const change of changes)
      expect(readFileSync(join(root, change.path), 'utf8')).toBe(change.after);
    expect(leftovers(root)).toEqual([]);
    expect(signals.listening()).toBe(0);
    expect(signals.raised).toEqual(['SIGTERM']);
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
});
