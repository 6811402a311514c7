import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Answers } from '../src/inputs/input-spec.ts';
import { commit, type CommitStep } from '../src/tree/commit.ts';
import { InterruptedError } from '../src/tree/commit-signals.ts';
import type { FileChange } from '../src/tree/repo-tree.ts';
import {
  allFolders,
  DEAD_PID,
  FakeSignals,
  fsError,
  leftovers,
  spyFs,
} from './support/commit-faults.ts';
import {
  appInputs,
  expectBuilds,
  pick,
  planApp,
  planFiles,
  random,
  stepsOf,
} from './support/commit-plans.ts';
import { kustomizeRepo, planKustomize } from './support/kustomize-plans.ts';
import { copyFixture, hasKubectl, kustomize, snapshotFiles } from './support/temp-repo.ts';

/**
 * The commit's promise, as a property: for random plans and a failure injected before a random
 * step (a full disk, a signal, a kill, a concurrent edit, a concurrent writer), the repo holds the
 * whole change or none of it, every kustomization it has builds, and no temporary file remains.
 */

const KINDS = ['enospc', 'signal', 'kill', 'edit', 'writer'] as const;
type Kind = (typeof KINDS)[number];

interface Case {
  seed: number;
  kind: Kind;
  at: number;
  step: CommitStep;
}

interface CaseOptions {
  /** A fixture to copy, or a function that makes the repo. */
  fixture: string | (() => string);
  seed: number;
  /**
   * The plan: a Flux app through the generator, random kustomizations and the files they list
   * (both built), or random files in any folder.
   */
  plan: 'app' | 'kustomize' | 'files';
  /** The failure and its step; random when absent. */
  force?: { kind: Kind; at: number };
  /** Build only after a kill (the exhaustive run), or whenever the repo changed. */
  builds: 'changed' | 'kill';
  /** The plan and its steps, when made once for many cases (the fixture gives the same plan). */
  planned?: { inputs: Answers; changes: FileChange[]; steps: CommitStep[] };
}

async function runCase(o: CaseOptions): Promise<void> {
  const { fixture, seed, plan, force } = o;
  const flux = plan === 'app';
  const rnd = random(seed);
  const makeRepo = typeof fixture === 'string' ? () => copyFixture(fixture) : fixture;
  const root = makeRepo();
  const inputs = o.planned?.inputs ?? appInputs(rnd, seed);
  const changes =
    o.planned?.changes ??
    (flux
      ? await planApp(root, inputs)
      : plan === 'kustomize'
        ? planKustomize(root, rnd, seed)
        : planFiles(root, rnd));
  const steps = o.planned?.steps ?? (await stepsOf(makeRepo(), changes));
  const at = force?.at ?? Math.floor(rnd() * steps.length);
  const kind = force?.kind ?? pick(rnd, KINDS);
  const c: Case = { seed, kind, at, step: steps[at] as CommitStep };
  const build = plan !== 'files' && (o.builds === 'changed' || kind === 'kill');
  const label = `seed ${seed}: ${c.kind} before step ${at} (${JSON.stringify(c.step)})`;
  // a kustomize plan's repo is one tree: its top builds whenever every folder it lists does
  const expectBuilt = (theirs?: Map<string, string>) =>
    plan === 'kustomize'
      ? hasKubectl && kustomize(join(root, 'kubernetes/apps'))
      : expectBuilds(root, changes, theirs);
  const before = snapshotFiles(root);
  const foldersBefore = allFolders(root);

  // what the failure does; `touched` are files someone else wrote, with what they wrote
  const touched = new Map<string, string>();
  const signals = new FakeSignals();
  let failNow = false;
  let killed: () => void = () => {};
  const died = new Promise<void>((resolve) => (killed = resolve));
  let otherRefused = false;
  const disk = spyFs(root, (call, path, args) => {
    if (!failNow || !['writeFileSync', 'linkSync', 'mkdirSync', 'renameSync'].includes(call))
      return;
    failNow = false;
    if (call === 'writeFileSync') writeFileSync(String(args[0]), ''); // a full disk's empty file
    throw fsError('ENOSPC', call, path);
  });
  let index = 0;
  const beforeStep = async () => {
    if (index++ !== at) return;
    if (c.kind === 'enospc') failNow = true;
    if (c.kind === 'signal') signals.send(rnd() < 0.5 ? 'SIGINT' : 'SIGTERM');
    if (c.kind === 'kill') {
      killed();
      await new Promise(() => {}); // the process is gone: nothing after this runs
    }
    if (c.kind === 'edit') {
      const target = pick(rnd, changes);
      // valid YAML still, so that what they wrote builds too
      const text = `${target.before ?? target.after}# written by someone else ${seed}\n`;
      writeFileSync(join(root, target.path), text);
      touched.set(target.path, text);
    }
    if (c.kind === 'writer') {
      const other = pick(rnd, changes);
      const text = `${other.before ?? other.after}# another run ${seed}\n`;
      const theirs: FileChange = { ...other, after: text };
      try {
        await commit(root, [theirs], { lockWaitMs: 0 });
        touched.set(other.path, text);
      } catch (error) {
        otherRefused = true;
        expect(String(error), label).toMatch(/another homeops run .* is writing|changed|created/);
      }
    }
  };
  const outcome = await Promise.race([
    commit(root, changes, {
      fs: disk,
      signals,
      beforeStep,
      pid: c.kind === 'kill' ? DEAD_PID : process.pid,
    }).then(
      () => 'written' as const,
      (error: unknown) => error,
    ),
    died.then(() => 'killed' as const),
  ]);

  const after = snapshotFiles(root);
  if (outcome === 'killed') {
    // a run killed outright: what it left builds, and the next run cleans up and completes it
    if (build) expectBuilt();
    const debris = leftovers(root);
    for (const file of debris)
      expect(file, label).toMatch(new RegExp(`${DEAD_PID}|^.homeops.lock$`));
    const again = flux ? await planApp(root, inputs) : undefined;
    const report = await commit(root, again ?? changes.filter((ch) => after[ch.path] !== ch.after));
    if (debris.length > 0)
      expect(report.recovered[0], label).toMatch(
        new RegExp(
          `^an earlier homeops run \\(pid ${DEAD_PID}, .*\\) was interrupted while writing: removed its lock$`,
        ),
      );
    else expect(report.recovered, label).toEqual([]);
    for (const change of changes)
      expect(readFileSync(join(root, change.path), 'utf8'), label).toBe(change.after);
    expect(leftovers(root), label).toEqual([]);
    return;
  }

  expect(leftovers(root), label).toEqual([]);
  const ours = changes.filter((ch) => !touched.has(ch.path));
  const whole = ours.every((ch) => after[ch.path] === ch.after);
  const none = ours.every((ch) => after[ch.path] === ch.before);
  expect(whole || none, `${label}: ${String(outcome)}`).toBe(true);
  if (outcome === 'written') expect(whole, label).toBe(true);
  else expect(none, `${label}: ${String(outcome)}`).toBe(true);
  // a signal at any step is a rollback, never a change that went on; a full disk stops the run
  // unless nothing is left to write (the finish step only removes files)
  if (c.kind === 'signal') expect(outcome, label).toBeInstanceOf(InterruptedError);
  if (c.kind === 'enospc' && c.step.kind !== 'finish') expect(outcome, label).not.toBe('written');
  for (const [path, text] of touched) expect(after[path], label).toBe(text); // never lost
  const planned = new Set(changes.map((ch) => ch.path));
  for (const [path, text] of Object.entries(before))
    if (!planned.has(path)) expect(after[path], label).toBe(text);
  if (none && touched.size === 0) {
    expect(after, label).toEqual(before);
    expect(allFolders(root), label).toEqual(foldersBefore);
  }
  if (c.kind === 'writer' && c.step.kind !== 'lock') expect(otherRefused, label).toBe(true);
  if (build && !(none && touched.size === 0)) expectBuilt(touched);
}

describe('commit under injected failures (property)', () => {
  it('Flux apps into a namespace: all or nothing, builds, no temporary file', async () => {
    for (let seed = 1; seed <= 20; seed++)
      await runCase({ fixture: 'flux', seed, plan: 'app', builds: 'changed' });
  }, 120_000);

  it('random creates and edits: all or nothing, no temporary file', async () => {
    for (let seed = 101; seed <= 130; seed++)
      await runCase({ fixture: 'flux-operator', seed, plan: 'files', builds: 'changed' });
  }, 120_000);

  it('random kustomizations and the files they list (200 plans): all or nothing, builds, no temporary file', async () => {
    const base = kustomizeRepo();
    if (hasKubectl) kustomize(join(base, 'kubernetes/apps')); // it builds before any plan
    for (let seed = 201; seed <= 400; seed++)
      await runCase({ fixture: kustomizeRepo, seed, plan: 'kustomize', builds: 'changed' });
  }, 240_000);

  it('every kind of failure before every step of one plan', async () => {
    const fixture = 'flux';
    const root = copyFixture(fixture);
    // into an existing namespace: new folders, new files and an edit (its registration)
    const inputs = {
      name: 'app-x',
      namespace: 'default',
      image: 'ghcr.io/example/app:1.2.3',
      port: '8080',
      route: 'internal',
      storage: '1Gi',
    };
    const changes = await planApp(root, inputs);
    const steps = await stepsOf(copyFixture(fixture), changes);
    for (const kind of KINDS)
      for (let at = 0; at < steps.length; at++)
        await runCase({
          fixture,
          seed: 7,
          plan: 'app',
          force: { kind, at },
          builds: 'kill',
          planned: { inputs, changes, steps },
        });
    expect(steps.map((s) => s.kind)).toEqual([
      'lock',
      'recover',
      'verify',
      'journal',
      ...steps.filter((s) => s.kind === 'mkdir').map(() => 'mkdir'),
      ...changes.map(() => 'stage'),
      ...changes.filter((ch) => ch.before !== undefined).map(() => 'backup'),
      ...changes.map(() => 'place'),
      'finish',
    ]);
  }, 120_000);
});
