/**
 * Text-level reading of a TOML file (.mise.toml) for edits that keep every other byte: which lines
 * are table headers, which lie inside multi-line strings, where a table's content ends. Every edit
 * made with these is checked by parsing the result (`parseToml`) and comparing it to the original.
 */
import { isDeepStrictEqual } from 'node:util';
import { parse } from 'smol-toml';
import { captured } from '../captured.ts';

export type TomlData = Record<string, unknown>;

export interface TomlTableRange {
  /** Dotted name without quotes: `tasks.apply-urd`. */
  name: string;
  /** Line index of the `[header]`. */
  header: number;
  /** Line index of the next header (or the line count). */
  end: number;
}

/** The parsed file as plain JSON data (dates as strings), or undefined when it is not valid TOML. */
export function parseToml(text: string): TomlData | undefined {
  try {
    // smol-toml builds null-prototype objects: plain data compares and clones like any other
    return JSON.parse(JSON.stringify(parse(text))) as TomlData;
  } catch {
    return undefined;
  }
}

/** For each line: whether it starts inside a multi-line string (so it cannot be a header or a comment). */
export function linesInString(text: string): boolean[] {
  const states = [false];
  let mode: 'code' | 'comment' | 'basic' | 'literal' | 'multiBasic' | 'multiLiteral' = 'code';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\n') {
      if (mode === 'comment' || mode === 'basic' || mode === 'literal') mode = 'code';
      states.push(mode === 'multiBasic' || mode === 'multiLiteral');
      continue;
    }
    if (mode === 'code') {
      if (ch === '#') mode = 'comment';
      else if (text.startsWith('"""', i)) [mode, i] = ['multiBasic', i + 2];
      else if (text.startsWith("'''", i)) [mode, i] = ['multiLiteral', i + 2];
      else if (ch === '"') mode = 'basic';
      else if (ch === "'") mode = 'literal';
    } else if (mode === 'basic' || mode === 'multiBasic') {
      if (ch === '\\' && text[i + 1] !== '\n' && text[i + 1] !== '\r') i++;
      else if (mode === 'basic' && ch === '"') mode = 'code';
      else if (mode === 'multiBasic' && text.startsWith('"""', i))
        [mode, i] = ['code', closeQuotes(text, i, '"')];
    } else if (mode === 'literal' && ch === "'") mode = 'code';
    else if (mode === 'multiLiteral' && text.startsWith("'''", i))
      [mode, i] = ['code', closeQuotes(text, i, "'")];
  }
  return states;
}

/** `"""` may be followed by up to two more quotes that belong to the string. */
function closeQuotes(text: string, at: number, quote: string): number {
  let end = at + 2;
  while (end + 1 < at + 5 && text[end + 1] === quote) end++;
  return end;
}

const HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/;

/** Every table header outside strings, with the range of lines it owns. */
export function tomlTables(text: string): TomlTableRange[] {
  const lines = text.split('\n');
  const inString = linesInString(text);
  const headers: { name: string; header: number }[] = [];
  lines.forEach((line, i) => {
    const m = inString[i] ? null : HEADER.exec(line);
    if (m)
      headers.push({
        name: captured(m, 1)
          .split('.')
          .map((s) => s.trim().replace(/^"(.*)"$/, '$1'))
          .join('.'),
        header: i,
      });
  });
  return headers.map((h, i) => ({ ...h, end: headers[i + 1]?.header ?? lines.length }));
}

/** The last line of `[from, to)` that holds content (not blank, not a comment outside strings), or -1. */
export function lastContentLine(text: string, from: number, to: number): number {
  const lines = text.split('\n');
  const inString = linesInString(text);
  for (let i = Math.min(to, lines.length) - 1; i >= from; i--) {
    const t = (lines[i] ?? '').trim(); // i < lines.length
    if (inString[i] || (t !== '' && !t.startsWith('#'))) return i;
  }
  return -1;
}

/** `text` with `block` (lines without a final newline) inserted after line `after`. */
export function insertAfterLine(text: string, after: number, block: string): string {
  const lines = text.split('\n');
  lines.splice(after + 1, 0, ...block.split('\n'));
  return lines.join('\n');
}

/** `data` without the values at the given dotted paths (for comparing everything else). */
function without(data: TomlData, paths: readonly (readonly string[])[]): TomlData {
  const copy = structuredClone(data);
  for (const path of paths) {
    let at: Record<string, unknown> | undefined = copy;
    const parents: [Record<string, unknown>, string][] = [];
    for (const key of path.slice(0, -1)) {
      if (at) parents.push([at, key]);
      at = at?.[key] as Record<string, unknown> | undefined;
    }
    const last = path.at(-1);
    if (at && last !== undefined) delete at[last];
    // a table that only held the changed value (a first [tasks.x]) goes too
    for (const [parent, key] of parents.reverse()) {
      const child = parent[key];
      if (child && typeof child === 'object' && Object.keys(child).length === 0) delete parent[key];
    }
  }
  return copy;
}

/** True when `after` equals `before` everywhere except at `changed` paths. */
export function sameExcept(
  before: TomlData,
  after: TomlData,
  changed: readonly (readonly string[])[],
): boolean {
  return isDeepStrictEqual(without(before, changed), without(after, changed));
}
