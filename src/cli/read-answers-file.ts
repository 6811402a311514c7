import { readFileSync } from 'node:fs';
import { HomeopsError } from '../errors.ts';
import type { Answers } from '../inputs/input-spec.ts';
import { parseYaml } from '../yaml/parse-yaml.ts';

/**
 * An answers file (YAML or JSON): a mapping of input name to value. Flags override it. Values are
 * read as text, as flags are (`1.10` stays "1.10"); each input parses its own. Any problem with
 * the file is a usage error.
 */
export function readAnswersFile(path: string): Answers {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new HomeopsError('USAGE', `cannot read the answers file ${path}`, {
      field: 'answers',
      fix: 'pass the path of a YAML or JSON file',
    });
  }
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
