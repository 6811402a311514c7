import type { YAMLSeq } from 'yaml';
import { doubleQuoted, yamlScalar } from './scalar.ts';

type Ranged = { range?: [number, number, number] | null };

/** A string as an item of a flow list: quoted when it holds a flow indicator, as yamlScalar would not. */
export function flowScalar(entry: string): string {
  return /[,[\]{}]/.test(entry) ? doubleQuoted(entry) : yamlScalar(entry);
}

/**
 * Splice an item's text (`value`, already written as YAML) into a flow list (`resources: [./a, ./c]`)
 * before item `before` (-1: after the last), in the list's style: on the same line as its
 * neighbours, or on a line of its own when the items are one per line. Every other byte stays.
 */
export function spliceIntoFlow(text: string, seq: YAMLSeq, before: number, value: string): string {
  const open = (seq as Ranged).range![0];
  const ranges = seq.items.map((node) => (node as Ranged).range!);
  // where an item starts: its anchor or tag first (the node's range begins after them)
  const startOf = (index: number) =>
    skipBlank(text, index === 0 ? open + 1 : skipBlank(text, ranges[index - 1]![1]) + 1);
  const lineBreak = (at: number) => {
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return lineStart > open ? `\n${' '.repeat(at - lineStart)}` : ' ';
  };
  if (before >= 0) {
    const at = startOf(before);
    return `${text.slice(0, at)}${value},${lineBreak(at)}${text.slice(at)}`;
  }
  const end = ranges[ranges.length - 1]![1];
  const start = startOf(ranges.length - 1);
  const eol = text.indexOf('\n', end);
  const rest = text.slice(end, eol === -1 ? text.length : eol);
  // one item per line, the list closing on a later line: a line of its own, the last one's untouched
  if (lineBreak(start) !== ' ' && eol !== -1 && !/[\]]/.test(rest.replace(/#.*$/, ''))) {
    const line = `${' '.repeat(start - (text.lastIndexOf('\n', start - 1) + 1))}${value}`;
    if (/^[ \t]*,/.test(rest)) return `${text.slice(0, eol + 1)}${line},\n${text.slice(eol + 1)}`;
    return `${text.slice(0, end)},${text.slice(end, eol + 1)}${line}\n${text.slice(eol + 1)}`;
  }
  return `${text.slice(0, end)},${lineBreak(start)}${value}${text.slice(end)}`;
}

/** The offset of the next character that is not white space, a line break or in a comment. */
function skipBlank(text: string, from: number): number {
  let i = from;
  for (;;) {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
    if (text[i] !== '#') return i;
    const eol = text.indexOf('\n', i);
    i = eol === -1 ? text.length : eol;
  }
}
