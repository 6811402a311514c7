import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paintDiff, paintFor, wantsColour } from '../src/cli/paint.ts';
import { PtySession } from './support/pty-session.ts';
import { runBin } from './support/run-bin.ts';
import { copyFixture, ROOT } from './support/temp-repo.ts';

const GREEN = '\u001b[32m';
const RED = '\u001b[31m';
const ESC = '\u001b[';
const whoami = [
  '--yes',
  '--name=whoami',
  '--namespace=default',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
];

/** `homeops` with its output on a real terminal (no questions: --yes). */
async function atTerminal(args: string[], env: Record<string, string>) {
  const session = new PtySession(process.execPath, [join(ROOT, 'bin/homeops.mjs'), ...args], {
    cwd: ROOT,
    env: { CI: '', NODE_OPTIONS: '', ...env },
  });
  try {
    return { code: await session.exited, raw: session.raw };
  } finally {
    session.kill();
  }
}

describe('colour', () => {
  it('is on for a terminal, off when NO_COLOR is set or for dumb terminals and anything else', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true); // set but empty: not set
    expect(wantsColour({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    expect(wantsColour({}, {})).toBe(false);
  });

  it('colours a diff by line: added green, removed red, hunks cyan', () => {
    const painted = paintDiff('--- a/x\n+++ b/x\n@@ -1 +1 @@\n-old\n+new\n same', paintFor(true));
    expect(painted.split('\n')).toEqual([
      '\u001b[1m--- a/x\u001b[22m',
      '\u001b[1m+++ b/x\u001b[22m',
      '\u001b[36m@@ -1 +1 @@\u001b[39m',
      '\u001b[31m-old\u001b[39m',
      '\u001b[32m+new\u001b[39m',
      ' same',
    ]);
    expect(paintDiff('+new', paintFor(false))).toBe('+new');
  });

  describe.skipIf(!existsSync(join(ROOT, 'dist/homeops.mjs')))('of the homeops bin', () => {
    it('marks created files green and errors red on a terminal', async () => {
      const repo = copyFixture('flux-operator');
      const written = await atTerminal(['app', '--dest', repo, ...whoami], { NO_COLOR: '' });
      expect(written.code).toBe(0);
      expect(written.raw).toContain(
        `${GREEN}created${ESC}39m  kubernetes/apps/default/whoami/ks.yaml`,
      );
      const refused = await atTerminal(['app', '--dest', repo, '--yes', '--name=Bad_Name'], {
        NO_COLOR: '',
      });
      expect(refused.code).toBe(1);
      expect(refused.raw).toContain(`${RED}error:${ESC}39m --name:`);
    }, 30_000);

    it('uses none with NO_COLOR, nor when its output is piped', async () => {
      const repo = copyFixture('flux-operator');
      const noColour = await atTerminal(['app', '--dest', repo, ...whoami], { NO_COLOR: '1' });
      expect(noColour.code).toBe(0);
      expect(noColour.raw).toContain('created  kubernetes/apps/default/whoami/ks.yaml');
      expect(noColour.raw).not.toContain(GREEN);
      const piped = runBin(['app', '--dest', copyFixture('flux-operator'), ...whoami]);
      expect(piped.code).toBe(0);
      expect(piped.stdout).toContain('created  kubernetes/apps/default/whoami/ks.yaml');
      expect(`${piped.stdout}${piped.stderr}`).not.toContain(ESC);
    }, 30_000);
  });
});
