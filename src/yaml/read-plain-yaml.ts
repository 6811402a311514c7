/** Plain scalars that YAML 1.1 or 1.2 reads as numbers, booleans or null. */
const NON_STRING_PLAIN =
  /^(?:[-+]?(?:0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9_]+(?:e[-+]?[0-9]+)?|\.inf)|\.nan|y|n|yes|no|true|false|on|off|null|~)$/i;
/** The integers read alike by YAML 1.1 and 1.2, and exactly by a JS number. */
const INTEGER = /^(?:0|-?[1-9][0-9]{0,14})$/;
/** A `:` that would start a mapping inside a plain scalar. */
const MAPPING_INDICATOR = /:(?:[ \t]|$)/;
/** Characters a plain scalar may not start with here (some are allowed by YAML in places: refused all the same). */
const INDICATORS = '-?:,[]{}#&*!|>\'"%@`';
/** What may follow a closing quote: nothing, or a comment. */
const AFTER_QUOTE = /^(?:[ \t]+#.*)?$/;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;
const CR = 13;

/** Where a sequence item's line is: `start` at its first byte, `end` before its line break. */
export interface ItemLine {
  start: number;
  end: number;
  /** Column of the item's `-`. */
  indent: number;
}

export interface PlainYaml {
  data: Record<string, unknown>;
  /** The lines of the items of every sequence in `data`, in order. */
  itemLines: Map<unknown[], ItemLine[]>;
}

export type Scalar = string | number | boolean;

/** Where a scalar value was read: line `line` (0-based), its text after column `valueAt`. */
export interface ScalarLine {
  line: number;
  valueAt: number;
  /** The mapping or sequence the value went into, and its key or index there. */
  container: Record<string, unknown> | unknown[];
  key: string | number;
}

interface Level {
  indent: number;
  map?: Record<string, unknown>;
  seq?: unknown[];
  lines?: ItemLine[];
}

/**
 * One YAML document of plain block style, read without the full parser: block mappings with plain
 * keys, block sequences, single-line strings (plain or quoted), `true`, `false`, integers,
 * comments. Anything else (flow collections, anchors, tags, block or multi-line scalars, floats,
 * nulls other than an empty value, duplicate keys, bad indentation, several documents) gives
 * undefined, so the caller uses the full parser. What it does read is valid YAML, and reads
 * as the same data as the `yaml` library gives: exact, and many times faster on the small files
 * that GitOps repos are made of, before the JIT has warmed up.
 */
export function readPlainYaml(text: string, scalarLines?: ScalarLine[]): PlainYaml | undefined {
  if (text.includes('\r') && /\r(?!\n)/.test(text)) return undefined; // a lone CR breaks a line too
  const root: Record<string, unknown> = {};
  const itemLines = new Map<unknown[], ItemLine[]>();
  const stack: Level[] = [{ indent: 0, map: root }];
  let pending: string | undefined; // a key of the top mapping whose value is on the lines below
  let started = false;
  let marked = false; // the `---` that opens the document
  let line = -1;
  for (let at = 0; at < text.length;) {
    line++;
    let eol = text.indexOf('\n', at);
    if (eol === -1) eol = text.length;
    const end = eol > at && text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
    const lineStart = at;
    at = eol + 1;
    let i = lineStart;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i === end || text.charCodeAt(i) === HASH) continue; // blank or comment
    const indent = i - lineStart;
    if (indent === 0 && end - lineStart === 3 && text.startsWith('---', lineStart)) {
      if (started || marked) return undefined;
      marked = true;
      continue;
    }
    started = true;

    const isItem =
      text.charCodeAt(i) === DASH && (i + 1 === end || text.charCodeAt(i + 1) === SPACE);
    // the key of the line: at its start, or right after the `- ` of an item that is a mapping
    let keyAt = i;
    if (isItem) for (keyAt = i + 1; keyAt < end && text.charCodeAt(keyAt) === SPACE;) keyAt++;
    const colon = keyEnd(text, keyAt, end);
    let key: string | undefined;
    let value: Scalar | null | undefined;
    if (colon === -1) {
      if (!isItem) return undefined;
      value = scalar(between(text, keyAt, end));
      if (value === null || value === undefined) return undefined; // a nested block or a null item
    } else {
      key = text.slice(keyAt, colon);
      // YAML limits an implicit key to 1024 characters, counting what comes before it on some lines
      if (!isPlainKey(key) || colon - lineStart + 2 > 1024) return undefined;
      value = scalar(between(text, colon + 1, end));
      if (value === undefined) return undefined;
    }

    if (pending !== undefined) {
      const parent = stack[stack.length - 1]!;
      // a sequence may sit at its key's own column; a mapping must be indented further
      if (isItem ? indent >= parent.indent : indent > parent.indent) {
        const child: Level = isItem ? { indent, seq: [], lines: [] } : { indent, map: {} };
        parent.map![pending] = child.seq ?? child.map;
        if (child.seq) itemLines.set(child.seq, child.lines!);
        stack.push(child);
      } else {
        parent.map![pending] = null;
      }
      pending = undefined;
    }
    let top = stack[stack.length - 1]!;
    while (
      stack.length > 1 &&
      (top.indent > indent || (top.seq && !isItem && top.indent === indent))
    ) {
      stack.pop();
      top = stack[stack.length - 1]!;
    }
    if (top.indent !== indent) return undefined;
    if (isItem) {
      if (!top.seq) return undefined;
      top.lines!.push({ start: lineStart, end, indent });
      if (key === undefined) {
        scalarLines?.push({
          line,
          valueAt: i + 1 - lineStart,
          container: top.seq,
          key: top.seq.length,
        });
        top.seq.push(value);
        continue;
      }
      // `- key: value` opens a mapping at the key's column, where its next keys must line up
      const map: Record<string, unknown> = {};
      top.seq.push(map);
      top = { indent: keyAt - lineStart, map };
      stack.push(top);
    }
    if (!top.map || Object.hasOwn(top.map, key!)) return undefined;
    if (value === null) pending = key;
    else {
      scalarLines?.push({ line, valueAt: colon + 1 - lineStart, container: top.map, key: key! });
      top.map[key!] = value;
    }
  }
  if (!started) return undefined;
  if (pending !== undefined) stack[stack.length - 1]!.map![pending] = null;
  return { data: root, itemLines };
}

/** The text from `from` to `to` without the spaces and tabs around it (YAML's white space: no other). */
function between(text: string, from: number, to: number): string {
  while (from < to && isBlank(text.charCodeAt(from))) from++;
  while (to > from && isBlank(text.charCodeAt(to - 1))) to--;
  return text.slice(from, to);
}

function isBlank(c: number): boolean {
  return c === SPACE || c === 9;
}

/** The offset of the `:` ending a plain key that starts at `from`, or -1 when the line has none there. */
function keyEnd(text: string, from: number, end: number): number {
  let i = from;
  while (i < end && isKeyChar(text.charCodeAt(i))) i++;
  return i > from &&
    text.charCodeAt(i) === COLON &&
    (i + 1 === end || text.charCodeAt(i + 1) === SPACE)
    ? i
    : -1;
}

/** Characters of a plain key here: letters, digits, `_`, `.`, `/`, `-`. */
function isKeyChar(c: number): boolean {
  return (
    (c >= 97 && c <= 122) ||
    (c >= 65 && c <= 90) ||
    (c >= 48 && c <= 57) ||
    c === 95 ||
    c === 46 ||
    c === 47 ||
    c === 45
  );
}

function isPlainKey(key: string): boolean {
  const first = key.charCodeAt(0);
  return (
    key.length > 0 &&
    first !== DASH &&
    first !== 46 &&
    key !== '__proto__' &&
    !NON_STRING_PLAIN.test(key)
  );
}

/** The value of a line from column `from` (a line of a file `readPlainYaml` reads; without its CR). */
export function scalarAt(line: string, from: number): Scalar | null | undefined {
  return scalar(between(line, from, line.length));
}

/** A value's text as data; null when empty (a nested block may follow); undefined when not plain here. */
function scalar(text: string): Scalar | null | undefined {
  if (text === '' || text.charCodeAt(0) === HASH) return null;
  const first = text[0]!;
  if (first === '"') {
    const close = text.lastIndexOf('"');
    if (close === 0 || !AFTER_QUOTE.test(text.slice(close + 1))) return undefined;
    try {
      const value: unknown = JSON.parse(text.slice(0, close + 1)); // JSON's escapes are a subset of YAML's
      return typeof value === 'string' ? value : undefined;
    } catch {
      return undefined;
    }
  }
  if (first === "'") {
    const close = text.lastIndexOf("'");
    const inner = text.slice(1, close);
    if (
      close === 0 ||
      inner.replaceAll("''", '').includes("'") ||
      !AFTER_QUOTE.test(text.slice(close + 1))
    )
      return undefined;
    return inner.replaceAll("''", "'");
  }
  if (INDICATORS.includes(first)) return undefined;
  const comment = text.search(/[ \t]#/);
  const value = comment === -1 ? text : between(text, 0, comment);
  if (value === 'true' || value === 'false') return value === 'true';
  if (INTEGER.test(value)) return Number(value);
  return NON_STRING_PLAIN.test(value) || MAPPING_INDICATOR.test(value) ? undefined : value;
}
