import { parseArgs } from 'node:util';
import { HomeopsError } from '../errors.ts';
import { didYouMean } from './did-you-mean.ts';
import type { Answers, InputSpec } from '../inputs/input-spec.ts';

/**
 * plop's own way of giving answers up front, for our generators: `plop app whoami default` fills
 * the inputs in their order (`_` leaves one to be asked), `plop app -- --name=whoami --port 80`
 * fills them by name; named values win. plop itself skips this for generators whose prompts are a
 * function (ours: the questions depend on the repo), so the plopfile reads its command line here.
 */
export function plopBypass(
  argv: readonly string[],
  generator: string,
  inputs: readonly InputSpec<never>[],
): Answers {
  const { positionals, named } = splitPlopArgv(argv);
  if (positionals[0] !== generator) return {}; // not run as `plop <this generator> ...`
  const byName = new Map(inputs.map((spec) => [spec.name, spec]));
  // the inputs a person is asked, in their order (variants may share an input: keep the first)
  const ordered = inputs.filter(
    (spec, at) => spec.prompt !== false && inputs.findIndex((o) => o.name === spec.name) === at,
  );
  const values = positionals.slice(1);
  if (values.length > ordered.length) {
    throw new HomeopsError(
      'USAGE',
      `${values.length} values given after "${generator}", but it asks ${ordered.length} questions`,
      {
        fix: `give them in this order (_ to be asked): ${ordered.map((s) => s.name).join(' ')}; or by name after --, as -- --name=<value>`,
      },
    );
  }
  const given: Answers = {};
  values.forEach((value, at) => {
    const spec = ordered[at];
    if (spec && !/^_+$/.test(value)) given[spec.name] = value;
  });
  for (const [name, value] of Object.entries(named)) {
    const spec = byName.get(name);
    if (!spec)
      throw new HomeopsError(
        'USAGE',
        `"${name}" is not an input of ${generator}${nearName(name, ordered)}`,
        {
          field: name,
          fix: `the inputs of ${generator} here are: ${ordered.map((s) => `--${s.name}`).join(', ')}`,
        },
      );
    // `--createNamespace` alone is yes; for any other input a value is needed
    if (value === true && spec.type !== 'boolean')
      throw new HomeopsError('USAGE', 'is given without a value', {
        field: name,
        fix: `write it as --${name}=<value>`,
      });
    given[name] = value;
  }
  return given;
}

/** "; did you mean --name?" when a known input is an edit or two away. */
function nearName(typed: string, inputs: readonly InputSpec<never>[]): string {
  const near = didYouMean(
    typed,
    inputs.map((spec) => spec.name),
  );
  return near ? `; did you mean --${near}?` : '';
}

/** plop's own options (bin/plop.js, src/args.js): their values are not answers. */
const PLOP_OPTIONS = {
  cwd: { type: 'string' },
  preload: { type: 'string', multiple: true },
  plopfile: { type: 'string' },
  completion: { type: 'string' },
  progress: { type: 'boolean' },
  dest: { type: 'string' },
  force: { type: 'boolean', short: 'f' },
  'show-type-names': { type: 'boolean', short: 't' },
  help: { type: 'boolean', short: 'h' },
  init: { type: 'boolean', short: 'i' },
  'init-ts': { type: 'boolean' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** The words before `--` (the generator, then values in order) and the named values after it. */
function splitPlopArgv(argv: readonly string[]): {
  positionals: string[];
  named: Record<string, string | true>;
} {
  const { tokens } = parseArgs({
    args: [...argv],
    options: PLOP_OPTIONS,
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  const end = tokens.findIndex((t) => t.kind === 'option-terminator');
  const before = end < 0 ? tokens : tokens.slice(0, end);
  const positionals = before.flatMap((t) => (t.kind === 'positional' ? [t.value] : []));
  const named: Record<string, string | true> = {};
  if (end < 0) return { positionals, named };
  // after `--`, every word is for the generator: `--name=value`, `--name value` or `--flag`
  const rest = argv.slice(argv.indexOf('--') + 1);
  for (let i = 0; i < rest.length; i++) {
    const word = rest[i] ?? '';
    const m = /^--([^=]+)(?:=(.*))?$/s.exec(word);
    if (!m)
      throw new HomeopsError('USAGE', `"${word}" after -- is not --<input>=<value>`, {
        fix: 'give each input as --<input>=<value> after --, or in order before it',
      });
    const [, name = '', value] = m;
    const next = rest[i + 1];
    if (value !== undefined) named[name] = value;
    else if (next !== undefined && !next.startsWith('-')) named[name] = rest[++i] ?? '';
    else named[name] = true;
  }
  return { positionals, named };
}
