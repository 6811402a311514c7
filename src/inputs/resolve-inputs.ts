import { HomeopsError, HomeopsErrors } from '../errors.ts';
import { checkValue, noValue } from './check-value.ts';
import { missingInputs, notApplying, refusal } from './input-problems.ts';
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

/** An `advanced` input that took its default without being asked, and that default. */
export interface Defaulted<C> {
  spec: InputSpec<C>;
  value: unknown;
}

/** A person at a terminal, as resolving inputs needs one. */
export interface Asker<C> {
  ask: AskFn<C>;
  /** "More options?": whether to ask the advanced inputs too, given the defaults they took. */
  moreOptions(defaulted: readonly Defaulted<C>[]): Promise<boolean>;
  /** An answer to `at` was refused: `to` (that input, or the earlier one at fault) is asked again. */
  refused(problem: Problem, at: InputSpec<C>, to: InputSpec<C>): void;
}

export interface ResolveOptions<C> {
  /** Values from flags and the answers file, by input name. */
  given: Answers;
  /** Defaults from the repo's config file (`defaults.<generator>`), by input name. */
  configDefaults?: Answers | undefined;
  /** The line of a config default in .homeops.yaml, to point at when it is refused. */
  configDefaultLine?: (input: string) => number;
  /** Ask for what is missing; undefined: never ask (no terminal, or --yes). */
  ask?: Asker<C> | undefined;
}

/**
 * Resolve every input in declaration order: the given value, else (when asking) the answer to the
 * prompt, else the default. Without a person, all refusals are reported together (nothing is
 * asked after one), so a script sees every problem of its command line at once. A person is told
 * at the prompt that caused a refusal and asked again there, or at the earlier prompt at fault;
 * advanced inputs take their defaults unless the person wants "More options?".
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
  let walk = await walkInputs(specs, ctx, options, undefined);
  if (
    options.ask &&
    walk.errors.length === 0 &&
    walk.defaulted.length > 0 &&
    (await options.ask.moreOptions(walk.defaulted))
  )
    walk = await walkInputs(specs, ctx, options, walk.prompted);
  if (walk.errors.length === 1) throw walk.errors[0];
  if (walk.errors.length > 1) throw new HomeopsErrors(walk.errors);
  return walk.answers;
}

interface Walk<C> {
  answers: Answers;
  errors: HomeopsError[];
  /** Advanced inputs that took their defaults unasked. */
  defaulted: Defaulted<C>[];
  /** The answers that came from a prompt. */
  prompted: Answers;
}

/**
 * One pass over the inputs. `previous`: the prompts' answers of a first pass, taken again without
 * asking (re-checked, as what comes before them may have changed); then only the advanced inputs,
 * and those that apply only now, are asked.
 */
async function walkInputs<C>(
  specs: readonly InputSpec<C>[],
  ctx: C,
  options: ResolveOptions<C>,
  previous: Answers | undefined,
): Promise<Walk<C>> {
  const { given, ask } = options;
  const answers: Answers = {};
  const prompted: Answers = {};
  const reusable: Answers = { ...previous };
  const errors: HomeopsError[] = [];
  const missing: InputSpec<C>[] = [];
  let defaulted: Defaulted<C>[] = [];
  let refused = false; // a given value was refused: what applies after it may hang on that answer
  for (let i = 0; i < specs.length; i++) {
    try {
      const spec = specs[i] as InputSpec<C>;
      if (spec.when && !spec.when(answers, ctx)) {
        // after a refusal, whether an input applies may hang on the refused answer: say nothing more
        if (given[spec.name] !== undefined && !refused) errors.push(notApplying(spec));
        continue;
      }
      let raw = given[spec.name];
      let atPrompt = false;
      if (raw === undefined) {
        const fallback =
          options.configDefaults?.[spec.name] ?? (await spec.default?.(ctx, answers));
        const asker =
          ask && spec.prompt !== false && (spec.askWhen?.(answers, ctx) ?? true) && !errors.length
            ? ask
            : undefined;
        if (!asker) raw = fallback;
        else if (spec.advanced && previous === undefined && !(spec.required && noValue(fallback))) {
          raw = fallback;
          defaulted.push({ spec, value: fallback });
        } else {
          atPrompt = true;
          raw =
            !spec.advanced && spec.name in reusable
              ? reusable[spec.name]
              : await asker.ask(spec, answers, ctx, fallback);
        }
      }
      const parsed = parseInputValue(spec as InputSpec<unknown>, raw);
      const value = 'value' in parsed ? parsed.value : undefined;
      let found =
        'problem' in parsed ? parsed.problem : await checkValue(spec, parsed.value, answers, ctx);
      if (!found && atPrompt && !noValue(value)) found = spec.taken?.(value as never, answers, ctx);
      // a check quotes the value: a long one is cut, so a 60 MB value is never printed
      const problem =
        found && shortenValues(found, Array.isArray(raw) ? raw.map(String) : [String(raw)]);
      const to = problem && atPrompt && ask ? backTo(specs, i, problem, prompted) : undefined;
      if (problem && ask && to !== undefined) {
        ask.refused(problem, spec, specs[to] as InputSpec<C>);
        for (const { name } of specs.slice(to, i + 1)) {
          delete answers[name];
          delete prompted[name];
          delete reusable[name];
        }
        defaulted = defaulted.filter((d) => specs.indexOf(d.spec) < to);
        i = to - 1;
        continue;
      }
      if (problem) {
        errors.push(refusal(problem, spec as InputSpec<unknown>, raw, options));
        refused = true;
        continue;
      }
      // an empty list (`--modules=''`, `modules: []`) is no value, as an empty text is
      const empty = Array.isArray(value) && value.length === 0 && spec.required;
      if (value === undefined || value === '' || empty) {
        if (spec.required && !refused) missing.push(spec);
        continue;
      }
      answers[spec.name] = value;
      if (atPrompt) prompted[spec.name] = value;
    } catch (error) {
      // after a refusal, what comes next may hang on the refused answer (the cluster a namespace
      // list is read from): the refusal is what the user needs to read, not this
      if (refused && error instanceof HomeopsError) continue;
      throw error;
    }
  }
  if (missing.length) errors.push(missingInputs(missing));
  return { answers, errors, defaulted, prompted };
}

/**
 * The input a refusal at a prompt sends the person back to: the input at fault when it was asked
 * too (answering No to "create it?" goes back to the namespace), else the one just answered;
 * undefined when the input at fault came from a flag (then it is an error, as without a person).
 */
function backTo<C>(
  specs: readonly InputSpec<C>[],
  at: number,
  problem: Problem,
  prompted: Answers,
): number | undefined {
  if (problem.field === undefined || problem.field === specs[at]?.name) return at;
  const to = specs.findIndex((s) => s.name === problem.field);
  return to >= 0 && to < at && problem.field in prompted ? to : undefined;
}
