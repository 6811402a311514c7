import { isMap, isScalar, isSeq, type YAMLSeq } from 'yaml';
import { HomeopsError } from '../errors.ts';
import { parseYaml } from './parse-yaml.ts';
import { readPlainYaml, type ItemLine } from './read-plain-yaml.ts';
import { doubleQuoted, yamlScalar } from './scalar.ts';

export interface InsertResult {
  text: string;
  /** False when the entry was already there (the text is returned unchanged). */
  changed: boolean;
}

/**
 * Insert `entry` into the block sequence under top-level `key`, in sorted place among the entries
 * that `sortable` accepts (others, such as `./namespace.yaml` first, keep their place). The
 * position comes from the parsed document; the new item is spliced into the original text (as a
 * line of a block list, or in a flow list's own style), so every other byte (comments, blank
 * lines, quoting) stays exactly as it was.
 */
export function insertSorted(
  text: string,
  file: string,
  key: string,
  entry: string,
  sortable: (item: string) => boolean = () => true,
): InsertResult {
  if (text.includes('\r\n')) {
    // work on LF text, then give the file back its own line endings
    const lf = insertSorted(text.replaceAll('\r\n', '\n'), file, key, entry, sortable);
    return lf.changed ? { text: lf.text.replaceAll('\n', '\r\n'), changed: true } : { text, changed: false };
  }
  // most kustomizations are plain block YAML: found without the full parser, which is slow on long lists
  const plain = readPlainYaml(text);
  const list = plain?.data[key];
  if (plain && list === undefined) return { text: appendKey(text, key, entry), changed: true };
  if (plain && Array.isArray(list) && list.every((item) => typeof item === 'string')) return insertAmong(text, list as string[], plain.itemLines.get(list)!, entry, sortable);

  const doc = parseYaml(text, file);
  if (!isMap(doc.contents)) {
    throw new HomeopsError('YAML', `expected a mapping at the top of ${file}`, { file, fix: 'fix the file by hand' });
  }
  const seq = doc.contents.get(key, true);
  if (seq === undefined) return { text: appendKey(text, key, entry), changed: true };
  // an empty key or an empty flow list (`resources: []`) becomes a block list, as the repo's others are
  if (seq === null || (isScalar(seq) && seq.value === null) || (isSeq(seq) && seq.flow && seq.items.length === 0)) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key)!;
    return { text: fillEmptyKey(text, (pair.key as Ranged).range![1], (seq as Ranged | null)?.range, entry), changed: true };
  }
  if (!isSeq(seq)) {
    throw new HomeopsError('YAML', `${key} in ${file} is not a list`, { file, fix: `make ${key} a list` });
  }
  const items = seq.items.map((node) => (isScalar(node) ? String(node.value) : undefined));
  if (seq.flow) return insertIntoFlow(text, items, seq, entry, sortable);
  return insertAmong(text, items, seq.items.map((node) => itemLine(text, node as Ranged)), entry, sortable);
}

type Ranged = { range?: [number, number, number] | null };

/**
 * Splice `entry` into a flow list (`resources: [./a, ./c]`) in sorted place, in its style: on the
 * same line as its neighbours, or on a line of its own when the items are one per line.
 */
function insertIntoFlow(text: string, items: (string | undefined)[], seq: YAMLSeq, entry: string, sortable: (item: string) => boolean): InsertResult {
  if (items.includes(entry)) return { text, changed: false };
  const value = /[,[\]{}]/.test(entry) ? doubleQuoted(entry) : yamlScalar(entry);
  const open = (seq as Ranged).range![0];
  const ranges = seq.items.map((node) => (node as Ranged).range!);
  const lineBreak = (at: number) => {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    return start > open ? `\n${' '.repeat(at - start)}` : ' ';
  };
  const before = items.findIndex((item) => item !== undefined && sortable(item) && item > entry);
  if (before >= 0) {
    const at = ranges[before]![0];
    return { text: `${text.slice(0, at)}${value},${lineBreak(at)}${text.slice(at)}`, changed: true };
  }
  const last = ranges[ranges.length - 1]!;
  return { text: `${text.slice(0, last[1])},${lineBreak(last[0])}${value}${text.slice(last[1])}`, changed: true };
}

/** Splice `- entry` in before the first sortable item after it (with its comments), or after the last. */
function insertAmong(text: string, items: (string | undefined)[], lines: ItemLine[], entry: string, sortable: (item: string) => boolean): InsertResult {
  if (items.includes(entry)) return { text, changed: false };
  const before = items.findIndex((item) => item !== undefined && sortable(item) && item > entry);
  return { text: before >= 0 ? insertBeforeItem(text, lines[before]!, entry) : insertAfterItem(text, lines[lines.length - 1]!, entry), changed: true };
}

/** The line of a parsed item (its value may run past the line: the splice goes after its end). */
function itemLine(text: string, node: Ranged): ItemLine {
  const [offset, end] = node.range!;
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return { start, end, indent: text.slice(start, offset).indexOf('-') };
}

function insertBeforeItem(text: string, item: ItemLine, entry: string): string {
  const indent = ' '.repeat(item.indent);
  // comments right above an item belong to it: insert above them
  let at = item.start;
  while (at > 0) {
    const prevStart = text.lastIndexOf('\n', at - 2) + 1;
    const prev = text.slice(prevStart, at - 1);
    if (!prev.startsWith(`${indent}#`)) break;
    at = prevStart;
  }
  return `${text.slice(0, at)}${indent}- ${yamlScalar(entry)}\n${text.slice(at)}`;
}

function insertAfterItem(text: string, item: ItemLine, entry: string): string {
  const eol = text.indexOf('\n', item.end);
  const at = eol === -1 ? text.length : eol + 1;
  const head = eol === -1 ? `${text}\n` : text.slice(0, at);
  return `${head}${' '.repeat(item.indent)}- ${yamlScalar(entry)}\n${text.slice(at)}`;
}

/** `key:` (or `key: ~`, `key: []`) becomes `key:` and a first item on the next line; comments stay. */
function fillEmptyKey(text: string, keyEnd: number, value: [number, number, number] | null | undefined, entry: string): string {
  const written = value && value[1] > value[0] ? value : undefined;
  const line = written ? `${text.slice(0, text.indexOf(':', keyEnd) + 1)}${text.slice(written[1])}` : text;
  const eol = line.indexOf('\n', keyEnd);
  const at = eol === -1 ? line.length : eol + 1;
  return `${eol === -1 ? `${line}\n` : line.slice(0, at)}  - ${yamlScalar(entry)}\n${line.slice(at)}`;
}

function appendKey(text: string, key: string, entry: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${body}${key}:\n  - ${yamlScalar(entry)}\n`;
}
