/** The same edit made through the `yaml` Document API: the data the spliced text must read back as. */
import { isMap, isScalar, isSeq, type Document, type Node } from 'yaml';
import type { YamlEdit } from './edit-types.ts';
import { sortedIndex } from './key-slot.ts';
import { toNode } from './render-value.ts';

/** `index`: where the new entry goes among its collection's (at the end when undefined). */
export function applyWithApi(doc: Document, edit: YamlEdit, index?: number): void {
  const target = edit.path.length === 0 ? doc.contents : doc.getIn(edit.path, true);
  const node = (value: unknown): Node => doc.createNode(toNode(value));
  if (edit.kind === 'scalar') {
    doc.setIn(edit.path, edit.value);
  } else if (edit.kind === 'item') {
    if (isSeq(target))
      target.items.splice(index ?? apiPlace(target.items, edit), 0, node(edit.value));
    else doc.setIn(edit.path, doc.createNode([toNode(edit.value)]));
  } else if (isMap(target)) {
    const keys = target.items.map((p) => (isScalar(p.key) ? String(p.key.value) : undefined));
    const before = edit.place === 'sorted' ? sortedIndex(keys, edit.key) : undefined;
    const at = index ?? (before === undefined ? keys.length : keys.indexOf(before));
    target.items.splice(at, 0, doc.createPair(edit.key, node(edit.value)));
  } else {
    doc.setIn([...edit.path, edit.key], node(edit.value));
  }
}

/** The data of a parsed file after the edit, as JSON (what a reader of the file sees); `doc` takes the edit. */
export function expectedJson(doc: Document, edit: YamlEdit, index?: number): string {
  applyWithApi(doc, edit, index);
  return JSON.stringify(doc.toJS({ maxAliasCount: -1 }));
}

/** Where the Document API puts an item when the text could not say: its sorted place, else the end. */
function apiPlace(items: readonly unknown[], edit: Extract<YamlEdit, { kind: 'item' }>): number {
  const place = edit.place;
  const entry = edit.value;
  if (typeof entry !== 'string' || place === undefined || place === 'end' || !('sorted' in place))
    return items.length;
  const among = place.among ?? (() => true);
  const at = items.findIndex((item) => {
    const v = isScalar(item) ? item.value : undefined;
    return typeof v === 'string' && among(v) && v > entry;
  });
  return at < 0 ? items.length : at;
}
