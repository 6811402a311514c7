import { cpSync, existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KEY, homeopsAtTerminal, pressCtrlC } from './support/interactive-runs.ts';
import { SHAPES } from './support/shape-fixtures.ts';
import { ROOT, snapshotFiles } from './support/temp-repo.ts';

/** A repo with both Flux and Argo CD objects: a person at a terminal is asked which engine. */
describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))(
  'homeops app in a repo with both engines, at a terminal',
  () => {
    it('asks which engine deploys the new app, then asks the inputs of that one', async () => {
      const repo = mkdtempSync(join(tmpdir(), 'homeops-both-'));
      cpSync(join(SHAPES, 'flux-and-argocd'), repo, { recursive: true });
      const before = snapshotFiles(repo);
      const session = homeopsAtTerminal(['app'], repo);
      try {
        await session.waitFor('Which one deploys the new app?');
        // the list takes keys once it is drawn
        await new Promise((r) => setTimeout(r, 300));
        session.write(KEY.down);
        await session.waitFor(/❯ Argo CD/);
        session.write('\r');
        await session.answer('App name', 'whoami');
        // the Argo CD variant's question: the ApplicationSet gives a fixed namespace
        await pressCtrlC(session, /Namespace[^\n]*tools/);
        await session.exited;
        expect(session.screen).toContain(
          '(to be asked no more: "engine: argocd" in .homeops.yaml)',
        );
        expect(snapshotFiles(repo)).toEqual(before);
      } finally {
        session.kill();
      }
    }, 60_000);
  },
);
