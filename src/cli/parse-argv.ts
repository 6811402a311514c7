import { parseArgs } from 'node:util';
import { HomeopsError } from '../errors.ts';
import { didYouMean } from './did-you-mean.ts';
import type { Answers, InputSpec } from '../inputs/input-spec.ts';

export interface CliOptions {
  dest: string;
  dryRun: boolean;
  yes: boolean;
  json: boolean;
  answers: string | undefined;
  help: boolean;
  /** Inputs given as flags, by input name (raw strings). */
  given: Answers;
}

const GLOBAL = {
  dest: { type: 'string' },
  'dry-run': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  json: { type: 'boolean' },
  answers: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

/**
 * Parse a generator's command line once. Every input is a flag of its own name, given as
 * `--name=value` or `--name value`; a boolean input may stand alone (`--createNamespace`). An
 * input of two words takes its kebab-case spelling too (`--create-namespace`, `--health-path`), as
 * flux and kubectl users type flags, and an input's aliases are its flags too.
 */
export function parseGeneratorArgv(
  typed: readonly string[],
  inputs: readonly InputSpec<never>[],
): CliOptions {
  const argv = canonicalFlags(typed, inputs);
  const booleans = new Set(inputs.filter((i) => i.type === 'boolean').map((i) => i.name));
  const args = argv.map((arg, i) => {
    const name = arg.startsWith('--') ? arg.slice(2) : '';
    const next = argv[i + 1];
    return booleans.has(name) && (next === undefined || next.startsWith('-')) ? `${arg}=true` : arg;
  });
  const options: Record<string, { type: 'string' | 'boolean'; short?: string }> = { ...GLOBAL };
  for (const input of inputs) options[input.name] = { type: 'string' };
  // the last of two values would win without a word: `--name=aa --name=bb` writes bb
  for (const name of ['dest', 'answers', ...inputs.map((i) => i.name)]) {
    if (args.filter((a) => a === `--${name}` || a.startsWith(`--${name}=`)).length > 1) {
      throw new HomeopsError('USAGE', `--${name} is given more than once`, {
        field: name,
        fix: name === 'dest' ? 'give the repo folder once' : `give --${name} once`,
      });
    }
  }
  let parsed;
  try {
    parsed = parseArgs({ args, options, strict: true, allowPositionals: false });
  } catch (error) {
    // a flag given without its value: say which, and how to give one
    const message = (error as Error).message;
    const flag = /^Option '--([^' <]+)/.exec(message)?.[1];
    if (flag && /argument missing|argument is ambiguous/.test(message)) {
      throw new HomeopsError('USAGE', `--${flag} is given without a value`, {
        field: flag,
        fix: `write it as --${flag}=<value>`,
      });
    }
    const unknown = /^Unknown option '(--?[^']+)'/.exec(message)?.[1];
    if (unknown) {
      const near = didYouMean(unknown.replace(/^-+/, '').split('=')[0] ?? '', [
        ...Object.keys(GLOBAL),
        ...inputs.map((i) => i.name),
      ]);
      throw new HomeopsError(
        'USAGE',
        `unknown flag ${unknown}${near ? `; did you mean --${near}?` : ''}`,
        {
          fix: `the inputs of this generator are: ${inputs.map((i) => `--${i.name}`).join(', ')}; see --help`,
        },
      );
    }
    if (flag && /does not take an argument/.test(message)) {
      throw new HomeopsError('USAGE', `--${flag} takes no value`, {
        field: flag,
        fix: `write it as --${flag} alone`,
      });
    }
    throw new HomeopsError('USAGE', (error as Error).message.split('\n')[0]!, {
      fix: `the inputs of this generator are: ${inputs.map((i) => `--${i.name}`).join(', ')}; see --help`,
    });
  }
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const given: Answers = {};
  for (const input of inputs)
    if (values[input.name] !== undefined) given[input.name] = values[input.name];
  return {
    dest: (values.dest as string | undefined) ?? process.cwd(),
    dryRun: values['dry-run'] === true,
    yes: values.yes === true,
    json: values.json === true,
    answers: values.answers as string | undefined,
    help: values.help === true,
    given,
  };
}

/**
 * Every spelling of an input's flag as the input's own name: an alias (`--group` for `--layer`)
 * and the kebab case of a name of two or more words (`--create-namespace[=v]`).
 */
function canonicalFlags(argv: readonly string[], inputs: readonly InputSpec<never>[]): string[] {
  const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
  const own = new Set(inputs.map((i) => i.name));
  const byFlag = new Map<string, string>();
  for (const input of inputs) {
    for (const alias of [...(input.aliases ?? []), ...(input.aliases ?? []).map(kebab)])
      if (!own.has(alias)) byFlag.set(alias, input.name);
    if (/[A-Z]/.test(input.name)) byFlag.set(kebab(input.name), input.name);
  }
  return argv.map((arg) => {
    const match = /^--([a-z][a-zA-Z0-9]*(?:-[a-z0-9]+)*)(=.*)?$/s.exec(arg);
    const input = match && byFlag.get(match[1] ?? '');
    return input ? `--${input}${match[2] ?? ''}` : arg;
  });
}

/** `--name value` or `--name=value`, read before the flags can be parsed (they depend on the layout). */
export function peekOption(argv: readonly string[], name: string): string | undefined {
  const at = argv.findIndex((a) => a === `--${name}` || a.startsWith(`--${name}=`));
  if (at < 0) return undefined;
  return argv[at]!.includes('=') ? argv[at]!.slice(argv[at]!.indexOf('=') + 1) : argv[at + 1];
}
