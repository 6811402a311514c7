import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RepoTree } from '../tree/repo-tree.ts';
import { readConfig } from './config.ts';

function configOf(text: string) {
  const root = mkdtempSync(join(tmpdir(), 'homeops-config-'));
  writeFileSync(join(root, '.homeops.yaml'), text);
  return () => readConfig(new RepoTree(root));
}

describe('.homeops.yaml', () => {
  it.each(['__proto__', 'toString', 'constructor', 'hasOwnProperty'])(
    'a convention named %s is an unknown convention, on its line',
    (name) => {
      expect(configOf(`conventions:\n  routeIn: values\n  ${name}: x\n`)).toThrow(
        expect.objectContaining({
          code: 'LAYOUT',
          file: '.homeops.yaml',
          line: 3,
          message: `conventions.${name}: unknown convention "${name}"`,
          fix: expect.stringMatching(/^known: routeIn, storageIn, /),
        }),
      );
    },
  );

  it('conventions that are not a mapping say so', () => {
    expect(configOf('conventions: [routeIn]\n')).toThrow(
      expect.objectContaining({
        line: 1,
        message: 'conventions: must be a mapping of convention -> value',
      }),
    );
  });

  it('keeps the conventions it knows, as a plain object', () => {
    const config = configOf('conventions:\n  routeIn: file\n  podUser: 1000\n')();
    expect(config.conventions).toEqual({ routeIn: 'file', podUser: 1000 });
    expect(Object.getPrototypeOf(config.conventions)).toBe(Object.prototype);
  });
});
