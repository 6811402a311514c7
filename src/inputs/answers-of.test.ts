import { describe, expect, it } from 'vitest';
import { answer, answersOf } from './answers-of.ts';
import type { InputSpec } from './input-spec.ts';

type Answers = { name: string; route: 'none' | 'host'; hostname?: string };

const inputs: InputSpec<null>[] = [
  { name: 'name', message: 'Name', help: 'name: the app', type: 'string', required: true },
  { name: 'route', message: 'Route', help: 'route: none | host', type: 'string', required: true },
  {
    name: 'hostname',
    message: 'Hostname',
    help: 'hostname: where the route answers',
    type: 'string',
    required: true,
    when: (a) => a['route'] === 'host',
  },
];

describe('answersOf', () => {
  it('gives the answers typed when every required input that applies is there', () => {
    const given = { name: 'echo', route: 'none' };
    const typed = answersOf<Answers, null>(given, inputs, null);
    expect(typed).toBe(given);
    expect(typed.name).toBe('echo');
  });

  it('names the missing input that applies, and its help', () => {
    expect(() => answersOf<Answers, null>({ name: 'echo', route: 'host' }, inputs, null)).toThrow(
      expect.objectContaining({
        code: 'MISSING_INPUT',
        field: 'hostname',
        message: 'missing required input: --hostname',
        fix: 'pass --hostname=<value> (hostname: where the route answers)',
      }),
    );
  });
});

describe('answer', () => {
  it('gives the value of an input that applies, and names the input when it is missing', () => {
    const a: Answers = { name: 'echo', route: 'host', hostname: 'echo.example.com' };
    expect(answer(a, 'hostname')).toBe('echo.example.com');
    expect(() => answer({ name: 'echo', route: 'host' } as Answers, 'hostname')).toThrow(
      expect.objectContaining({
        code: 'MISSING_INPUT',
        field: 'hostname',
        message: 'missing required input: --hostname',
      }),
    );
  });
});
