import { describe, expect, it } from 'vitest';
import { errorsOf } from '../errors.ts';
import type { InputSpec } from '../inputs/input-spec.ts';
import { plopBypass } from './plop-bypass.ts';

const input = (name: string, extra: Partial<InputSpec<never>> = {}): InputSpec<never> => ({
  name,
  message: name,
  help: `${name}: ${name}`,
  type: 'string',
  ...extra,
});
const inputs = [
  input('name'),
  input('namespace'),
  input('createNamespace', { type: 'boolean' }),
  input('source', { prompt: false }),
  input('port', { type: 'number' }),
];
const refusal = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return errorsOf(error)?.[0];
  }
  throw new Error('not refused');
};

describe("plop's bypass for our generators", () => {
  it('fills inputs in prompt order from the words after the generator; _ leaves one to ask', () => {
    expect(plopBypass(['app', 'whoami'], 'app', inputs)).toEqual({ name: 'whoami' });
    expect(plopBypass(['app', '_', 'media', 'y', '80'], 'app', inputs)).toEqual({
      namespace: 'media',
      createNamespace: 'y',
      port: '80', // flag-only inputs (source) take no place in the order
    });
  });

  it('fills inputs by name after --, in every form plop takes, over the words before it', () => {
    expect(
      plopBypass(
        ['app', 'x', '--dest', 'repo', '--', '--name=whoami', '--port', '80', '--createNamespace'],
        'app',
        inputs,
      ),
    ).toEqual({ name: 'whoami', port: '80', createNamespace: true });
    // plop's own flags before -- are plop's, not answers
    expect(plopBypass(['--dest', 'app', 'app', '-f'], 'app', inputs)).toEqual({});
  });

  it('gives nothing when plop runs another generator or was asked to pick one', () => {
    expect(plopBypass([], 'app', inputs)).toEqual({});
    expect(plopBypass(['namespace', 'media'], 'app', inputs)).toEqual({});
  });

  it('refuses what it cannot place, naming the input and the way to give it', () => {
    expect(
      refusal(() => plopBypass(['app', 'a', 'b', 'c', 'd', 'e'], 'app', inputs)),
    ).toMatchObject({
      code: 'USAGE',
      fix: expect.stringContaining('name namespace createNamespace port'),
    });
    expect(refusal(() => plopBypass(['app', '--', '--nmae=x'], 'app', inputs))).toMatchObject({
      field: 'nmae',
      message: '"nmae" is not an input of app; did you mean --name?',
    });
    expect(refusal(() => plopBypass(['app', '--', '--colour=x'], 'app', inputs))?.message).toBe(
      '"colour" is not an input of app',
    );
    expect(refusal(() => plopBypass(['app', '--', '--port'], 'app', inputs))).toMatchObject({
      field: 'port',
      fix: 'write it as --port=<value>',
    });
    expect(refusal(() => plopBypass(['app', '--', '--name=a', 'b'], 'app', inputs))?.message).toBe(
      '"b" after -- is not --<input>=<value>',
    );
  });
});
