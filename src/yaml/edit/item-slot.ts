/** Where a new item goes in a block list, for each kind of place. */
import type { CST } from 'yaml';
import { scalarValue } from './cst-file.ts';
import { aboveComments, endSlot, headLine, type Slot } from './block-slot.ts';
import type { ItemPlace } from './edit-types.ts';
import { commentOf, isCommentLine, splitLines } from './token-lines.ts';

const COMMENTED_ITEM = /^# *- (\S+)\s*$/;

export function itemSlot(
  seq: CST.BlockSequence,
  entry: string | undefined,
  place: ItemPlace,
): Slot | undefined {
  const values = seq.items.map((item) =>
    item.start.some((t) => t.type === 'seq-item-ind') ? scalarValue(item.value) : undefined,
  );
  if (place === 'end') return endSlot(seq);
  if ('before' in place) {
    const at = values.indexOf(place.before);
    return at < 0 ? undefined : beforeItem(seq, at);
  }
  if ('after' in place) {
    const at = values.indexOf(place.after);
    return at < 0 ? undefined : { index: at + 1, line: 0 };
  }
  if (entry === undefined) return endSlot(seq);
  const among = place.among ?? (() => true);
  if (place.commented) {
    const slot = commentedSlot(seq, values, entry, among);
    if (slot) return slot;
  }
  const next = values.findIndex((v) => v !== undefined && among(v) && v > entry);
  return next >= 0 ? aboveComments(seq, next) : endSlot(seq);
}

/**
 * Right above item `index` and the comment that describes it (`# Dashboard; ...` over
 * `- ./homepage/ks.yaml`), but under a comment that heads a group: one whose item runs on into the
 * next with no blank line or comment between, commented-out items (`# - ./x`) aside.
 */
function beforeItem(seq: CST.BlockSequence, index: number): Slot {
  const [item, next] = seq.items.slice(index, index + 2);
  const own = aboveComments(seq, index);
  if (item === undefined || next === undefined) return own;
  const line = headLine(item);
  if (own.line === line) return own;
  const between = splitLines(next.start).slice(0, headLine(next));
  const headsGroup = between.every(
    (l) => isCommentLine(l) && COMMENTED_ITEM.test(commentOf(l) ?? ''),
  );
  return headsGroup ? { index, line } : own;
}

interface Place {
  path: string;
  /** The slot right above this place's line, and right after it. */
  before: Slot;
  after: Slot;
  commented: boolean;
}

/**
 * Sorted place when commented-out items (disabled apps) count as places too: right above the first
 * place that sorts after the entry, else right after the last. Undefined when no item is commented out.
 */
function commentedSlot(
  seq: CST.BlockSequence,
  values: readonly (string | undefined)[],
  entry: string,
  among: (item: string) => boolean,
): Slot | undefined {
  const places: Place[] = [];
  seq.items.forEach((item, index) => {
    const lines = splitLines(item.start);
    lines.forEach((line, k) => {
      const path = COMMENTED_ITEM.exec(commentOf(line) ?? '')?.[1];
      if (path !== undefined && among(path))
        places.push({
          path,
          before: { index, line: k },
          after: { index, line: k + 1 },
          commented: true,
        });
    });
    const value = values[index];
    if (value !== undefined && among(value))
      places.push({
        path: value,
        before: { index, line: headLine(item) },
        after: { index: index + 1, line: 0 },
        commented: false,
      });
  });
  if (!places.some((p) => p.commented)) return undefined;
  const next = places.find((p) => p.path > entry);
  return next ? next.before : places.at(-1)!.after;
}
