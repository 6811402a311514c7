/** One edit made on the CST: the new tokens spliced in where the place says. */
import { CST, Document } from 'yaml';
import type { Node } from 'yaml';
import { yamlScalar } from '../scalar.ts';
import { findAt, isEntry, isFlowSeq, scalarValue, type CstFile } from './cst-file.ts';
import { entriesBefore, insertAtSlot, ownFirstLine, snippetCollection } from './block-slot.ts';
import type { YamlEdit } from './edit-types.ts';
import { fillEmpty, isEmptyValue, unfillable } from './fill-empty.ts';
import { flowValueToken, insertFlowItem } from './flow-item.ts';
import { itemSlot } from './item-slot.ts';
import { keySlot } from './key-slot.ts';
import { renderBlock, renderFlow, toNode } from './render-value.ts';

/** What an edit did: the index the new entry has in its collection's data, no change, or why it could not be made. */
export type Applied =
  { index: number } | { filled: true } | { unchanged: true } | { refused: string; at?: number };

export function applyEdit(
  file: CstFile,
  text: string,
  edit: YamlEdit,
  indentSeq: boolean,
): Applied {
  const found = findAt(file, edit.path);
  if (edit.kind === 'scalar') return setScalarToken(found?.node, edit.value);
  if (edit.kind === 'key') {
    const map = found?.node;
    if (map?.type !== 'block-map') return { refused: 'it is not a block mapping' };
    if (map.items.some((item) => isEntry(map, item) && scalarValue(item.key) === edit.key))
      return { refused: `it has ${edit.key} already` };
    const ownLine = ownFirstLine(map, found?.holder);
    const slot = keySlot(map, edit.key, edit.place ?? 'end');
    if (slot === undefined) return { refused: 'the key to place it by is not there' };
    if (slot.index === 0 && !ownLine)
      return { refused: 'its first key shares a line with its parent' };
    const pair = new Document({ [edit.key]: toNode(edit.value) }).contents as Node;
    const fresh = snippetCollection(renderBlock(pair, map.indent, indentSeq));
    if (!fresh) return { refused: 'the key does not render as a block' };
    const index = entriesBefore(map, slot);
    insertAtSlot(map, slot, fresh.items);
    return { index };
  }
  const entry = typeof edit.value === 'string' ? edit.value : undefined;
  const list = found?.node;
  const holder = found?.holder;
  const last = edit.path.at(-1);
  if (found && list === undefined && holder === undefined && typeof last === 'string') {
    // no such key: the list is added with its first item
    const value = [toNode(edit.value)];
    const made = applyEdit(
      file,
      text,
      { ...edit, kind: 'key', path: edit.path.slice(0, -1), key: last, value, place: 'end' },
      indentSeq,
    );
    return 'index' in made ? { filled: true } : made;
  }
  if (
    isFlowSeq(list) &&
    list.items.every((item) => item.value === undefined) &&
    edit.emptyFlow === 'flow'
  ) {
    const token = flowValueToken(renderFlow(edit.value, true));
    if (!token) return { refused: 'the item does not render in flow style' };
    list.items = [{ start: [], value: token }]; // `[ ]` too
    return { index: 0 };
  }
  if (holder !== undefined && isEmptyValue(list)) {
    const why = unfillable(holder);
    const at = holder.key?.offset ?? holder.start[0]?.offset;
    if (why) return { refused: `its empty ${String(last)} is written with ${why}`, at };
    const col = found!.parent?.indent ?? 0;
    const seq = new Document([toNode(edit.value)]).contents as Node;
    const block = snippetCollection(renderBlock(seq, col + (indentSeq ? 2 : 0), indentSeq));
    if (!block) return { refused: 'the item does not render as a block' };
    fillEmpty(holder, block);
    return { filled: true };
  }
  if (list?.type !== 'block-seq' && !isFlowSeq(list)) return { refused: 'it is not a list' };
  if (entry !== undefined) {
    const present = list.items.some((item) => scalarValue(item.value) === entry);
    if (present) return { unchanged: true };
  }
  const place = edit.place ?? 'end';
  if (list.type === 'block-seq') {
    const ownLine = ownFirstLine(list, holder);
    const slot = itemSlot(list, entry, place);
    if (slot === undefined) return { refused: 'the item to place it by is not there' };
    if (slot.index === 0 && !ownLine)
      return { refused: 'its first item shares a line with its parent' };
    const node = new Document([toNode(edit.value)]).contents as Node;
    const fresh = snippetCollection(renderBlock(node, list.indent, indentSeq));
    if (!fresh) return { refused: 'the item does not render as a block' };
    const index = entriesBefore(list, slot);
    insertAtSlot(list, slot, fresh.items);
    return { index };
  }
  return flowItem(text, list, edit.value, entry, place);
}

function flowItem(
  text: string,
  list: CST.FlowCollection,
  value: unknown,
  entry: string | undefined,
  place: NonNullable<Extract<YamlEdit, { kind: 'item' }>['place']>,
): Applied {
  const entries = list.items.filter((item) => item.value !== undefined);
  const values = entries.map((item) => scalarValue(item.value));
  let before = -1;
  if (place !== 'end' && ('before' in place || 'after' in place)) {
    const at = values.indexOf('before' in place ? place.before : place.after);
    if (at < 0) return { refused: 'the item to place it by is not there' };
    before = 'before' in place ? at : at === values.length - 1 ? -1 : at + 1;
  } else if (place !== 'end' && entry !== undefined) {
    const among = place.among ?? (() => true);
    before = values.findIndex((v) => v !== undefined && among(v) && v > entry);
  }
  // `{ a: b }` unless the list writes `{a: b}` (`${VAR}` is no brace of its)
  const own = CST.stringify(list);
  const padded = !/(?<!\$)\{\S/.test(own);
  const token = flowValueToken(renderFlow(value, padded));
  if (!token || !insertFlowItem(text, list, before, token))
    return { refused: 'its flow list cannot take the item in its style' };
  return { index: before < 0 ? entries.length : before };
}

function setScalarToken(token: CST.Token | undefined, value: string | number | boolean): Applied {
  if (token === undefined || scalarValue(token) === undefined || token.type === 'block-scalar')
    return { refused: 'it is not a scalar' };
  const text = String(value);
  if (scalarValue(token) === text) return { unchanged: true };
  // a string that would read back as something else is quoted; numbers and booleans are plain
  const plain = typeof value !== 'string' || yamlScalar(value) === value;
  const type = !plain ? 'QUOTE_DOUBLE' : typeof value === 'string' ? undefined : 'PLAIN';
  CST.setScalarValue(token, text, { type });
  return { filled: true };
}
