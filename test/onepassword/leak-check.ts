import { inspect } from 'node:util';
import { expect } from 'vitest';
import { SENTINEL_TOKEN, SENTINEL_VALUE, WRONG_TOKEN } from './fixtures.ts';

const SENTINELS = [SENTINEL_TOKEN, WRONG_TOKEN, SENTINEL_VALUE];

/** Runs `run` while recording everything written to stdout, stderr and the console. */
export async function captureOutput<T>(
  run: () => Promise<T>,
): Promise<{ result?: T; error?: unknown; output: string }> {
  const chunks: string[] = [];
  const record = (...args: unknown[]): void =>
    void chunks.push(
      args.map((a) => (typeof a === 'string' ? a : inspect(a, { depth: 10 }))).join(' '),
    );
  const { stdout, stderr } = process;
  const writes = { out: stdout.write, err: stderr.write };
  const consoleMethods = ['log', 'error', 'warn', 'info', 'debug', 'trace'] as const;
  const saved = consoleMethods.map((m) => console[m]);
  stdout.write = ((chunk: unknown) => (record(String(chunk)), true)) as typeof stdout.write;
  stderr.write = ((chunk: unknown) => (record(String(chunk)), true)) as typeof stderr.write;
  for (const m of consoleMethods) console[m] = record;
  try {
    return { result: await run(), output: chunks.join('\n') };
  } catch (error) {
    return { error, output: chunks.join('\n') };
  } finally {
    stdout.write = writes.out;
    stderr.write = writes.err;
    consoleMethods.forEach((m, i) => (console[m] = saved[i]!));
  }
}

/** Every way an error might be shown or logged. */
export function errorSurfaces(err: unknown): Record<string, string> {
  const e = err as { message?: unknown; stack?: unknown; format?: () => string };
  return {
    message: String(e.message),
    json: JSON.stringify(err),
    inspect: inspect(err, { depth: 10, showHidden: true }),
    stack: String(e.stack),
    format: typeof e.format === 'function' ? e.format() : '',
    string: String(err),
  };
}

/** Fails if any sentinel (token or secret value) appears in any of the texts. */
export function expectNoSentinels(texts: Record<string, string>, extra: string[] = []): void {
  for (const [where, text] of Object.entries(texts)) {
    for (const sentinel of [...SENTINELS, ...extra]) {
      expect(text.includes(sentinel), `${sentinel} leaked into ${where}`).toBe(false);
    }
  }
}
