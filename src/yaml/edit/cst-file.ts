/** The `yaml` library's lossless CST of a file: parse, find a node by path, stringify back. */
import { CST, Parser } from 'yaml';
import type { YamlPath } from './edit-types.ts';

export type Collection = CST.BlockMap | CST.BlockSequence | CST.FlowCollection;

export interface CstFile {
  tokens: CST.Token[];
  doc: CST.Document;
}

/** Where a path leads: the node (undefined when the last key is missing or has no value) and the pair or item holding it. */
export interface Found {
  node: CST.Token | undefined;
  holder: CST.CollectionItem | undefined;
  /** The collection the last path step was taken in (undefined for the document's own value). */
  parent: Collection | undefined;
}

export function parseCst(text: string): CstFile | undefined {
  const tokens = [...new Parser().parse(text)];
  const doc = tokens.find((t): t is CST.Document => t.type === 'document');
  return doc ? { tokens, doc } : undefined;
}

export const stringifyCst = (file: CstFile): string =>
  file.tokens.map((t) => CST.stringify(t)).join('');

export const isCollection = (token: CST.Token | undefined | null): token is Collection =>
  token?.type === 'block-map' || token?.type === 'block-seq' || token?.type === 'flow-collection';

export const isFlowSeq = (token: CST.Token | undefined | null): token is CST.FlowCollection =>
  token?.type === 'flow-collection' && token.start.type === 'flow-seq-start';

const isSeqLike = (token: Collection): boolean => token.type === 'block-seq' || isFlowSeq(token);

/** An item that holds a value (a pair, or a list item); the others only carry trailing comments or commas. */
export function isEntry(coll: Collection, item: CST.CollectionItem): boolean {
  if (coll.type === 'block-seq') return item.start.some((t) => t.type === 'seq-item-ind');
  if (coll.type === 'block-map') return item.key !== undefined || item.sep !== undefined;
  return item.value !== undefined || item.key !== undefined || item.sep !== undefined;
}

/** The plain value of a scalar token (undefined for anything else). */
export function scalarValue(token: CST.Token | null | undefined): string | undefined {
  if (
    token?.type !== 'scalar' &&
    token?.type !== 'single-quoted-scalar' &&
    token?.type !== 'double-quoted-scalar' &&
    token?.type !== 'block-scalar'
  )
    return undefined;
  return CST.resolveAsScalar(token)?.value;
}

export function findAt(file: CstFile, path: YamlPath): Found | undefined {
  let found: Found = { node: file.doc.value, holder: undefined, parent: undefined };
  for (const step of path) {
    const coll = found.node;
    if (!isCollection(coll)) return undefined;
    const entries = coll.items.filter((item) => isEntry(coll, item));
    const item =
      typeof step === 'number'
        ? isSeqLike(coll)
          ? entries[step]
          : undefined
        : isSeqLike(coll)
          ? undefined
          : entries.find((pair) => scalarValue(pair.key) === step);
    if (item === undefined) {
      if (typeof step === 'string' && !isSeqLike(coll) && step === path.at(-1))
        return { node: undefined, holder: undefined, parent: coll };
      return undefined;
    }
    found = { node: item.value, holder: item, parent: coll };
  }
  return found;
}
