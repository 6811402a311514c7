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

  it('takes an alias as its input (--tier is --group)', () => {
    const group = {
      name: 'group',
      aliases: ['tier'],
      message: 'g',
      help: 'group: g',
      type: 'string',
    };
    const withGroup = [...inputs, group] as InputSpec<never>[];
    expect(parseGeneratorArgv(['--tier=apps'], withGroup).given).toEqual({ group: 'apps' });
    expect(parseGeneratorArgv(['--tier', 'apps'], withGroup).given).toEqual({ group: 'apps' });
    expect(() => parseGeneratorArgv(['--tier=apps', '--group=media'], withGroup)).toThrow(
      /--group is given more than once/,
    );
  });
});
