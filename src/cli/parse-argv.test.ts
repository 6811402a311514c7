import { describe, expect, it } from 'vitest';
import type { InputSpec } from '../inputs/input-spec.ts';
import { parseGeneratorArgv } from './parse-argv.ts';

const inputs = [
  { name: 'name', message: 'Name', help: 'name: n', type: 'string' },
  { name: 'createNamespace', message: 'c', help: 'createNamespace: c', type: 'boolean' },
] as InputSpec<never>[];

describe('parseGeneratorArgv', () => {
  it.each([
    [['--name=aa', '--name=bb'], 'name'],
    [['--name', 'aa', '--name=bb'], 'name'],
    [['--answers=a.yaml', '--answers', 'b.yaml'], 'answers'],
    [['--dest=.', '--dest=..'], 'dest'],
  ])('refuses %j: the last value would win without a word', (argv, flag) => {
    expect(() => parseGeneratorArgv(argv, inputs)).toThrow(
      expect.objectContaining({
        code: 'USAGE',
        field: flag,
        message: `--${flag} is given more than once`,
      }),
    );
  });

  it('takes each flag once', () => {
    const options = parseGeneratorArgv(['--name=aa', '--createNamespace'], inputs);
    expect(options.given).toEqual({ name: 'aa', createNamespace: 'true' });
  });

  it('takes an input of two words in kebab case too, as flux and kubectl users type it', () => {
    expect(parseGeneratorArgv(['--create-namespace'], inputs).given).toEqual({
      createNamespace: 'true',
    });
    expect(parseGeneratorArgv(['--create-namespace=false'], inputs).given).toEqual({
      createNamespace: 'false',
    });
    // both spellings are one flag: given twice
    expect(() => parseGeneratorArgv(['--createNamespace', '--create-namespace'], inputs)).toThrow(
      expect.objectContaining({ code: 'USAGE', field: 'createNamespace' }),
    );
    // the global --dry-run stays itself
    expect(parseGeneratorArgv(['--dry-run'], inputs).dryRun).toBe(true);
  });
});
