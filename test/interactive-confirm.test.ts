import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerEach, FRONT_ENDS, KEY, pressCtrlC } from './support/interactive-runs.ts';
import { copyFixture, ROOT, snapshotFiles } from './support/temp-repo.ts';

/** The rest of a new app's questions, after its name and namespace, each with its defaults taken. */
const REST_OF_APP = {
  'Container image': 'ghcr.io/traefik/whoami:v1.10.4',
  Route: '',
  'Container port': '80',
  'Persistent storage size': '',
  'Depends on': '',
  'Secrets from 1Password?': '',
  'More options?': '',
};
const WRITE = 'Write these 5 files? (Y/n/d)';

describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))(
  'an interactive run shows what it will write and asks first',
  () => {
    describe.each(FRONT_ENDS)('$name app', ({ start }) => {
      it('lists the files, shows the diff on d and asks again, and writes them on Enter', async () => {
        const repo = copyFixture('flux-operator');
        const session = start('app', repo);
        try {
          await session.answer('App name', 'whoami');
          await session.answer('Namespace', '');
          await answerEach(session, REST_OF_APP, WRITE);
          expect(session.screen).toContain('create  kubernetes/apps/default/whoami/ks.yaml');
          expect(session.screen).toContain('update  kubernetes/apps/default/kustomization.yaml');
          expect(existsSync(join(repo, 'kubernetes/apps/default/whoami'))).toBe(false);
          await session.answer('', 'd');
          // the diff, then the question again
          await session.answer(
            /\+\+\+ b\/kubernetes\/apps\/default\/kustomization\.yaml[\s\S]*\+ {2}- \.\/whoami\/ks\.yaml[\s\S]*Write these 5 files\? \(Y\/n\/d\)/,
            '',
          );
          expect(await session.exited).toBe(0);
        } finally {
          session.kill();
        }
        expect(
          readFileSync(join(repo, 'kubernetes/apps/default/whoami/ks.yaml'), 'utf8'),
        ).toContain('name: whoami');
        expect(
          readFileSync(join(repo, 'kubernetes/apps/default/kustomization.yaml'), 'utf8'),
        ).toContain('  - ./whoami/ks.yaml');
      }, 60_000);

      it('writes nothing on n, and says so', async () => {
        const repo = copyFixture('flux-operator');
        const before = snapshotFiles(repo);
        const session = start('app', repo);
        try {
          await session.answer('App name', 'whoami');
          await session.answer('Namespace', '');
          await answerEach(session, REST_OF_APP, WRITE);
          await session.answer('', 'n');
          await session.waitFor('nothing written (you answered no)');
          expect(await session.exited).toBe(0);
        } finally {
          session.kill();
        }
        expect(snapshotFiles(repo)).toEqual(before);
      }, 60_000);

      it('refuses an app name taken in the chosen namespace at the namespace prompt, and asks the name again', async () => {
        const repo = copyFixture('flux-operator');
        const session = start('app', repo);
        try {
          await session.answer('App name', 'echo');
          await session.answer('Namespace', ''); // default, where echo lives
          await session.answer(
            /(>> an app named echo already exists in that namespace \(kubernetes\/apps\/default\/echo\/ks\.yaml\): type another name)[\s\S]*App name/,
            'whoami',
          );
          await session.answer('Namespace', '');
          await answerEach(session, REST_OF_APP, WRITE);
          await session.answer('', 'y');
          expect(await session.exited).toBe(0);
        } finally {
          session.kill();
        }
        // the refusal speaks of the prompt, not of flags
        const refusal = session.screen.split('\n').find((line) => line.startsWith('>>'));
        expect(refusal?.trimEnd()).toBe(
          '>> an app named echo already exists in that namespace (kubernetes/apps/default/echo/ks.yaml): type another name',
        );
        expect(existsSync(join(repo, 'kubernetes/apps/default/whoami/ks.yaml'))).toBe(true);
        expect(readFileSync(join(repo, 'kubernetes/apps/default/echo/ks.yaml'), 'utf8')).toBe(
          readFileSync(
            join(ROOT, 'test/fixtures/flux-operator/kubernetes/apps/default/echo/ks.yaml'),
            'utf8',
          ),
        );
      }, 60_000);

      it('goes back to the namespace list when the person will not create the namespace typed', async () => {
        const repo = copyFixture('flux-operator');
        const session = start('app', repo);
        try {
          await session.answer('App name', 'whoami');
          // default is preselected; "(another: type it)" is five down
          await session.answer('Namespace', KEY.down.repeat(5));
          await session.answer(/Namespace \(another: type it\)\s*\n\? Namespace/, 'media');
          await session.answer('That namespace does not exist yet. Create it?', 'n');
          // the list again (default preselected)
          await session.answer(
            />> not created: choose a namespace that exists, or type another[\s\S]*Namespace/,
            '',
          );
          await answerEach(session, REST_OF_APP, WRITE);
          await session.answer('', '');
          expect(await session.exited).toBe(0);
        } finally {
          session.kill();
        }
        expect(existsSync(join(repo, 'kubernetes/apps/media'))).toBe(false);
        expect(existsSync(join(repo, 'kubernetes/apps/default/whoami/ks.yaml'))).toBe(true);
      }, 60_000);

      it.each([
        ['at a question', 'Container image'],
        ['at "Write these files?"', WRITE],
      ])(
        'Ctrl-C %s says "cancelled, nothing written", exits 130 and writes nothing',
        async (_at, prompt) => {
          const repo = copyFixture('flux-operator');
          const before = snapshotFiles(repo);
          const session = start('app', repo);
          try {
            await session.answer('App name', 'whoami');
            await session.answer('Namespace', '');
            if (prompt === WRITE) await answerEach(session, REST_OF_APP, WRITE);
            await pressCtrlC(session, prompt === WRITE ? '' : prompt);
            await session.waitFor('cancelled, nothing written');
            expect(await session.exited).toBe(130);
          } finally {
            session.kill();
          }
          expect(snapshotFiles(repo)).toEqual(before);
        },
        60_000,
      );
    });
  },
);
