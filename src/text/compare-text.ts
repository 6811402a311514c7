/**
 * The order `a.localeCompare(b)` gives, without its cost: the first localeCompare of a process
 * loads ICU's collator (about 10 ms, a twentieth of a run). For printable ASCII, which names,
 * paths and YAML keys are, the root collation is simple: punctuation, then digits, then letters
 * regardless of case (this table, from ICU); where two texts differ only in case, lower case
 * goes first at the first difference. Any other character is left to localeCompare.
 */
const ORDER = ' _-,;:!?.\'"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz';

/** The primary weight of each printable ASCII code (letters by their lower case). */
const WEIGHT = new Int8Array(128);
for (let i = 0; i < ORDER.length; i++) {
  const code = ORDER.charCodeAt(i);
  WEIGHT[code] = i;
  if (code >= 0x61 && code <= 0x7a) WEIGHT[code - 0x20] = i;
}

/** `a.localeCompare(b)`, as its sign: negative when a goes first. */
export function compareText(a: string, b: string): number {
  if (!printable(a) || !printable(b)) return a.localeCompare(b);
  let caseOrder = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const wx = WEIGHT[x] ?? 0;
    const wy = WEIGHT[y] ?? 0;
    if (wx !== wy) return wx - wy;
    // the same letter in another case decides only where the letters are all the same
    if (caseOrder === 0) caseOrder = x > y ? -1 : 1; // lower case (the higher code) first
  }
  return a.length !== b.length ? a.length - b.length : caseOrder;
}

function printable(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) return false;
  }
  return true;
}

/** Whether a list is in sorted order (`compareText`'s), as a list a new entry is placed in. */
export const isSorted = (items: readonly string[]): boolean =>
  items.every((e, i) => i === 0 || compareText(items[i - 1] ?? '', e) <= 0);
