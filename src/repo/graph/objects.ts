import { isMap, isSeq, parseAllDocuments, type Document } from 'yaml';
import type { RepoTree } from '../../tree/repo-tree.ts';

/** One Kubernetes object of a repo file: where it is, what it is, and its data. */
export interface RepoObject {
  file: string;
  /** Its place among the file's documents. */
  index: number;
  apiVersion: string;
  kind: string;
  name: string | undefined;
  /** `metadata.namespace` as written (the kustomization around it may set another). */
  namespace: string | undefined;
  data: Record<string, unknown>;
}

export const isYamlFile = (name: string): boolean => /\.ya?ml$/.test(name);

/**
 * The objects of the repo's YAML files, each file parsed once. Reads go through the RepoTree, so
 * a file planned in this run is read as planned.
 */
export class ObjectReader {
  private readonly parsed = new Map<string, RepoObject[]>();
  private readonly parsedDocs = new Map<string, Document.Parsed[] | undefined>();

  constructor(readonly tree: RepoTree) {}

  /** Every object (a mapping with a kind) of a file; [] for a missing or unreadable file. */
  objects(file: string): RepoObject[] {
    let found = this.parsed.get(file);
    if (!found) {
      found = toObjects(file, this.documents(file));
      this.parsed.set(file, found);
    }
    return found;
  }

  /**
   * The parsed documents of a file, parsed once for both its objects and the learner's shapes;
   * undefined for a missing file or one that does not parse.
   */
  documents(file: string): Document.Parsed[] | undefined {
    if (this.parsedDocs.has(file)) return this.parsedDocs.get(file);
    const docs = parseDocuments(this.tree.read(file));
    this.parsedDocs.set(file, docs);
    return docs;
  }

  /** The objects of a file whose text may hold one of `needles` (cheap: no parse otherwise). */
  objectsIf(file: string, needles: readonly RegExp[]): RepoObject[] {
    if (this.parsed.has(file)) return this.objects(file);
    const text = this.tree.read(file);
    if (text === undefined || !needles.some((n) => n.test(text))) return [];
    return this.objects(file);
  }

  /** The first document of a file as data (a kustomization.yaml), or undefined. */
  data(file: string): Record<string, unknown> | undefined {
    const text = this.tree.read(file);
    if (text === undefined) return undefined;
    const first = this.objects(file)[0];
    if (first) return first.data;
    return firstData(this.documents(file));
  }

  /**
   * The maps a config file holds: its one map, or the items of a list of them (an ApplicationSet's
   * files generator makes an Application of each).
   */
  items(file: string): Record<string, unknown>[] {
    const first = this.documents(file)?.[0];
    if (!first || first.errors.length > 0) return [];
    if (!isMap(first.contents) && !isSeq(first.contents)) return [];
    const data = dataOf(first) as unknown;
    return (Array.isArray(data) ? data : [data]).filter(
      (x): x is Record<string, unknown> => !!x && typeof x === 'object',
    );
  }
}

/** The objects of a text that is not (or not yet) a repo file as it is: a Helm template made readable. */
export const objectsOfText = (file: string, text: string): RepoObject[] =>
  toObjects(file, parseDocuments(text));

function parseDocuments(text: string | undefined): Document.Parsed[] | undefined {
  if (text === undefined) return undefined;
  try {
    const docs = parseAllDocuments(text, { logLevel: 'error' }); // Helm template keys are text, not the user's concern
    return 'empty' in docs ? [] : docs;
  } catch {
    return undefined;
  }
}

function toObjects(file: string, docs: Document.Parsed[] | undefined): RepoObject[] {
  if (docs === undefined) return [];
  const out: RepoObject[] = [];
  docs.forEach((doc, index) => {
    if (doc.errors.length > 0 || !isMap(doc.contents)) return;
    const data = dataOf(doc);
    if (!data || typeof data.kind !== 'string') return;
    const metadata = (data.metadata ?? {}) as Record<string, unknown>;
    out.push({
      file,
      index,
      apiVersion: typeof data.apiVersion === 'string' ? data.apiVersion : '',
      kind: data.kind,
      name: typeof metadata.name === 'string' ? metadata.name : undefined,
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
      data,
    });
  });
  return out;
}

function firstData(docs: Document.Parsed[] | undefined): Record<string, unknown> | undefined {
  const first = docs?.[0];
  if (!first || first.errors.length > 0 || !isMap(first.contents)) return undefined;
  return dataOf(first);
}

/**
 * A document's data, or undefined where it cannot be read as data (an alias whose anchor is
 * missing): a repo's broken file is no object of it, and no reason to stop.
 */
function dataOf(doc: Document.Parsed): Record<string, unknown> | undefined {
  try {
    return doc.toJS({ maxAliasCount: 1000 }) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/** Safe property walk over parsed YAML data. */
export function dig(data: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

export const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
