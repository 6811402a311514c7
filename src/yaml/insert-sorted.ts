import { isMap, isScalar, isSeq } from 'yaml';
import { HomeopsError } from '../errors.ts';
import { commentsAbove } from './block-text.ts';
import { flowScalar, spliceIntoFlow } from './flow-list.ts';
import { lineOf, parseYaml } from './parse-yaml.ts';
import { readPlainYaml, type ItemLine } from './read-plain-yaml.ts';
import { yamlScalar } from './scalar.ts';

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
    return lf.changed
      ? { text: lf.text.replaceAll('\n', '\r\n'), changed: true }
      : { text, changed: false };
  }
  // most kustomizations are plain block YAML: found without the full parser, which is slow on long lists
  const plain = readPlainYaml(text);
  const list = plain?.data[key];
  if (plain && list === undefined) return { text: appendKey(text, key, entry), changed: true };
  if (plain && Array.isArray(list) && list.every((item) => typeof item === 'string'))
    return insertAmong(text, list as string[], plain.itemLines.get(list)!, entry, sortable);

  const doc = parseYaml(text, file);
  if (!isMap(doc.contents)) {
    throw new HomeopsError('YAML', `expected a mapping at the top of ${file}`, {
      file,
      fix: 'fix the file by hand',
    });
  }
  const seq = doc.contents.get(key, true);
  if (seq === undefined) return { text: appendKey(text, key, entry), changed: true };
  // an empty key or an empty flow list (`resources: []`) becomes a block list, as the repo's others are
  if (
    seq === null ||
    (isScalar(seq) && seq.value === null) ||
    (isSeq(seq) && seq.flow && seq.items.length === 0)
  ) {
    const pair = doc.contents.items.find((p) => isScalar(p.key) && p.key.value === key)!;
    const keyEnd = (pair.key as Ranged).range![1];
    const value = seq as Ranged | null;
    if (value?.anchor || value?.tag || !/^[ \t]*:/.test(text.slice(keyEnd))) {
      throw new HomeopsError(
        'YAML',
        `the empty ${key} of ${file} is written in a way homeops does not edit (an anchor, a tag or an explicit key)`,
        { file, line: lineOf(text, keyEnd), fix: `add the entry ${entry} by hand` },
      );
    }
    return { text: fillEmptyKey(text, keyEnd, value?.range, entry), changed: true };
  }
  if (!isSeq(seq)) {
    throw new HomeopsError('YAML', `${key} in ${file} is not a list`, {
      file,
      fix: `make ${key} a list`,
    });
  }
  const items = seq.items.map((node) => (isScalar(node) ? String(node.value) : undefined));
  if (!seq.flow)
    return insertAmong(
      text,
      items,
      seq.items.map((node) => itemLine(text, node as Ranged, file)),
      entry,
      sortable,
    );
  if (items.includes(entry)) return { text, changed: false };
  return {
    text: spliceIntoFlow(text, seq, sortedPlace(items, entry, sortable), flowScalar(entry)),
    changed: true,
  };
}

type Ranged = {
  range?: [number, number, number] | null;
  anchor?: string | null;
  tag?: string | null;
};

/** Splice `- entry` in before the first sortable item after it (with its comments), or after the last. */
function insertAmong(
  text: string,
  items: (string | undefined)[],
  lines: ItemLine[],
  entry: string,
  sortable: (item: string) => boolean,
): InsertResult {
  if (items.includes(entry)) return { text, changed: false };
  const before = sortedPlace(items, entry, sortable);
  return {
    text:
      before >= 0
        ? insertBeforeItem(text, lines[before]!, entry)
        : insertAfterItem(text, lines[lines.length - 1]!, entry),
    changed: true,
  };
}

/** The index of the first sortable item that sorts after `entry` (-1: none). */
function sortedPlace(
  items: (string | undefined)[],
  entry: string,
  sortable: (item: string) => boolean,
): number {
  return items.findIndex((item) => item !== undefined && sortable(item) && item > entry);
}

/** The line of a parsed item's `-` (its value may start on a later line, and run past it). */
function itemLine(text: string, node: Ranged, file: string): ItemLine {
  const [offset, end] = node.range!;
  let start = text.lastIndexOf('\n', offset - 1) + 1;
  let head = text.slice(start, offset);
  for (;;) {
    const dash = /^( *)-(?:[ \t]|$)/.exec(head);
    if (dash) return { start, end, indent: dash[1]!.length };
    if (start === 0 || !/^[ \t]*(?:#.*)?$/.test(head)) {
      throw new HomeopsError(
        'YAML',
        `cannot tell where a list item of ${file} starts (line ${lineOf(text, offset)})`,
        {
          file,
          line: lineOf(text, offset),
          fix: 'write each item as `- value` on a line of its own, or add the entry by hand',
        },
      );
    }
    const above = text.lastIndexOf('\n', start - 2) + 1;
    head = text.slice(above, start - 1);
    start = above;
  }
}

function insertBeforeItem(text: string, item: ItemLine, entry: string): string {
  const at = commentsAbove(text, item.start, item.indent);
  return `${text.slice(0, at)}${' '.repeat(item.indent)}- ${yamlScalar(entry)}\n${text.slice(at)}`;
}

function insertAfterItem(text: string, item: ItemLine, entry: string): string {
  // a block scalar item ends with its line break: the next line is no longer the item's
  const eol = text.charCodeAt(item.end - 1) === 10 ? item.end - 1 : text.indexOf('\n', item.end);
  const at = eol === -1 ? text.length : eol + 1;
  const head = eol === -1 ? `${text}\n` : text.slice(0, at);
  return `${head}${' '.repeat(item.indent)}- ${yamlScalar(entry)}\n${text.slice(at)}`;
}

/** `key:` (or `key: ~`, `key: []`) becomes `key:` and a first item on the next line; comments stay. */
function fillEmptyKey(
  text: string,
  keyEnd: number,
  value: [number, number, number] | null | undefined,
  entry: string,
): string {
  const written = value && value[1] > value[0] ? value : undefined;
  const line = written
    ? `${text.slice(0, text.indexOf(':', keyEnd) + 1)}${text.slice(written[1])}`
    : text;
  const eol = line.indexOf('\n', keyEnd);
  const at = eol === -1 ? line.length : eol + 1;
  return `${eol === -1 ? `${line}\n` : line.slice(0, at)}  - ${yamlScalar(entry)}\n${line.slice(at)}`;
}

function appendKey(text: string, key: string, entry: string): string {
  const body = text.endsWith('\n') ? text : `${text}\n`;
  return `${body}${key}:\n  - ${yamlScalar(entry)}\n`;
}
