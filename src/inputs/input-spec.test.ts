import { describe, expect, it } from 'vitest';
import { parseInputValue, type InputSpec } from './input-spec.ts';

const spec = (type: InputSpec<unknown>['type'], name = 'port'): InputSpec<unknown> => ({
  name,
  message: name,
  help: `${name}: x`,
  type,
});

describe('parseInputValue', () => {
  it('reads a number from decimal digits only', () => {
    expect(parseInputValue(spec('number'), ' 8080 ')).toEqual({ value: 8080 });
    expect(parseInputValue(spec('number'), 80)).toEqual({ value: 80 });
    for (const raw of ['0x50', '1e3', '80.0', '+80', '-1', 'Infinity', '0b1', '9'.repeat(20)])
      expect(parseInputValue(spec('number'), raw), raw).toEqual({
        problem: {
          message: `"${raw}" is not a whole number (decimal digits only)`,
          fix: 'pass --port=<number>, e.g. --port=8080',
          prompt: `"${raw}" is not a whole number: type decimal digits only`,
        },
      });
  });

  it('refuses a list or a mapping where one value goes (an answers file `port: [80]`)', () => {
    expect(parseInputValue(spec('number'), ['80'])).toEqual({
      problem: { message: 'expected a single value, got a list', fix: 'pass --port=<value>' },
    });
    expect(parseInputValue(spec('string', 'name'), { a: 1 })).toEqual({
      problem: { message: 'expected a single value, got a mapping', fix: 'pass --name=<value>' },
    });
    expect(parseInputValue(spec('boolean', 'yes'), ['true'])).toMatchObject({
      problem: { message: 'expected a single value, got a list' },
    });
    expect(parseInputValue(spec('list', 'tags'), [['a'], 'b'])).toEqual({
      problem: { message: 'expected a list of single values', fix: 'pass --tags=a,b,c' },
    });
  });

  it('refuses control characters, showing where they were', () => {
    expect(parseInputValue(spec('string', 'name'), 'ec\u001bho')).toEqual({
      problem: {
        message: '"ec?ho" holds a control character (U+001B), which no value may',
        fix: 'pass --name without it',
      },
    });
    expect(parseInputValue(spec('list', 'modules'), ['ok', 'b\u0000d'])).toMatchObject({
      problem: { message: '"b?d" holds a control character (U+0000), which no value may' },
    });
  });

  it('splits a list at commas and newlines', () => {
    expect(parseInputValue(spec('list', 'tags'), 'a, b\nc,,')).toEqual({ value: ['a', 'b', 'c'] });
  });

  it('refuses a value longer than 4096 characters without quoting it', () => {
    const result = parseInputValue(spec('string', 'name'), 'x'.repeat(60_000));
    expect(result).toEqual({
      problem: {
        message: 'the value is 60000 characters long; an input takes at most 4096',
        fix: 'pass a shorter --name',
      },
    });
  });
});
