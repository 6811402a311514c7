import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { HomeopsError } from '../errors.ts';
import type { Answers } from '../inputs/input-spec.ts';
import { parseYaml } from '../yaml/parse-yaml.ts';

/**
 * An answers file (YAML or JSON): a mapping of input name to value. Flags override it. Values are
 * read as text, as flags are (`1.10` stays "1.10"); each input parses its own. Any problem with
 * the file is a usage error.
 */
export function readAnswersFile(path: string): Answers {
  const text = readSmallFile(path);
  let data: unknown;
  try {
    data = parseYaml(text, path, { schema: 'failsafe' }).toJS();
  } catch (error) {
    const e = error as HomeopsError;
    throw new HomeopsError('USAGE', `the answers file is not valid YAML: ${e.message}`, {
      field: 'answers',
      file: path,
      ...(e.line !== undefined && { line: e.line }),
      fix: 'fix its syntax',
    });
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new HomeopsError(
      'USAGE',
      `the answers file ${path} must be a mapping of input name to value`,
      { field: 'answers', file: path, fix: 'e.g. name: echo' },
    );
  }
  return data as Answers;
}

/** An answers file is a few lines; anything this big is not one. */
export const MAX_ANSWERS_BYTES = 1024 * 1024;

/**
 * The file's text, if it is a regular file of at most MAX_ANSWERS_BYTES: `/dev/zero`, a FIFO or
 * a folder is refused at once (opened without blocking, checked on the open file, read capped).
 */
function readSmallFile(path: string): string {
  const refuse = (why: string, fix = 'pass the path of a YAML or JSON file') =>
    new HomeopsError('USAGE', `the answers file ${path} ${why}`, { field: 'answers', fix });
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    throw refuse('cannot be read');
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw refuse('is not a regular file (a folder, device or pipe)');
    if (stat.size > MAX_ANSWERS_BYTES)
      throw refuse(
        `is ${stat.size} bytes; an answers file may be at most ${MAX_ANSWERS_BYTES} bytes`,
        'pass a file of input names and values (name: echo), one per line',
      );
    const buffer = Buffer.alloc(MAX_ANSWERS_BYTES + 1);
    let length = 0;
    for (let n = 1; n > 0 && length <= MAX_ANSWERS_BYTES; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > MAX_ANSWERS_BYTES) throw refuse('grew past the size an answers file may have');
    return buffer.subarray(0, length).toString('utf8');
  } catch (error) {
    if (error instanceof HomeopsError) throw error;
    throw refuse('cannot be read');
  } finally {
    closeSync(fd);
  }
}
