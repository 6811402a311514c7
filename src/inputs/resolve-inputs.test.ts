import { describe, expect, it } from 'vitest';
import { HomeopsErrors } from '../errors.ts';
import type { InputSpec } from './input-spec.ts';
import { resolveInputs } from './resolve-inputs.ts';

type Ctx = { domain: string };
const ctx: Ctx = { domain: 'example.com' };
const specs: InputSpec<Ctx>[] = [
  {
    name: 'name',
    message: 'Name',
    help: 'name: x',
    type: 'string',
    required: true,
    validate: (v: string) =>
      /^[a-z]+$/.test(v) ? undefined : { message: `"${v}" is bad`, fix: 'letters only' },
  },
  { name: 'port', message: 'Port', help: 'port: n', type: 'number', required: true },
  {
    name: 'route',
    message: 'Route',
    help: 'route: r',
    type: 'choice',
    choices: () => ['none', 'internal'].map((v) => ({ name: v, value: v })),
    default: () => 'none',
  },
  {
    name: 'hostname',
    message: 'Host',
    help: 'hostname: h',
    type: 'string',
    when: (a) => a.route !== 'none',
    default: async (c, a) => `${String(a.name)}.${c.domain}`,
  },
  { name: 'tags', message: 'Tags', help: 'tags: t', type: 'list', default: () => [] },
];

describe('resolveInputs', () => {
  it('parses given values, fills defaults (async ones too) in declaration order', async () => {
    const answers = await resolveInputs(specs, ctx, {
      given: { name: 'echo', port: '80', route: 'internal', tags: 'a, b' },
    });
    expect(answers).toEqual({
      name: 'echo',
      port: 80,
      route: 'internal',
      hostname: 'echo.example.com',
      tags: ['a', 'b'],
    });
  });

  it('takes the repo config defaults over the built-in ones', async () => {
    const answers = await resolveInputs(specs, ctx, {
      given: { name: 'echo', port: '80' },
      configDefaults: { route: 'internal' },
    });
    expect(answers.route).toBe('internal');
  });

  it('reports every refusal at once, each naming its field and fix', async () => {
    const error = await resolveInputs(specs, ctx, {
      given: { name: 'Echo', port: 'http', route: 'public' },
    }).catch((e) => e);
    expect(error).toBeInstanceOf(HomeopsErrors);
    expect((error as HomeopsErrors).errors.map((e) => e.field)).toEqual(['name', 'port', 'route']);
    expect((error as HomeopsErrors).errors[0]!.fix).toBe('letters only');
  });

  it('names every missing required input', async () => {
    await expect(resolveInputs(specs, ctx, { given: {} })).rejects.toMatchObject({
      code: 'MISSING_INPUT',
      message: 'missing required inputs: --name, --port',
    });
  });

  it('refuses an unknown input as a usage error, and an input that does not apply', async () => {
    await expect(resolveInputs(specs, ctx, { given: { nmae: 'x' } })).rejects.toMatchObject({
      code: 'USAGE',
    });
    await expect(
      resolveInputs(specs, ctx, { given: { name: 'echo', port: '80', hostname: 'x.example.com' } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', field: 'hostname' });
  });

  it('asks only for what is missing, offering the default, and never after a refusal', async () => {
    const asked: [string, unknown][] = [];
    const ask = async (spec: InputSpec<Ctx>, _a: unknown, _c: Ctx, fallback: unknown) => {
      asked.push([spec.name, fallback]);
      return spec.name === 'port' ? '8080' : fallback;
    };
    await resolveInputs(specs, ctx, { given: { name: 'echo', route: 'internal' }, ask });
    expect(asked).toEqual([
      ['port', undefined],
      ['hostname', 'echo.example.com'],
      ['tags', []],
    ]);
    asked.length = 0;
    await expect(resolveInputs(specs, ctx, { given: { name: 'BAD' }, ask })).rejects.toMatchObject({
      field: 'name',
    }); // missing inputs are not reported after a refusal
    expect(asked).toEqual([]);
  });
});

describe('resolveInputs: empty lists and long values', () => {
  const listSpecs: InputSpec<Ctx>[] = [
    { name: 'modules', message: 'Modules', help: 'modules: m', type: 'list', required: true },
  ];

  it('takes an empty required list (`--modules=`, `modules: []`) as a missing input', async () => {
    for (const given of [{ modules: '' }, { modules: ' , ' }, { modules: [] }])
      await expect(resolveInputs(listSpecs, ctx, { given })).rejects.toMatchObject({
        code: 'MISSING_INPUT',
        message: 'missing required input: --modules',
      });
  });

  it('cuts a long value wherever a check quotes it', async () => {
    const long = 'A'.repeat(3000);
    const error = await resolveInputs(specs, ctx, { given: { name: long, port: '80' } }).catch(
      (e: Error) => e,
    );
    expect((error as Error).message).toBe(`"${'A'.repeat(64)}... (3000 characters)" is bad`);
  });
});
