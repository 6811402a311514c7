import type { Answers } from './input-spec.ts';

/**
 * Typed reads of resolved answers. Inputs are parsed into their types when they are resolved;
 * these read them back without a cast, and say so loudly if a value is not of its input's type
 * (a bug, not a user error).
 */
export function text(a: Answers, key: string): string | undefined {
  const v = a[key];
  if (v === undefined || typeof v === 'string') return v;
  throw new TypeError(`input ${key} is ${typeof v}, not text`);
}

export function requiredText(a: Answers, key: string): string {
  const v = text(a, key);
  if (v === undefined) throw new TypeError(`input ${key} has no value`);
  return v;
}

export function whole(a: Answers, key: string): number | undefined {
  const v = a[key];
  if (v === undefined || typeof v === 'number') return v;
  throw new TypeError(`input ${key} is ${typeof v}, not a number`);
}

export function flag(a: Answers, key: string): boolean {
  const v = a[key];
  if (v === undefined || typeof v === 'boolean') return v === true;
  throw new TypeError(`input ${key} is ${typeof v}, not yes or no`);
}

export function list(a: Answers, key: string): string[] {
  const v = a[key];
  if (v === undefined) return [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v;
  throw new TypeError(`input ${key} is not a list of text`);
}
