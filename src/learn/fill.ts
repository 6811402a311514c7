import type { DocShape, Node } from './tree.ts';
import { fillText, type Vocabulary } from './vocabulary.ts';

/**
 * A merged document written for the new app: every placeholder filled with its word. An entry or
 * item whose text needs a word the app lacks (a cluster, for an app of a one-cluster repo) is
 * left out; a header line likewise.
 */
export function fillDocument(doc: DocShape, vocab: Vocabulary): DocShape {
  return {
    header: doc.header.flatMap((line) => fillText(line, vocab) ?? []),
    root: fillNode(doc.root, vocab) ?? { kind: 'map', flow: false, entries: [] },
    layout: doc.layout,
  };
}

function fillNode(node: Node, vocab: Vocabulary): Node | undefined {
  switch (node.kind) {
    case 'alias': {
      const name = fillText(node.name, vocab);
      return name === undefined ? undefined : { kind: 'alias', name };
    }
    case 'scalar': {
      const anchor = node.anchor === undefined ? undefined : fillText(node.anchor, vocab);
      if (typeof node.value !== 'string') return { ...node, ...(anchor ? { anchor } : {}) };
      const value = fillText(node.value, vocab);
      if (value === undefined) return undefined;
      // a plain text the repo wrote is trusted as written, not once words are filled into it
      if (value !== node.value && node.trusted) {
        const { trusted: _t, ...rest } = node;
        if (node.numeric)
          return {
            ...rest,
            numeric: undefined,
            value: Number(value),
            ...(anchor ? { anchor } : {}),
          } as Node;
        return { ...rest, value, ...(anchor ? { anchor } : {}) };
      }
      if (node.numeric) {
        const { numeric: _n, ...rest } = node;
        return { ...rest, value: Number(value), ...(anchor ? { anchor } : {}) };
      }
      return { ...node, value, ...(anchor ? { anchor } : {}) };
    }
    case 'seq': {
      const anchor = node.anchor === undefined ? undefined : fillText(node.anchor, vocab);
      const items = node.items.flatMap((i) => fillNode(i, vocab) ?? []);
      return { ...node, items, ...(anchor ? { anchor } : {}) };
    }
    case 'map': {
      const anchor = node.anchor === undefined ? undefined : fillText(node.anchor, vocab);
      const entries = node.entries.flatMap((e) => {
        const key = fillText(e.key, vocab);
        const value = fillNode(e.value, vocab);
        return key === undefined || value === undefined ? [] : [{ ...e, key, value }];
      });
      return { ...node, entries, ...(anchor ? { anchor } : {}) };
    }
  }
}
