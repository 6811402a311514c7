import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_ANSWERS_BYTES, readAnswersFile } from './read-answers-file.ts';

const folder = () => mkdtempSync(join(tmpdir(), 'homeops-answers-'));

describe('readAnswersFile', () => {
  it('reads a mapping of input name to value, as text', () => {
    const path = join(folder(), 'a.yaml');
    writeFileSync(path, 'name: echo\nport: 80\n');
    expect(readAnswersFile(path)).toEqual({ name: 'echo', port: '80' });
  });

  it.each([
    ['/dev/zero', 'a device that never ends'],
    ['/dev/null', 'a device'],
  ])('refuses %s (%s) at once: it is not a regular file', (path) => {
    expect(() => readAnswersFile(path)).toThrow(
      expect.objectContaining({
        code: 'USAGE',
        field: 'answers',
        message: `the answers file ${path} is not a regular file (a folder, device or pipe)`,
      }),
    );
  });

  it('refuses a folder and a named pipe without waiting for a writer', () => {
    const dir = folder();
    expect(() => readAnswersFile(dir)).toThrow(/is not a regular file/);
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    expect(() => readAnswersFile(fifo)).toThrow(
      `the answers file ${fifo} is not a regular file (a folder, device or pipe)`,
    );
  });

  it('refuses a file larger than an answers file may be, naming its size', () => {
    const path = join(folder(), 'big.yaml');
    writeFileSync(path, `name: ${'a'.repeat(MAX_ANSWERS_BYTES)}\n`);
    expect(() => readAnswersFile(path)).toThrow(
      `the answers file ${path} is ${MAX_ANSWERS_BYTES + 7} bytes; an answers file may be at most ${MAX_ANSWERS_BYTES} bytes`,
    );
  });

  it('names a file that cannot be read', () => {
    expect(() => readAnswersFile('/nonexistent/answers.yaml')).toThrow(
      'the answers file /nonexistent/answers.yaml cannot be read',
    );
  });
});
