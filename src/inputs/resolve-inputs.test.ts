import { describe, expect, it } from 'vitest';
import { HomeopsErrors } from '../errors.ts';
import type { Answers, InputSpec } from './input-spec.ts';
import { resolveInputs, type Asker } from './resolve-inputs.ts';

/** A person who answers from a script: the next answer for each input, in turn; records what happens. */
function scriptedPerson<C>(
  script: Record<string, unknown[]>,
  more = false,
): Asker<C> & { asked: string[]; told: string[]; offered: string[] } {
  const left = Object.fromEntries(Object.entries(script).map(([k, v]) => [k, [...v]]));
  const person = {
    asked: [] as string[],
    told: [] as string[],
    offered: [] as string[],
    ask: async (spec: InputSpec<C>, _a: Answers, _c: C, fallback: unknown) => {
      person.asked.push(spec.name);
      const next = left[spec.name]?.shift();
      return next === undefined ? fallback : next;
    },
    moreOptions: async (defaulted: readonly { spec: InputSpec<C>; value: unknown }[]) => {
      person.offered.push(...defaulted.map((d) => `${d.spec.name}=${String(d.value)}`));
      return more;
    },
    refused: (problem: { message: string; prompt?: string }, at: InputSpec<C>, to: InputSpec<C>) =>
      void person.told.push(`${at.name}->${to.name}: ${problem.prompt ?? problem.message}`),
  };
  return person;
}

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
    const ask = {
      ...scriptedPerson<Ctx>({}),
      ask: async (spec: InputSpec<Ctx>, _a: unknown, _c: Ctx, fallback: unknown) => {
        asked.push([spec.name, fallback]);
        return spec.name === 'port' ? '8080' : fallback;
      },
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

describe('resolveInputs with a person at the prompts', () => {
  const app: InputSpec<Ctx>[] = [
    { name: 'name', message: 'Name', help: 'name: n', type: 'string', required: true },
    {
      name: 'namespace',
      message: 'Namespace',
      help: 'namespace: ns',
      type: 'choice',
      open: true,
      required: true,
      choices: () => [{ name: 'default', value: 'default' }],
      default: () => 'default',
      taken: (v: string, a) =>
        v === 'default' && a.name === 'echo'
          ? { field: 'name', message: 'echo exists', prompt: 'echo is there already' }
          : undefined,
    },
    {
      name: 'createNamespace',
      message: 'Create it?',
      help: 'createNamespace: c',
      type: 'boolean',
      askWhen: (a) => a.namespace !== 'default',
      default: () => false,
      validate: (v: boolean, a) =>
        v || a.namespace === 'default'
          ? undefined
          : { field: 'namespace', message: 'no such namespace', prompt: 'not created' },
    },
    {
      name: 'chart',
      message: 'Chart',
      help: 'chart: c',
      type: 'string',
      advanced: true,
      default: () => 'app-template',
    },
    {
      name: 'image',
      message: 'Image',
      help: 'image: i',
      type: 'string',
      required: true,
      when: (a) => a.chart === 'app-template',
    },
    {
      name: 'values',
      message: 'Values',
      help: 'values: v',
      type: 'string',
      when: (a) => a.chart !== 'app-template',
    },
    {
      name: 'version',
      message: 'Version',
      help: 'version: v',
      type: 'string',
      required: true,
      advanced: true,
      default: (_c, a) => (a.chart === 'app-template' ? '4.4.0' : undefined),
    },
    {
      name: 'port',
      message: 'Port',
      help: 'port: p',
      type: 'number',
      validate: (v: number) =>
        v < 65536 ? undefined : { message: 'too big', fix: 'pass --port=80' },
    },
  ];

  it('takes the defaults of advanced inputs unless the person wants more options', async () => {
    const person = scriptedPerson<Ctx>({ name: ['web'], image: ['nginx:1'], port: ['80'] });
    const answers = await resolveInputs(app, ctx, { given: {}, ask: person });
    expect(person.asked).toEqual(['name', 'namespace', 'image', 'port']);
    expect(person.offered).toEqual(['chart=app-template', 'version=4.4.0']);
    expect(answers).toMatchObject({ chart: 'app-template', version: '4.4.0', port: 80 });
  });

  it('asks the advanced inputs on "More options?", keeps the answers given, asks what applies only now', async () => {
    const person = scriptedPerson<Ctx>(
      {
        name: ['web'],
        image: ['nginx:1'],
        port: ['80'],
        chart: ['podinfo'],
        values: ['x'],
        version: ['6.0.0'],
      },
      true,
    );
    const answers = await resolveInputs(app, ctx, { given: {}, ask: person });
    expect(person.asked).toEqual([
      'name',
      'namespace',
      'image',
      'port',
      'chart',
      'values',
      'version',
    ]);
    expect(answers).toEqual({
      name: 'web',
      namespace: 'default',
      createNamespace: false,
      chart: 'podinfo',
      values: 'x',
      version: '6.0.0',
      port: 80,
    }); // the image no longer applies
  });

  it('asks an advanced input that has no default, as any other', async () => {
    const person = scriptedPerson<Ctx>({ name: ['web'], values: ['x'], version: ['1.0.0'] });
    const answers = await resolveInputs(app, ctx, {
      given: { chart: 'podinfo', port: '80' },
      ask: person,
    });
    expect(person.asked).toEqual(['name', 'namespace', 'values', 'version']);
    expect(answers.version).toBe('1.0.0');
  });

  it('goes back to the namespace when the person will not create the one typed', async () => {
    const person = scriptedPerson<Ctx>({
      name: ['web'],
      namespace: ['media', 'default'],
      createNamespace: [false],
      image: ['nginx:1'],
    });
    const answers = await resolveInputs(app, ctx, { given: {}, ask: person });
    expect(person.asked.slice(0, 4)).toEqual(['name', 'namespace', 'createNamespace', 'namespace']);
    expect(person.told).toEqual(['createNamespace->namespace: not created']);
    expect(answers.namespace).toBe('default');
  });

  it('says at the namespace prompt that the name is taken there, and goes back to the name', async () => {
    const person = scriptedPerson<Ctx>({ name: ['echo', 'echo2'], image: ['nginx:1'] });
    const answers = await resolveInputs(app, ctx, { given: {}, ask: person });
    expect(person.asked.slice(0, 4)).toEqual(['name', 'namespace', 'name', 'namespace']);
    expect(person.told).toEqual(['namespace->name: echo is there already']);
    expect(answers.name).toBe('echo2');
  });

  it('refuses a taken value only when it was typed: from a flag it is a second run', async () => {
    const answers = await resolveInputs(app, ctx, {
      given: { name: 'echo', namespace: 'default', image: 'nginx:1' },
      ask: scriptedPerson<Ctx>({}),
    });
    expect(answers.name).toBe('echo');
  });

  it('asks again where a picked answer is refused; a refusal of a flag stays an error', async () => {
    const person = scriptedPerson<Ctx>({
      name: ['web'],
      image: ['nginx:1'],
      port: ['70000', '80'],
    });
    const answers = await resolveInputs(app, ctx, { given: {}, ask: person });
    expect(person.told).toEqual(['port->port: too big']);
    expect(answers.port).toBe(80);
    await expect(
      resolveInputs(app, ctx, {
        given: { port: '70000', image: 'nginx:1' },
        ask: scriptedPerson<Ctx>({ name: ['web'] }),
      }),
    ).rejects.toMatchObject({ field: 'port', message: 'too big' });
  });

  it('does not go back to an input given as a flag: answering No is then an error', async () => {
    await expect(
      resolveInputs(app, ctx, {
        given: { name: 'web', namespace: 'media' },
        ask: scriptedPerson<Ctx>({ createNamespace: [false] }),
      }),
    ).rejects.toMatchObject({ field: 'namespace', message: 'no such namespace' });
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
