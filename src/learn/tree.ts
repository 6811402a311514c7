/**
 * The shape of a YAML document as the learner sees it: data plus the style a person chose for
 * each node (quoting, flow or block, anchors and aliases), with the names of the app it belongs
 * to replaced by placeholders (see vocabulary.ts). Siblings' documents are read into this form,
 * merged by counting (merge.ts) and written back out (emit.ts).
 */
export type ScalarStyle =
  'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';

/** A scalar value; strings may hold placeholders (`⟪app⟫-secret`). */
export type ScalarValue = string | number | boolean | null;

export interface ScalarNode {
  kind: 'scalar';
  value: ScalarValue;
  style: ScalarStyle;
  anchor?: string;
  /** How a number or boolean was written (`1.10`, `0755`), so it is written back the same way. */
  raw?: string;
  /** A plain string a repo file holds as it is: written plain again without a second guess. */
  trusted?: boolean;
  /** A number abstracted to a placeholder (`⟪port⟫`): filled back in as a number. */
  numeric?: boolean;
}

export interface MapEntry {
  key: string;
  keyStyle: ScalarStyle;
  value: Node;
  /** A blank line above the entry. */
  blankBefore?: boolean;
}

export interface MapNode {
  kind: 'map';
  entries: MapEntry[];
  flow: boolean;
  anchor?: string;
}

export interface SeqNode {
  kind: 'seq';
  items: Node[];
  flow: boolean;
  anchor?: string;
  /** Items with a blank line above them, by index. */
  blankBefore?: number[];
}

/** `*name`: refers to the node anchored `&name` earlier in the document. */
export interface AliasNode {
  kind: 'alias';
  name: string;
  /**
   * While merging: what to write when no earlier node carries the anchor with the same value (the
   * inputs decided the value; the siblings wrote it as an alias).
   */
  fallback?: Node | undefined;
}

export type Node = ScalarNode | MapNode | SeqNode | AliasNode;

/** A document: its node, the comment lines above it, and how its text is laid out. */
export interface DocShape {
  /** Lines before the first key (`---`, `# yaml-language-server: $schema=...`), placeholders in. */
  header: string[];
  root: Node;
  layout: DocLayout;
}

/** Text layout choices that hold for a whole file. */
export interface DocLayout {
  /** Spaces a nested block mapping (or an indented sequence) steps in: 2, or 4 in some repos. */
  indent: number;
  /** Block sequences indented under their key (`key:\n  - a`) rather than level with it. */
  indentSeq: boolean;
  /** Spaces inside flow mappings: `{ a: b }` rather than `{a: b}`. */
  flowMapPadding: boolean;
  /** Spaces inside flow sequences: `[ a ]` rather than `[a]`. */
  flowSeqPadding: boolean;
}

export const DEFAULT_LAYOUT: DocLayout = {
  indent: 2,
  indentSeq: true,
  flowMapPadding: true,
  flowSeqPadding: false,
};

export function mapEntry(node: Node | undefined, key: string): Node | undefined {
  return node?.kind === 'map' ? node.entries.find((e) => e.key === key)?.value : undefined;
}

/** The node at a path of keys (numbers index sequences), or undefined. */
export function nodeAt(
  node: Node | undefined,
  path: readonly (string | number)[],
): Node | undefined {
  let cur = node;
  for (const step of path) {
    if (cur === undefined) return undefined;
    if (typeof step === 'number') cur = cur.kind === 'seq' ? cur.items[step] : undefined;
    else cur = mapEntry(cur, step);
  }
  return cur;
}

/** The value of a scalar at a path, or undefined. */
export function scalarAt(
  node: Node | undefined,
  path: readonly (string | number)[],
): ScalarValue | undefined {
  const found = nodeAt(node, path);
  return found?.kind === 'scalar' ? found.value : undefined;
}

/** Plain data of a node (aliases resolved against the anchors seen so far in `anchors`). */
export function toData(node: Node, anchors = new Map<string, Node>()): unknown {
  if (node.kind !== 'alias' && node.anchor) anchors.set(node.anchor, node);
  switch (node.kind) {
    case 'scalar':
      return node.value;
    case 'alias': {
      const target = anchors.get(node.name);
      return target ? toData(target, anchors) : undefined;
    }
    case 'seq':
      return node.items.map((item) => toData(item, anchors));
    case 'map':
      return Object.fromEntries(node.entries.map((e) => [e.key, toData(e.value, anchors)]));
  }
}

/** A canonical text of a node's data and style, for counting equal nodes. */
export function fingerprint(node: Node): string {
  switch (node.kind) {
    case 'scalar':
      return `${node.anchor ? `&${node.anchor} ` : ''}${JSON.stringify(node.value)}`;
    case 'alias':
      return `*${node.name}`;
    case 'seq':
      return `${node.anchor ? `&${node.anchor} ` : ''}[${node.items.map(fingerprint).join(',')}]`;
    case 'map':
      return `${node.anchor ? `&${node.anchor} ` : ''}{${node.entries.map((e) => `${JSON.stringify(e.key)}:${fingerprint(e.value)}`).join(',')}}`;
  }
}
