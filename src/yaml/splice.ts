/**
 * Byte-preserving YAML edits. yaml's Document round trip rewrites some untouched bytes (aligned
 * comments, flow padding, trailing comments), so additions are spliced into the source text
 * instead, at positions taken from the parsed nodes. Each splice is checked against the same edit
 * made through the Document API; if the two disagree (an unusual layout), the API result is used.
 */
import { Document, isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Node, ParsedNode, Range, YAMLSeq } from 'yaml';
import { commentsAbove, detectIndentSeq, renderBlock } from './block-text.ts';

export type YamlPath = readonly (string | number)[];

/**
 * One addition: an item at the end of a sequence, or a new key at the end of a map (`sorted`: in
 * sorted place when the map's keys are in order, like ks.yaml's `components, dependsOn, interval`).
 */
export type YamlAddition =
  | { kind: 'item'; path: YamlPath; value: Node }
  | { kind: 'key'; path: YamlPath; key: string; value: Node; sorted?: boolean };

export interface EditResult {
  text: string;
  doc: Document.Parsed;
  /** False when the Document API had to re-render the file (some untouched bytes may differ). */
  exact: boolean;
}

const lineStart = (s: string, at: number): number => s.lastIndexOf('\n', at - 1) + 1;
const column = (s: string, at: number): number => at - lineStart(s, at);

/**
 * The offset just after the last line that belongs to a block entry starting at `from`:
 * lines indented deeper than `col` (or, at `col`, block-sequence dashes), up to `to`.
 */
function entryEnd(s: string, from: number, to: number, col: number): number {
  let end = s.indexOf('\n', from);
  if (end === -1) return s.length;
  end += 1;
  for (let at = end; at < to;) {
    const nl = s.indexOf('\n', at);
    const next = nl === -1 ? s.length : nl + 1;
    const line = s.slice(at, nl === -1 ? s.length : nl);
    const indent = line.length - line.trimStart().length;
    if (line.trim() !== '') {
      if (indent > col || (indent === col && /^-( |$)/.test(line.trimStart()))) end = next;
      else break;
    }
    at = next;
  }
  return end;
}

function insertAt(s: string, at: number, block: string): string {
  const before = s.slice(0, at);
  return before + (before === '' || before.endsWith('\n') ? '' : '\n') + block + s.slice(at);
}

/** `key: []` (alone on its line) -> `key:` + a block sequence holding `value`. */
function expandEmptyFlow(
  s: string,
  seq: { range: Range },
  value: Node,
  indentSeq: boolean,
): string | undefined {
  const [start, end] = seq.range;
  const eol = s.indexOf('\n', end);
  if (
    s.slice(end, eol === -1 ? s.length : eol).trim() !== '' ||
    s.slice(start, end).replace(/\s/g, '') !== '[]'
  )
    return undefined;
  const from = lineStart(s, start);
  const col = s.slice(from).search(/\S/) + (indentSeq ? 2 : 0);
  const block = renderBlock(new Document([value]).contents as Node, col, indentSeq);
  return s.slice(0, start).trimEnd() + '\n' + block.trimEnd() + s.slice(end);
}

function splice(
  source: string,
  doc: Document.Parsed,
  add: YamlAddition,
  indentSeq: boolean,
): string | undefined {
  const target = add.path.length === 0 ? doc.contents : doc.getIn(add.path, true);
  if (add.kind === 'item' && isSeq(target)) {
    const seq = target as unknown as YAMLSeq<ParsedNode> & { range: Range };
    if (seq.flow) {
      if (!isScalar(add.value))
        return seq.items.length === 0
          ? expandEmptyFlow(source, seq, add.value, indentSeq)
          : undefined;
      const text = renderBlock(add.value, 0, indentSeq).trimEnd();
      const last = seq.items.at(-1);
      if (last) return source.slice(0, last.range[1]) + `, ${text}` + source.slice(last.range[1]);
      const open = source.indexOf('[', seq.range[0]);
      return open === -1 ? undefined : source.slice(0, open + 1) + text + source.slice(open + 1);
    }
    const first = seq.items[0];
    const last = seq.items.at(-1);
    if (!first || !last) return undefined;
    const dash = lineStart(source, first.range[0]);
    const col = source.slice(dash).search(/\S/);
    if (source[dash + col] !== '-') return undefined;
    const item = new Document([add.value]).contents as Node;
    return insertAt(
      source,
      entryEnd(source, last.range[0], seq.range[2], col),
      renderBlock(item, col, indentSeq),
    );
  }
  if (
    add.kind === 'key' &&
    isMap(target) &&
    !target.flow &&
    target.items.length > 0 &&
    !target.has(add.key)
  ) {
    const firstKey = target.items[0]!.key as ParsedNode;
    const lastKey = target.items.at(-1)!.key as ParsedNode;
    const col = column(source, firstKey.range[0]);
    const pair = new Document({ [add.key]: add.value }).contents as Node;
    const next = add.sorted
      ? (target.items[sortedIndex(target.items, add.key)]?.key as ParsedNode | undefined)
      : undefined;
    // before the next key (and its comments), or after the last key's whole entry
    const at = next
      ? commentsAbove(source, lineStart(source, next.range[0]), col)
      : entryEnd(source, lastKey.range[0], (target as unknown as ParsedNode).range[2], col);
    return insertAt(source, at, renderBlock(pair, col, indentSeq));
  }
  return undefined;
}

/** Where a key goes among a map's pairs in sorted place: before the first that sorts after it; the end when the keys are not in order. */
function sortedIndex(pairs: readonly { key: unknown }[], key: string): number {
  const keys = pairs.map((pair) => (isScalar(pair.key) ? String(pair.key.value) : undefined));
  const inOrder = keys.every((k, i) => k !== undefined && (i === 0 || k >= keys[i - 1]!));
  const at = inOrder ? keys.findIndex((k) => k! > key) : -1;
  return at === -1 ? pairs.length : at;
}

function applyWithApi(doc: Document, add: YamlAddition): void {
  const target = add.path.length === 0 ? doc.contents : doc.getIn(add.path, true);
  if (add.kind === 'item') {
    if (!isSeq(target)) throw new Error(`no sequence at ${add.path.join('.')}`);
    target.items.push(add.value.clone());
  } else if (add.sorted && isMap(target)) {
    target.items.splice(
      sortedIndex(target.items, add.key),
      0,
      doc.createPair(add.key, add.value.clone()),
    );
  } else if (add.path.length === 0) {
    (doc.contents as Node & { set(k: unknown, v: unknown): void }).set(add.key, add.value.clone());
  } else {
    doc.setIn([...add.path, add.key], add.value.clone());
  }
}

const same = (a: Document, b: Document): boolean =>
  JSON.stringify(a.toJS()) === JSON.stringify(b.toJS());

/**
 * Applies additions to `source` (the text `doc` was parsed from). Every byte outside the added
 * lines is kept unless a layout is too unusual to splice; then `exact` is false.
 */
export function addToYaml(
  source: string,
  doc: Document.Parsed,
  additions: readonly YamlAddition[],
): EditResult {
  if (source.includes('\r\n')) {
    // Splice on LF text, then restore the file's CRLF line endings.
    const lf = addToYaml(
      source.replace(/\r\n/g, '\n'),
      parseDocument(source.replace(/\r\n/g, '\n')),
      additions,
    );
    const text = lf.text.replace(/\n/g, '\r\n');
    return { text, doc: parseDocument(text), exact: lf.exact };
  }
  const indentSeq = detectIndentSeq(source);
  const expected = doc.clone();
  for (const add of additions) applyWithApi(expected, add);
  let text: string | undefined = source;
  let current = doc;
  for (const add of additions) {
    text = splice(text, current, add, indentSeq);
    if (text === undefined) break;
    current = parseDocument(text);
    if (current.errors.length > 0) break;
  }
  if (text !== undefined && current.errors.length === 0 && same(current, expected)) {
    return { text, doc: current, exact: true };
  }
  const padded = /\[ \S|\{ \S/.test(source);
  const fallback = expected.toString({ lineWidth: 0, flowCollectionPadding: padded });
  return { text: fallback, doc: parseDocument(fallback), exact: false };
}
