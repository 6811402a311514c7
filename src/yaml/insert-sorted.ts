import { isMap, isScalar, isSeq, type YAMLSeq } from 'yaml';
import { HomeopsError } from '../errors.ts';
import { parseYaml } from './parse-yaml.ts';
import { yamlScalar } from './scalar.ts';

export interface InsertResult {
  text: string;
  /** False when the entry was already there (the text is returned unchanged). */
  changed: boolean;
}

/**
 * Insert `entry` into the block sequence under top-level `key`, in sorted place among the entries
 * that `sortable` accepts (others, such as `./namespace.yaml` first, keep their place). The
 * position comes from the parsed document; the new line is spliced into the original text, so
 * every other byte (comments, blank lines, quoting) stays exactly as it was.
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
  const doc = parseYaml(text, file);
  if (!isMap(doc.contents)) {
    throw new HomeopsError('YAML', `expected a mapping at the top of ${file}`, { file, fix: 'fix the file by hand' });
  }
  const seq = doc.contents.get(key, true);
  if (seq === undefined) return { text: appendKey(text, key, entry), changed: true };
  if (seq === null || (isScalar(seq) && seq.value === null)) {
    doc.set(key, doc.createNode([entry]));
    return { text: doc.toString({ lineWidth: 0 }), changed: true };
  }
  if (!isSeq(seq)) {
    throw new HomeopsError('YAML', `${key} in ${file} is not a list`, { file, fix: `make ${key} a list` });
  }
  const items = seq.items.map((node) => (isScalar(node) ? String(node.value) : undefined));
  if (items.includes(entry)) return { text, changed: false };
  if (seq.flow || seq.items.length === 0) {
    seq.flow = false;
    seq.add(doc.createNode(entry));
    return { text: doc.toString({ lineWidth: 0 }), changed: true };
  }
  const before = items.findIndex((item) => item !== undefined && sortable(item) && item > entry);
  if (before >= 0) return { text: insertBeforeItem(text, seq, before, entry), changed: true };
  return { text: insertAfterItem(text, seq, seq.items.length - 1, entry), changed: true };
}

function itemLineStart(text: string, seq: YAMLSeq, index: number): { start: number; indent: string } {
  const node = seq.items[index] as { range?: [number, number, number] };
  const offset = node.range![0];
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const dash = text.slice(lineStart, offset).indexOf('-');
  return { start: lineStart, indent: text.slice(lineStart, lineStart + dash) };
}

function insertBeforeItem(text: string, seq: YAMLSeq, index: number, entry: string): string {
  const { start, indent } = itemLineStart(text, seq, index);
  // comments right above an item belong to it: insert above them
  let at = start;
  while (at > 0) {
    const prevStart = text.lastIndexOf('\n', at - 2) + 1;
    const prev = text.slice(prevStart, at - 1);
    if (!prev.startsWith(`${indent}#`)) break;
    at = prevStart;
  }
  return `${text.slice(0, at)}${indent}- ${yamlScalar(entry)}\n${text.slice(at)}`;
}

function insertAfterItem(text: string, seq: YAMLSeq, index: number, entry: string): string {
  const { indent } = itemLineStart(text, seq, index);
  const node = seq.items[index] as { range?: [number, number, number] };
  const eol = text.indexOf('\n', node.range![1]);
  const at = eol === -1 ? text.length : eol + 1;
  const head = eol === -1 ? `${text}\n` : text.slice(0, at);
  return `${head}${indent}- ${yamlScalar(entry)}\n${text.slice(at)}`;
}

function appendKey(text: string, key: string, entry: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${body}${key}:\n  - ${yamlScalar(entry)}\n`;
}
