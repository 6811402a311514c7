/** `key:`, `key: ~` or `key: []` given its first item as a block list on the next line; the key line's comment stays. */
import type { CST } from 'yaml';
import { newlineToken } from './token-lines.ts';

/** Why the pair's empty value is not filled here (an anchor, a tag or an explicit key), or undefined. */
export function unfillable(pair: CST.CollectionItem): string | undefined {
  const props = [...(pair.sep ?? []), ...pair.start].some(
    (t) => t.type === 'anchor' || t.type === 'tag',
  );
  if (props) return 'an anchor or a tag';
  if (pair.start.some((t) => t.type === 'explicit-key-ind')) return 'an explicit key';
  return undefined;
}

/** Whether a pair's value is empty: none, `~`/`null` written plainly, or `[]`. */
export function isEmptyValue(value: CST.Token | undefined): boolean {
  if (value === undefined) return true;
  if (value.type === 'scalar') return ['', '~', 'null', 'Null', 'NULL'].includes(value.source);
  return value.type === 'flow-collection' && value.items.length === 0;
}

/** Replaces the empty value by `block` (rendered at its indent): `key:` and the rest of its line, then the block. */
export function fillEmpty(pair: CST.CollectionItem, block: CST.Token): void {
  const sep = pair.sep ?? [];
  const colon = sep.findIndex((t) => t.type === 'map-value-ind');
  const value = pair.value;
  const rest =
    value === undefined
      ? sep.slice(colon + 1)
      : value.type === 'flow-collection'
        ? value.end.slice(1)
        : value.type === 'scalar'
          ? (value.end ?? [])
          : [];
  pair.sep = [...sep.slice(0, colon + 1), ...rest];
  if (!pair.sep.some((t) => t.type === 'newline')) pair.sep.push(newlineToken());
  pair.value = block;
}
