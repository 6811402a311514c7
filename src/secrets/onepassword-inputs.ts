import { HomeopsError, isHomeopsError } from '../errors.ts';
import type { Answers, InputSpec, Problem } from '../inputs/input-spec.ts';
import { pickFieldByLabel } from '../onepassword/reference-names.ts';
import type { SourceKind } from '../onepassword/types.ts';
import type { OnePasswordLookup } from './onepassword-lookup.ts';

/** Refusals of a 1Password lookup that are about the names asked for (not outages). */
const NAME_PROBLEMS = new Set(['SOURCE_NOT_FOUND', 'SOURCE_AMBIGUOUS', 'INVALID_INPUT']);

/** A lookup's refusal (not found, ambiguous) as the input's problem; outages are thrown as they are. */
export async function lookupProblem(run: () => Promise<unknown>): Promise<Problem | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (isHomeopsError(error) && NAME_PROBLEMS.has(error.code))
      return { message: error.message, fix: error.fix };
    throw error;
  }
}

export const asProblem = (error: HomeopsError | undefined): Problem | undefined =>
  error ? { message: error.message, fix: error.fix } : undefined;

/**
 * Whether an input a check hangs on has no answer. Inputs resolve in order, and a refused one
 * gets none: its refusal is reported where it was made, so a later check that needs it (a lookup
 * through a refused `source`, an item in a refused vault) is skipped instead of failing on a
 * missing name and hiding the real problem.
 */
export const unanswered = (a: Answers, ...inputs: string[]): boolean =>
  inputs.some((name) => a[name] === undefined);

/** An empty field list (`--fields=`, `--fields=,`) as the `fields` input's problem. */
export function noFieldsProblem(
  fields: readonly string[],
  wholeItem: boolean,
): Problem | undefined {
  if (fields.length > 0) return undefined;
  return {
    message: 'no field named (the list is empty)',
    fix: wholeItem
      ? 'name at least one field, or * for the whole item'
      : 'name at least one field of the item',
  };
}

/**
 * The `source` input of every secret generator: where 1Password names come from. Flag or answers
 * file only (never prompted); the default follows the environment, and a source whose credentials
 * are missing is refused naming the variable to set.
 */
export function sourceInput<C>(
  lookup: (ctx: C) => OnePasswordLookup,
  when?: (a: Answers) => boolean,
): InputSpec<C> {
  return {
    name: 'source',
    message: 'Where the 1Password names come from',
    help: 'source: sdk | connect | offline; default from the environment (OP_SERVICE_ACCOUNT_TOKEN, OP_CONNECT_HOST + OP_CONNECT_TOKEN, else offline)',
    type: 'choice',
    prompt: false,
    ...(when && { when }),
    choices: () => ['sdk', 'connect', 'offline'].map((v) => ({ name: v, value: v })),
    default: (ctx) => lookup(ctx).defaultKind(),
    validate: (v: SourceKind, _a, ctx) => {
      try {
        lookup(ctx).checkKind(v);
        return undefined;
      } catch (error) {
        if (isHomeopsError(error)) return asProblem(error);
        throw error;
      }
    },
  };
}

/** The first field of `labels` the item does not have (or has twice), as the input's problem. */
export async function fieldsProblem(
  lookup: OnePasswordLookup,
  kind: SourceKind,
  vault: string,
  item: string,
  labels: readonly string[],
): Promise<Problem | undefined> {
  const described = await lookup.item(kind, vault, item);
  for (const label of labels) {
    const problem = await lookupProblem(async () => pickFieldByLabel(described, label));
    if (problem) return problem;
  }
  return undefined;
}

const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;

/** Secret keys: one per field, each a valid key, none twice. */
/** The Secret key of field `i`; a refusal naming --keys when the keys do not pair with the fields. */
export function keyOfField(keys: readonly string[], fields: readonly string[], i: number): string {
  const key = keys[i];
  if (key === undefined || keys.length !== fields.length)
    throw new HomeopsError('INVALID_INPUT', `${keys.length} key(s) for ${fields.length} field(s)`, {
      field: 'keys',
      fix: 'give one key per field, in the same order',
    });
  return key;
}

export function secretKeysProblem(
  keys: readonly string[],
  fields: readonly string[],
): Problem | undefined {
  if (keys.length !== fields.length)
    return {
      message: `${keys.length} key(s) for ${fields.length} field(s)`,
      fix: 'give one key per field, in the same order',
    };
  const bad = keys.find((k) => !SECRET_KEY.test(k));
  if (bad !== undefined)
    return {
      message: `"${bad}" is not a valid Secret key`,
      fix: 'use letters, digits, "-", "_" and "."',
    };
  if (new Set(keys).size !== keys.length)
    return { message: 'a key is used twice', fix: 'give each field its own key' };
  return undefined;
}

/**
 * Why 1Password names are typed, not looked up, in this run (said once at the first of its
 * prompts), or undefined when they are looked up. Not before the source is known.
 */
export function offlineNote(lookup: OnePasswordLookup, a: Answers): string | undefined {
  const kind = a.source as SourceKind | undefined;
  if (kind === undefined || !lookup.isOffline(kind)) return undefined;
  const why =
    kind !== 'offline'
      ? '1Password could not be reached'
      : lookup.defaultKind() === 'offline'
        ? '1Password is offline (neither OP_SERVICE_ACCOUNT_TOKEN nor OP_CONNECT_HOST and OP_CONNECT_TOKEN is set)'
        : '1Password is offline (source offline)';
  return `${why}: names are not looked up; type the vault, item and field names exactly as they are in 1Password`;
}
