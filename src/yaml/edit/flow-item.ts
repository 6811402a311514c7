/**
 * A new item in a flow list (`resources: [./a, ./c]`), as CST tokens, in the list's own style: on
 * its neighbours' line, or on a line of its own when the items are one per line. Every other token stays.
 */
import { CST, Parser } from 'yaml';
import { commaToken, newlineToken, spaceToken } from './token-lines.ts';

type Item = CST.CollectionItem;

/** A rendered flow value (`./b`, `{ secretRef: { name: x } }`) as a token. */
export function flowValueToken(text: string): CST.Token | undefined {
  const doc = [...new Parser().parse(`[${text}]`)].find(
    (t): t is CST.Document => t.type === 'document',
  );
  const coll = doc?.value;
  return coll?.type === 'flow-collection' && coll.items.length === 1
    ? coll.items[0]!.value
    : undefined;
}

const isProp = (t: CST.SourceToken) => t.type === 'anchor' || t.type === 'tag';

/** The column of an original token's offset, and whether a line break is between `from` and it. */
function lineBreakBefore(text: string, from: number, at: number): CST.SourceToken[] {
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  return lineStart > from ? [newlineToken(), spaceToken(at - lineStart)] : [spaceToken(1)];
}

/** Where an item starts in the text: its anchor or tag first. */
function itemOffset(item: Item): number {
  const prop = item.start.find(isProp);
  return prop ? prop.offset : (item.value?.offset ?? 0);
}

/** Puts `value` in before entry `before` (-1: after the last). False when the list has no entry to follow. */
export function insertFlowItem(
  text: string,
  list: CST.FlowCollection,
  before: number,
  value: CST.Token,
): boolean {
  const entries = list.items.filter((item) => item.value !== undefined);
  const open = list.start.offset;
  if (entries.length === 0) return false;
  if (before >= 0) {
    const item = entries[before]!;
    const props = item.start.findIndex(isProp);
    const cut = props < 0 ? item.start.length : props;
    const fresh: Item = { start: item.start.slice(0, cut), value };
    item.start = [
      commaToken(),
      ...lineBreakBefore(text, open, itemOffset(item)),
      ...item.start.slice(cut),
    ];
    list.items.splice(list.items.indexOf(item), 0, fresh);
    return true;
  }
  const last = entries.at(-1)!;
  const at = list.items.indexOf(last);
  const trailing = list.items[at + 1];
  const ownLines = lineBreakBefore(text, open, itemOffset(last));
  const tail = takeTail(last.value!);
  // does the list close on a later line than the last value's?
  const laterLine = [...tail, ...(trailing?.start ?? [])].some((t) => t.type === 'newline');
  if (ownLines.length === 2 && laterLine) {
    const indent = ownLines[1]!;
    if (trailing) {
      // `./c,\n  ]`: a line of its own after the last one's, with its own comma
      setTail(last.value!, tail);
      const nl = trailing.start.findIndex((t) => t.type === 'newline');
      const fresh: Item = { start: [...trailing.start.slice(0, nl + 1), indent], value };
      trailing.start = [commaToken(), newlineToken(), ...trailing.start.slice(nl + 1)];
      list.items.splice(at + 1, 0, fresh);
      return true;
    }
    // `./c # status\n]`: a comma after the last value, the rest of its line kept, then a line of its own
    const nl = tail.findIndex((t) => t.type === 'newline');
    const fresh: Item = { start: [commaToken(), ...tail.slice(0, nl + 1), indent], value };
    setTail(value, [newlineToken(), ...tail.slice(nl + 1)]);
    list.items.splice(at + 1, 0, fresh);
    return true;
  }
  // on the last one's line, right after its value
  setTail(value, tail);
  list.items.splice(at + 1, 0, { start: [commaToken(), ...ownLines], value });
  return true;
}

/** Takes the tokens after a value (spaces, a comment, a line break) off it. */
function takeTail(token: CST.Token): CST.SourceToken[] {
  if (token.type === 'flow-collection') return token.end.splice(1);
  if ('end' in token && Array.isArray(token.end)) return token.end.splice(0);
  return [];
}

function setTail(token: CST.Token, tail: CST.SourceToken[]): void {
  if (token.type === 'flow-collection') token.end.splice(1, token.end.length - 1, ...tail);
  else if (token.type !== 'block-map' && token.type !== 'block-seq' && token.type !== 'document')
    (token as { end?: CST.SourceToken[] }).end = tail;
}
