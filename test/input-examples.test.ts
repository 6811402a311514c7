import { describe, expect, it } from 'vitest';
import { GENERATORS } from '../generators/index.ts';
import { variantFor } from '../src/engine/by-layout.ts';
import type { AnyGenerator } from '../src/engine/generator.ts';
import { openRepo } from '../src/engine/open-repo.ts';
import { parseInputValue, type InputSpec, type Problem } from '../src/inputs/input-spec.ts';
import { promptWording } from '../src/inputs/prompt-wording.ts';
import { checkValue } from '../src/inputs/check-value.ts';
import { copyFixture } from './support/temp-repo.ts';

const FIXTURES = ['flux', 'flux-operator', 'argocd', 'argocd-mise', 'clustertool'];
/** Values a person might mistype, to draw each input's refusal and its fix. */
const MISTYPED = ['!!Bad!!', '0', 'Bad_Name', 'relative/path'];
/** The example a help text or a fix offers: `e.g. X`, `such as X`, `something like "X"`. */
const EXAMPLE = /(?:e\.g\.|such as|something like) "?(?:--[a-zA-Z]+=)?([^\s,;)"]+)/g;

interface Case {
  where: string;
  spec: InputSpec<unknown>;
  ctx: unknown;
}

/** Every input a person types, of every generator, in every fixture layout that has it. */
async function typedInputs(): Promise<Case[]> {
  const cases: Case[] = [];
  for (const fixture of FIXTURES)
    for (const [name, load] of Object.entries(GENERATORS)) {
      const repo = openRepo(copyFixture(fixture), true);
      let generator: AnyGenerator;
      let ctx: unknown;
      try {
        generator = await variantFor(await load(), repo);
        ctx = generator.context(repo);
      } catch {
        continue; // this layout has no such generator (no Talos, no secret store)
      }
      for (const spec of generator.inputs as InputSpec<unknown>[])
        if (spec.type !== 'boolean' && spec.prompt !== false)
          cases.push({ where: `${fixture} ${name} ${spec.name}`, spec, ctx });
    }
  return cases;
}

async function refusalOf(c: Case, raw: string): Promise<Problem | undefined> {
  const parsed = parseInputValue(c.spec, raw);
  if ('problem' in parsed) return parsed.problem;
  try {
    return await checkValue(c.spec, parsed.value, {}, c.ctx);
  } catch {
    return undefined; // a check that needs the answers before it: not this test's business
  }
}

describe('the examples an input offers', () => {
  it('fit that input: each one it shows in its help or its fix is a value it takes', async () => {
    const unfit: string[] = [];
    let checked = 0;
    for (const c of await typedInputs()) {
      const fixes = await Promise.all(MISTYPED.map((raw) => refusalOf(c, raw)));
      const texts = [c.spec.help, ...fixes.map((p) => p?.fix ?? '')];
      for (const text of texts)
        for (const [, example = ''] of text.matchAll(EXAMPLE)) {
          checked++;
          const refused = await refusalOf(c, example);
          if (refused) unfit.push(`${c.where}: "${example}" (${refused.message})`);
        }
    }
    expect(checked).toBeGreaterThan(40);
    expect(unfit).toEqual([]);
  }, 60_000);

  it('a health path is offered as a health path, and a mount path as a mount path', async () => {
    const cases = await typedInputs();
    const fixOf = async (input: string) =>
      (await refusalOf(cases.find((c) => c.where === `flux app ${input}`) as Case, 'relative/path'))
        ?.fix;
    expect(await fixOf('healthPath')).toBe('pass a path such as /healthz or /api?mode=version');
    expect(await fixOf('mountPath')).toBe('pass a path such as /config');
  });
});

describe('a refusal at a prompt', () => {
  it('speaks of the prompt: no flag in what the person reads', async () => {
    const flagged: string[] = [];
    for (const c of await typedInputs())
      for (const raw of MISTYPED) {
        const problem = await refusalOf(c, raw);
        if (!problem) continue;
        const said = promptWording(problem, c.spec as InputSpec<never>);
        if (/--[a-zA-Z]/.test(said)) flagged.push(`${c.where}: ${said}`);
      }
    expect(flagged).toEqual([]);
  }, 60_000);

  it('words a fix for a person: what to type or choose', () => {
    const port = { name: 'port', message: 'Port', help: 'port: p', type: 'number' } as const;
    const route = { name: 'route', message: 'Route', help: 'route: r', type: 'choice' } as const;
    expect(
      promptWording({ message: 'no', fix: 'pass the port it listens on, e.g. --port=8080' }, port),
    ).toBe('no: type the port it listens on, e.g. 8080');
    expect(
      promptWording({ message: 'no Gateway', fix: 'pass --route=none, or add a Gateway' }, route),
    ).toBe('no Gateway: choose none, or add a Gateway');
    expect(promptWording({ message: 'taken', fix: 'choose another --name' }, route)).toBe(
      'taken: choose another name',
    );
    expect(promptWording({ message: 'x', fix: 'use --createNamespace=true' }, route)).toBe(
      'x: use create namespace true',
    );
    expect(promptWording({ message: 'taken', fix: 'f', prompt: 'said so' }, route)).toBe('said so');
  });
});
