import { compareText, isSorted } from '../text/compare-text.ts';

/**
 * Orders Kubernetes writers keep where the siblings cannot tell (no sibling has both keys): a
 * container's `env` before its `envFrom`, as the API reference and the charts write them.
 */
const CONVENTIONAL: readonly (readonly [string, string])[] = [['env', 'envFrom']];

function convention(a: string, b: string): number {
  for (const [first, then] of CONVENTIONAL) {
    if (a === first && b === then) return 1;
    if (a === then && b === first) return -1;
  }
  return 0;
}
/**
 * The order of a map's keys as the siblings write them: a key goes before another when more of
 * the siblings that have both write it first. Keys no sibling has together keep the order of
 * `base` (the template's, then first sight), or the alphabet where the siblings sort their keys.
 */
export function orderKeys(
  keys: readonly string[],
  base: readonly string[],
  examples: readonly (readonly string[])[],
  /** Whether keys no sibling has together may follow the alphabet where the siblings sort theirs. */
  mayAlphabetize = true,
): string[] {
  if (keys.length < 2) return [...keys];
  const baseAt = new Map(base.map((k, i) => [k, i]));
  const sorted = examples.filter((e) => e.length >= 2);
  const alphabetical =
    mayAlphabetize &&
    sorted.length > 0 &&
    sorted.filter(isSorted).length >= Math.ceil(sorted.length * 0.9);
  const fallback = (a: string, b: string) =>
    alphabetical
      ? compareText(a, b)
      : (baseAt.get(a) ?? Number.MAX_SAFE_INTEGER) - (baseAt.get(b) ?? Number.MAX_SAFE_INTEGER) ||
        keys.indexOf(a) - keys.indexOf(b);
  const positions = examples.map((e) => new Map(e.map((k, i) => [k, i])));
  /** > 0: more siblings write a before b. */
  const vote = (a: string, b: string) => {
    let score = 0;
    for (const at of positions) {
      const pa = at.get(a);
      const pb = at.get(b);
      if (pa !== undefined && pb !== undefined) score += pa < pb ? 1 : -1;
    }
    return score || convention(a, b);
  };
  const remaining = [...keys].sort(fallback);
  const out: string[] = [];
  while (remaining.length > 0) {
    // the first key (in fallback order) that no remaining key should precede
    let pick = remaining.findIndex((k) => remaining.every((o) => o === k || vote(o, k) <= 0));
    if (pick < 0) pick = 0; // a cycle in the votes: keep the fallback order
    out.push(...remaining.splice(pick, 1));
  }
  return out;
}
