/** Where a new key goes in a block map, for each kind of place. */
import type { CST } from 'yaml';
import { isEntry, scalarValue } from './cst-file.ts';
import { aboveComments, endSlot, headLine, type Slot } from './block-slot.ts';
import type { KeyPlace } from './edit-types.ts';

export function keySlot(map: CST.BlockMap, key: string, place: KeyPlace): Slot | undefined {
  const keys = map.items.map((item) => (isEntry(map, item) ? scalarValue(item.key) : undefined));
  if (place === 'end') return endSlot(map);
  if (place === 'sorted') {
    const at = sortedIndex(
      keys.filter((k, i) => isEntry(map, map.items[i]!)),
      key,
    );
    const index = map.items.findIndex((item) => isEntry(map, item) && scalarValue(item.key) === at);
    return index >= 0 ? aboveComments(map, index) : endSlot(map);
  }
  const name = 'before' in place ? place.before : place.after;
  const at = keys.indexOf(name);
  if (at < 0) return undefined;
  return 'before' in place
    ? { index: at, line: headLine(map.items[at]!) }
    : { index: at + 1, line: 0 };
}

/** The key a new key goes before in sorted place: the first that sorts after it, when the keys are in order. */
export function sortedIndex(
  keys: readonly (string | undefined)[],
  key: string,
): string | undefined {
  const inOrder = keys.every((k, i) => k !== undefined && (i === 0 || k >= keys[i - 1]!));
  return inOrder ? keys.find((k) => k! > key) : undefined;
}
