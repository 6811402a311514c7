import { isPlainSafe } from '../yaml/scalar.ts';
import type { DocLayout, DocShape, MapEntry, Node, ScalarNode } from './tree.ts';

/**
 * Write documents as a person writes them: the file's indentation (two spaces, or four), block or flow as each node
 * says, sequences indented under their key or not and flow collections padded or not as the
 * file's layout says, each scalar in its style when that style reads back as the same value.
 */
export function emitDocuments(docs: readonly DocShape[]): string {
  return docs.map(emitDocument).join('');
}

export function emitDocument(doc: DocShape): string {
  const lines = [...doc.header];
  const w = new Writer(doc.layout);
  w.blockValue(doc.root, 0, lines);
  return `${lines.join('\n')}\n`;
}

class Writer {
  constructor(private readonly layout: DocLayout) {}

  /** A node that starts on a line of its own at `indent` (the document root, a block value). */
  blockValue(node: Node, indent: number, out: string[]): void {
    if (node.kind === 'map' && !node.flow && node.entries.length > 0)
      this.map(node.entries, indent, out);
    else if (node.kind === 'seq' && !node.flow && node.items.length > 0)
      this.seq(node.items, indent, out, node.blankBefore);
    else out.push(`${pad(indent)}${this.inline(node, false)}`);
  }

  private map(
    entries: readonly MapEntry[],
    indent: number,
    out: string[],
    firstPrefix?: string,
  ): void {
    entries.forEach((entry, at) => {
      if (entry.blankBefore && (at > 0 || firstPrefix === undefined)) out.push('');
      const lead = at === 0 && firstPrefix !== undefined ? firstPrefix : pad(indent);
      this.entry(entry, indent, lead, out);
    });
  }

  private entry(entry: MapEntry, indent: number, lead: string, out: string[]): void {
    const key = `${lead}${this.key(entry)}:`;
    const v = entry.value;
    const anchor = v.kind !== 'alias' && v.anchor ? ` &${v.anchor}` : '';
    if (v.kind === 'map' && !v.flow && v.entries.length > 0) {
      out.push(`${key}${anchor}`);
      this.map(v.entries, indent + this.layout.indent, out);
    } else if (v.kind === 'seq' && !v.flow && v.items.length > 0) {
      out.push(`${key}${anchor}`);
      const at = this.layout.indentSeq ? indent + this.layout.indent : indent;
      this.seq(v.items, at, out, v.blankBefore);
    } else if (v.kind === 'scalar' && isBlockScalar(v)) {
      out.push(`${key}${anchor} ${blockHeader(v)}`);
      const at = pad(indent + this.layout.indent);
      for (const line of blockLines(v)) out.push(line === '' ? '' : `${at}${line}`);
    } else if (v.kind === 'scalar' && v.value === null && v.style === 'PLAIN' && !v.anchor) {
      out.push(key);
    } else {
      out.push(`${key} ${this.inline(v, false)}`);
    }
  }

  private seq(items: readonly Node[], indent: number, out: string[], blank?: number[]): void {
    for (const [at, item] of items.entries()) {
      if (blank?.includes(at)) out.push('');
      const dash = `${pad(indent)}- `;
      const anchor = item.kind !== 'alias' && item.anchor ? `&${item.anchor}` : '';
      if (item.kind === 'map' && !item.flow && item.entries.length > 0) {
        if (anchor) {
          out.push(`${dash}${anchor}`);
          this.map(item.entries, indent + 2, out);
        } else this.map(item.entries, indent + 2, out, dash);
      } else if (item.kind === 'seq' && !item.flow && item.items.length > 0) {
        out.push(`${dash.trimEnd()}${anchor ? ` ${anchor}` : ''}`);
        this.seq(item.items, indent + 2, out, item.blankBefore);
      } else if (item.kind === 'scalar' && isBlockScalar(item)) {
        out.push(`${dash}${anchor ? `${anchor} ` : ''}${blockHeader(item)}`);
        for (const line of blockLines(item))
          out.push(line === '' ? '' : `${pad(indent + 2)}${line}`);
      } else out.push(`${dash}${this.inline(item, false)}`);
    }
  }

  /** A node on the rest of a line: a scalar, an alias, or a flow (or empty) collection. */
  inline(node: Node, inFlow: boolean): string {
    switch (node.kind) {
      case 'alias':
        return `*${node.name}`;
      case 'scalar':
        return `${node.anchor ? `&${node.anchor} ` : ''}${scalarText(node, inFlow)}`;
      case 'seq': {
        const anchor = node.anchor ? `&${node.anchor} ` : '';
        if (node.items.length === 0) return `${anchor}[]`;
        const p = this.layout.flowSeqPadding ? ' ' : '';
        return `${anchor}[${p}${node.items.map((i) => this.inline(i, true)).join(', ')}${p}]`;
      }
      case 'map': {
        const anchor = node.anchor ? `&${node.anchor} ` : '';
        if (node.entries.length === 0) return `${anchor}{}`;
        const p = this.layout.flowMapPadding ? ' ' : '';
        const body = node.entries.map((e) => `${this.key(e)}: ${this.inline(e.value, true)}`);
        return `${anchor}{${p}${body.join(', ')}${p}}`;
      }
    }
  }

  private key(entry: MapEntry): string {
    if (entry.keyStyle === 'QUOTE_DOUBLE') return JSON.stringify(entry.key);
    if (entry.keyStyle === 'QUOTE_SINGLE' && !entry.key.includes('\n'))
      return `'${entry.key.replaceAll("'", "''")}'`;
    return isPlainSafe(entry.key) ? entry.key : JSON.stringify(entry.key);
  }
}

const pad = (n: number) => ' '.repeat(n);

function isBlockScalar(node: ScalarNode): boolean {
  if (typeof node.value !== 'string') return false;
  if (node.style === 'BLOCK_LITERAL' || node.style === 'BLOCK_FOLDED')
    return !/^\s*$/.test(node.value) && !/^ /.test(node.value);
  return node.value.includes('\n') && node.style === 'PLAIN';
}

/** `|` keeps one final newline, `|-` none, `|+` all; a folded scalar is written literal. */
function blockHeader(node: ScalarNode): string {
  const text = String(node.value);
  const chomp = text.endsWith('\n\n') ? '+' : text.endsWith('\n') ? '' : '-';
  const indicator = /^[ \n]/.test(text) ? '2' : '';
  return `|${indicator}${chomp}`;
}

function blockLines(node: ScalarNode): string[] {
  const text = String(node.value);
  const body = text.endsWith('\n') ? text.replace(/\n+$/, '') : text;
  const extra = text.length - text.replace(/\n+$/, '').length;
  const lines = body.split('\n');
  for (let i = 1; i < extra; i++) lines.push('');
  return lines;
}

/** A scalar in its style, when that style reads back as the same value; else a safe one. */
export function scalarText(node: ScalarNode, inFlow = false): string {
  const { value, style } = node;
  if (value === null) return style === 'PLAIN' ? 'null' : '""';
  if (typeof value !== 'string') return node.raw ?? String(value);
  if (style === 'QUOTE_SINGLE' && !/[\n\r\t]/.test(value))
    return `'${value.replaceAll("'", "''")}'`;
  const flowSafe = !(inFlow && /[,[\]{}]/.test(value));
  if (
    style === 'PLAIN' &&
    node.trusted &&
    flowSafe &&
    value === value.trim() &&
    !/[\n\r]/.test(value)
  )
    return value;
  if (style === 'PLAIN' && isPlainSafe(value) && flowSafe) return value;
  return JSON.stringify(value);
}
