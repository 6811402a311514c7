import {
  isAlias,
  isMap,
  isScalar,
  isSeq,
  parseAllDocuments,
  type Document,
  type Node as YamlNode,
} from 'yaml';
import type { DocLayout, DocShape, MapNode, Node, ScalarStyle } from './tree.ts';
import { abstractText, type Vocabulary } from './vocabulary.ts';

/** Layout evidence counted over a file: how many sequences were indented, flows padded. */
interface LayoutVotes {
  /** How many nested mappings stepped in by each number of spaces. */
  indents: Map<number, number>;
  indentSeq: [number, number];
  flowMapPadding: [number, number];
  flowSeqPadding: [number, number];
}

/**
 * Every document of a file in the learner's form, with the app's names abstracted. Documents
 * that do not parse, or hold no mapping, are left out (a repo's broken file is not an example).
 */
export function readShapes(
  text: string,
  vocab: Vocabulary = {},
  parsed: readonly Document.Parsed[] | undefined = parseAll(text),
  /** Documents that are lists (a files generator's config written as a list of one) count too. */
  lists = false,
): (DocShape & { index: number })[] {
  const docs = parsed ?? [];
  const shapes: (DocShape & { index: number })[] = [];
  let headerFrom = 0;
  for (const [index, doc] of docs.entries()) {
    if (doc.errors.length > 0 || !(isMap(doc.contents) || (lists && isSeq(doc.contents)))) {
      headerFrom = doc.range[2];
      continue;
    }
    const votes: LayoutVotes = {
      indents: new Map(),
      indentSeq: [0, 0],
      flowMapPadding: [0, 0],
      flowSeqPadding: [0, 0],
    };
    const root = toNode(doc.contents, text, vocab, votes, null);
    const start = doc.contents.range?.[0] ?? 0;
    const header = headerLines(text.slice(headerFrom, start), vocab);
    headerFrom = doc.range[2];
    shapes.push({ header, root, layout: decide(votes), index });
  }
  return shapes;
}

/** The documents of a file; undefined where it does not parse at all. */
function parseAll(text: string): Document.Parsed[] | undefined {
  try {
    const parsed = parseAllDocuments(text);
    return 'empty' in parsed ? [] : parsed;
  } catch {
    return undefined;
  }
}

/** The `---` and comment lines before a document's first key. */
function headerLines(text: string, vocab: Vocabulary): string[] {
  return text
    .split('\n')
    .map((line) => line.trimEnd())
    .filter((line) => line === '---' || line.startsWith('#'))
    .map((line) => abstractText(line, vocab));
}

function decide(votes: LayoutVotes): DocLayout {
  const pick = ([yes, no]: [number, number], fallback: boolean) =>
    yes + no === 0 ? fallback : yes >= no;
  const [indent] = [...votes.indents].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0] ?? [2];
  return {
    indent,
    indentSeq: pick(votes.indentSeq, true),
    flowMapPadding: pick(votes.flowMapPadding, true),
    flowSeqPadding: pick(votes.flowSeqPadding, false),
  };
}

function styleOf(type: string | undefined): ScalarStyle {
  switch (type) {
    case 'QUOTE_DOUBLE':
    case 'QUOTE_SINGLE':
    case 'BLOCK_LITERAL':
    case 'BLOCK_FOLDED':
      return type;
    default:
      return 'PLAIN';
  }
}

function columnOf(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  return offset - lineStart;
}

function toNode(
  node: YamlNode | null,
  text: string,
  vocab: Vocabulary,
  votes: LayoutVotes,
  keyColumn: number | null,
): Node {
  if (node === null) return { kind: 'scalar', value: null, style: 'PLAIN' };
  if (isAlias(node)) return { kind: 'alias', name: abstractText(node.source, vocab) };
  const anchor = node.anchor ? abstractText(node.anchor, vocab) : undefined;
  const withAnchor = <T extends Node>(n: T): T => (anchor ? { ...n, anchor } : n);
  if (isScalar(node)) {
    const value = node.value;
    const scalar: Node = {
      kind: 'scalar',
      value:
        typeof value === 'string'
          ? abstractText(value, vocab)
          : typeof value === 'number' || typeof value === 'boolean' || value === null
            ? value
            : String(value),
      style: styleOf(node.type),
    };
    if (typeof value !== 'string' && node.source !== undefined && node.source !== String(value))
      scalar.raw = node.source;
    if (typeof value === 'string' && scalar.style === 'PLAIN') scalar.trusted = true;
    // a number that is one of the app's words (its port) counts as that word
    if (typeof value === 'number' && vocab.port !== undefined && String(value) === vocab.port) {
      scalar.value = '⟪port⟫';
      scalar.numeric = true;
      delete scalar.raw;
    }
    return withAnchor(scalar);
  }
  if (isSeq(node)) {
    const flow = node.flow === true;
    if (flow) votePadding(text, node.range, votes.flowSeqPadding);
    else if (keyColumn !== null && node.range) {
      const dash = columnOf(text, node.range[0]);
      votes.indentSeq[dash > keyColumn ? 0 : 1]++;
      // a list indented under its key steps in as far as the file's mappings do
      const step = dash - keyColumn;
      if (step > 0) votes.indents.set(step, (votes.indents.get(step) ?? 0) + 1);
    }
    const blankBefore = node.items.flatMap((item, at) =>
      at > 0 && (item as YamlNode | null)?.spaceBefore ? [at] : [],
    );
    return withAnchor({
      kind: 'seq',
      flow,
      items: node.items.map((item) => toNode(item as YamlNode | null, text, vocab, votes, null)),
      ...(blankBefore.length ? { blankBefore } : {}),
    });
  }
  if (isMap(node)) {
    const flow = node.flow === true;
    if (flow) votePadding(text, node.range, votes.flowMapPadding);
    const map: MapNode = withAnchor({ kind: 'map', flow, entries: [] });
    const first = node.items[0]?.key as YamlNode | null | undefined;
    if (!flow && keyColumn !== null && isScalar(first) && first.range) {
      const step = columnOf(text, first.range[0]) - keyColumn;
      if (step > 0) votes.indents.set(step, (votes.indents.get(step) ?? 0) + 1);
    }
    for (const pair of node.items) {
      const key = pair.key as YamlNode | null;
      const keyText = isScalar(key) ? String(key.value) : '';
      const column = isScalar(key) && key.range ? columnOf(text, key.range[0]) : null;
      map.entries.push({
        key: abstractText(keyText, vocab),
        keyStyle: isScalar(key) ? styleOf(key.type) : 'PLAIN',
        value: toNode(pair.value as YamlNode | null, text, vocab, votes, column),
        ...(key?.spaceBefore ? { blankBefore: true } : {}),
      });
    }
    return map;
  }
  return { kind: 'scalar', value: null, style: 'PLAIN' };
}

function votePadding(
  text: string,
  range: [number, number, number] | null | undefined,
  vote: [number, number],
): void {
  if (!range) return;
  const inner = text.slice(range[0] + 1, range[1] - 1);
  if (inner.trim() === '' || inner.includes('\n')) return; // empty or one item a line: no evidence
  vote[/^\s/.test(inner) ? 0 : 1]++;
}
