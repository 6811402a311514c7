// Counting what most of a set share: the learner's one measure of a convention.

/**
 * The key most of `xs` share: with `strict`, only a key more than half have; else the most common
 * (the first seen on a tie).
 */
export function majorityOf<T, K extends string>(
  xs: readonly T[],
  key: (x: T) => K,
  strict = false,
): K | undefined {
  if (xs.length === 0) return undefined;
  const counts = new Map<K, number>();
  for (const x of xs) counts.set(key(x), (counts.get(key(x)) ?? 0) + 1);
  let best: K | undefined;
  let bestN = 0;
  for (const [k, n] of counts) if (n > bestN) [best, bestN] = [k, n];
  if (strict && bestN * 2 <= xs.length) return undefined;
  return best;
}

export function pluralityOf<T>(xs: readonly T[], key: (x: T) => string): T | undefined {
  const best = majorityOf(xs, key);
  return xs.find((x) => key(x) === best);
}

/** Values by count, most used first (ties: first seen); empty values left out. */
export function byUse(values: readonly (string | undefined)[]): string[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}
