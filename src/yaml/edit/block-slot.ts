/**
 * Places in a block collection, as CST tokens: every item's `start` holds the comment and blank
 * lines above it, then the indent of its own line; a new item goes in before one of those lines.
 */
import { CST, Parser } from 'yaml';
import { isBlankLine, isCommentLine, lineIndent, newlineToken, splitLines } from './token-lines.ts';
import { isEntry } from './cst-file.ts';

export type BlockCollection = CST.BlockMap | CST.BlockSequence;

/** Before line `line` of the start of item `index` (`index` = the item count: after the last). */
export interface Slot {
  index: number;
  line: number;
}

/**
 * Moves the indent and the comment lines above a collection's first item out of its key's
 * separator (`resources:\n  # first\n  - a`) into the item, as every other item holds them. False
 * when the first item shares a line with what is before it (`- name: a`): nothing goes before it.
 */
export function ownFirstLine(
  coll: BlockCollection,
  holder: CST.CollectionItem | undefined,
): boolean {
  const first = coll.items[0];
  if (first === undefined) return false;
  if (holder === undefined) return coll.indent === 0;
  const sep = holder.sep;
  const nl = sep ? sep.findIndex((t) => t.type === 'newline') : -1;
  if (!sep || nl < 0) return false;
  first.start = [...sep.splice(nl + 1), ...first.start];
  return true;
}

/** The line of an item's start that its dash or key is on. */
export function headLine(item: CST.CollectionItem): number {
  const lines = splitLines(item.start);
  const dash = lines.findIndex((line) => line.some((t) => t.type === 'seq-item-ind'));
  if (dash >= 0) return dash;
  return lines.length > 0 && lines.at(-1)!.at(-1)?.type !== 'newline'
    ? lines.length - 1
    : lines.length;
}

/** Right above item `index`'s comment lines at the collection's indent: comments above an entry belong to it. */
export function aboveComments(coll: BlockCollection, index: number): Slot {
  const item = coll.items[index]!;
  const lines = splitLines(item.start);
  let line = headLine(item);
  while (
    line > 0 &&
    isCommentLine(lines[line - 1]!) &&
    lineIndent(lines[line - 1]!) === coll.indent
  )
    line--;
  return { index, line };
}

/** After the last entry and the comments indented under it; before trailing comments at the collection's indent. */
export function endSlot(coll: BlockCollection): Slot {
  let last = -1;
  coll.items.forEach((item, i) => {
    if (isEntry(coll, item)) last = i;
  });
  const index = last + 1;
  const next = coll.items[index];
  if (next === undefined) return { index, line: 0 };
  const lines = splitLines(next.start);
  let line = 0;
  for (let k = 0; k < lines.length; k++) {
    if (isBlankLine(lines[k]!)) continue;
    if (!isCommentLine(lines[k]!) || lineIndent(lines[k]!) <= coll.indent) break;
    line = k + 1;
  }
  return { index, line };
}

/** The entries before a slot: the index of the new entry in the collection's data. */
export const entriesBefore = (coll: BlockCollection, slot: Slot): number =>
  coll.items.slice(0, slot.index).filter((item) => isEntry(coll, item)).length;

/** Puts new items in at a slot: they take the lines above it, the item there keeps the rest. */
export function insertAtSlot(coll: BlockCollection, slot: Slot, fresh: CST.CollectionItem[]): void {
  const first = fresh[0]!;
  // a block map's and a block list's items are both lines of tokens here
  const items = coll.items as CST.CollectionItem[];
  const target = items[slot.index];
  if (target === undefined) {
    const last = items.at(-1);
    if (last && !CST.stringify(last).endsWith('\n')) first.start.unshift(newlineToken());
    items.push(...fresh);
    return;
  }
  const lines = splitLines(target.start);
  first.start = [...lines.slice(0, slot.line).flat(), ...first.start];
  target.start = lines.slice(slot.line).flat();
  items.splice(slot.index, 0, ...fresh);
}

/** The items of a rendered block (`  - a\n`, `  key: v\n`), the first one's indent included. */
export function snippetCollection(text: string): BlockCollection | undefined {
  const doc = [...new Parser().parse(text)].find((t): t is CST.Document => t.type === 'document');
  const coll = doc?.value;
  if (coll?.type !== 'block-map' && coll?.type !== 'block-seq') return undefined;
  coll.items[0]!.start = [...doc!.start.filter((t) => t.type === 'space'), ...coll.items[0]!.start];
  return coll;
}
