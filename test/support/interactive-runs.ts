import { join } from 'node:path';
import { PtySession } from './pty-session.ts';
import { ROOT } from './temp-repo.ts';

/** The keys a person presses. */
export const KEY = { down: '\u001b[B', clearLine: '\u0015', ctrlC: '\u0003' } as const;

/** The built `homeops` bin at a real terminal (no tsx: the bin is plain JS). */
export function homeopsAtTerminal(args: string[], cwd: string): PtySession {
  return new PtySession(process.execPath, [join(ROOT, 'bin/homeops.mjs'), ...args], {
    cwd,
    // no 1Password token (tests that want one start their own session)
    env: {
      CI: '',
      NODE_OPTIONS: '',
      NO_COLOR: '',
      OP_SERVICE_ACCOUNT_TOKEN: '',
      OP_CONNECT_HOST: '',
      OP_CONNECT_TOKEN: '',
    },
  });
}

/** `npx plop` of this checkout at a real terminal. */
export function plopAtTerminal(args: string[]): PtySession {
  return new PtySession('npx', ['plop', ...args], { cwd: ROOT, env: { CI: '', NO_COLOR: '' } });
}

/** How each front end is started on a repo, for tests that run both. */
export const FRONT_ENDS = [
  {
    name: 'homeops',
    start: (generator: string, repo: string) => homeopsAtTerminal([generator], repo),
  },
  {
    name: 'npx plop',
    start: (generator: string, repo: string) => plopAtTerminal([generator, '--dest', repo]),
  },
] as const;

/** Ctrl-C as a person presses it at a prompt, once the prompt is on screen. */
export async function pressCtrlC(session: PtySession, at: string | RegExp): Promise<void> {
  await session.waitFor(at);
  await new Promise((r) => setTimeout(r, 100));
  session.write(KEY.ctrlC);
}

/**
 * Answer each of these prompts once, in whatever order they come (the order of questions is the
 * generator's to choose), then stop at `until`, which is left to the caller to answer.
 */
export async function answerEach(
  session: PtySession,
  answers: Record<string, string>,
  until: string,
): Promise<void> {
  const left = new Map(Object.entries(answers));
  for (;;) {
    const prompt = await session.waitForAny([...left.keys(), until]);
    if (prompt === until) {
      if (left.size) throw new Error(`${until} came before ${[...left.keys()].join(', ')}`);
      return;
    }
    const keys = left.get(prompt) ?? '';
    left.delete(prompt);
    await new Promise((r) => setTimeout(r, 50));
    session.write(keys);
    await new Promise((r) => setTimeout(r, 50));
    session.write('\r');
  }
}
