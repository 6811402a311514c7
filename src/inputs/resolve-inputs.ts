import { HomeopsError, HomeopsErrors } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import { parseInputValue, type Answers, type InputSpec, type Problem } from './input-spec.ts';
import { echo, shortenValues } from './value-text.ts';

/**
 * Asks for one input, offering `fallback` (its default); returns the raw answer. Injected, so the
 * engine never loads a prompt library itself.
 */
export type AskFn<C> = (
  spec: InputSpec<C>,
  answers: Answers,
  ctx: C,
  fallback: unknown,
) => Promise<unknown>;

export interface ResolveOptions<C> {
  /** Values from flags and the answers file, by input name. */
  given: Answers;
  /** Defaults from the repo's config file (`defaults.<generator>`), by input name. */
  configDefaults?: Answers;
  /** The line of a config default in .homeops.yaml, to point at when it is refused. */
  configDefaultLine?: (input: string) => number;
  /** Ask for what is missing; undefined: never ask (no terminal, or --yes). */
  ask?: AskFn<C> | undefined;
}

/**
 * Resolve every input in declaration order: the given value, else (when asking) the answer to the
 * prompt, else the default. All refusals are reported together (nothing is asked after one), so a
 * script sees every problem of its command line at once. Prompts validate their own answers.
 */
export async function resolveInputs<C>(
  specs: readonly InputSpec<C>[],
  ctx: C,
  options: ResolveOptions<C>,
): Promise<Answers> {
  const known = new Set(specs.map((s) => s.name));
  const unknown = Object.keys(options.given).filter((k) => !known.has(k));
  if (unknown.length) {
    throw new HomeopsError(
      'USAGE',
      `unknown input ${unknown.map((k) => `--${echo(k)}`).join(', ')}`,
      {
        fix: `known inputs: ${specs.map((s) => `--${s.name}`).join(', ')}`,
      },
    );
  }
  const answers: Answers = {};
  const problems: HomeopsError[] = [];
  const missing: InputSpec<C>[] = [];
  let refused = false; // a given value was refused: what applies after it may hang on that answer
  for (const spec of specs) {
    if (spec.when && !spec.when(answers, ctx)) {
      // after a refusal, whether an input applies may hang on the refused answer: say nothing more
      if (options.given[spec.name] !== undefined && !refused) {
        problems.push(
          new HomeopsError(
            'INVALID_INPUT',
            `does not apply with the other inputs given${whenText(spec) ? `: it applies only ${whenText(spec)}` : ''}`,
            {
              field: spec.name,
              fix: whenText(spec)
                ? `remove --${spec.name}, or use it ${whenText(spec)}`
                : `remove --${spec.name}, or give the input it depends on (see --help: ${spec.help.slice(spec.help.indexOf(':') + 1).trim()})`,
            },
          ),
        );
      }
      continue;
    }
    let raw = options.given[spec.name];
    if (raw === undefined) {
      const fallback = options.configDefaults?.[spec.name] ?? (await spec.default?.(ctx, answers));
      const asking =
        options.ask &&
        spec.prompt !== false &&
        (spec.askWhen?.(answers, ctx) ?? true) &&
        problems.length === 0;
      raw = asking ? await options.ask!(spec, answers, ctx, fallback) : fallback;
    }
    const parsed = parseInputValue(spec as InputSpec<unknown>, raw);
    const found =
      'problem' in parsed ? parsed.problem : await checkValue(spec, parsed.value, answers, ctx);
    // a check quotes the value: a long one is cut, so a 60 MB value is never printed
    const problem =
      found && shortenValues(found, Array.isArray(raw) ? raw.map(String) : [String(raw)]);
    if (problem) {
      // the input at fault may be another (a namespace refused through createNamespace): its value's origin counts
      const field = problem.field ?? spec.name;
      const fromConfig =
        options.given[field] === undefined &&
        options.configDefaults?.[field] !== undefined &&
        (field !== spec.name || raw === options.configDefaults[field]);
      problems.push(
        fromConfig
          ? new HomeopsError(
              'INVALID_INPUT',
              `${field} (this repo's default): ${problem.message}`,
              {
                file: CONFIG_FILE,
                line: options.configDefaultLine?.(field),
                fix: `change it in ${CONFIG_FILE} (${problem.fix})`,
              },
            )
          : new HomeopsError('INVALID_INPUT', problem.message, { field, fix: problem.fix }),
      );
      refused = true;
      continue;
    }
    const value = 'value' in parsed ? parsed.value : undefined;
    // an empty list (`--modules=''`, `modules: []`) is no value, as an empty text is
    const empty = Array.isArray(value) && value.length === 0 && spec.required;
    if (value === undefined || value === '' || empty) {
      if (spec.required && !refused) missing.push(spec);
      continue;
    }
    answers[spec.name] = value;
  }
  if (missing.length) {
    problems.push(
      new HomeopsError(
        'MISSING_INPUT',
        `missing required input${missing.length > 1 ? 's' : ''}: ${missing.map((s) => `--${s.name}`).join(', ')}`,
        {
          fix: `pass ${missing.map((s) => `--${s.name}=<${s.help.split(':')[0]}>`).join(' ')}, or run in a terminal to be asked`,
        },
      ),
    );
  }
  if (problems.length === 1) throw problems[0];
  if (problems.length > 1) throw new HomeopsErrors(problems);
  return answers;
}

/** Validate one parsed value against its spec (choices, then the spec's own check). */
export async function checkValue<C>(
  spec: InputSpec<C>,
  value: unknown,
  answers: Answers,
  ctx: C,
): Promise<Problem | undefined> {
  if (value === undefined || value === '') return undefined;
  if ((spec.type === 'choice' || spec.type === 'list') && spec.choices && !spec.open) {
    const allowed = (await spec.choices(ctx, answers)).map((c) => c.value);
    const values = Array.isArray(value) ? value : [value];
    const bad = values.find((v) => !allowed.includes(String(v)));
    if (bad !== undefined)
      return {
        message: `"${String(bad)}" is not one of ${allowed.join(', ') || '(none)'}`,
        fix: `pass one of: ${allowed.join(', ')}`,
      };
  }
  return spec.validate?.(value as never, answers, ctx);
}

/** What a `when` made with `applies` says about when its input applies. */
function whenText<C>(spec: InputSpec<C>): string | undefined {
  return (spec.when as { text?: string } | undefined)?.text;
}
