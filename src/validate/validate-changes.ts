import { isMap, LineCounter, parseAllDocuments, type Document } from 'yaml';
import { HomeopsError } from '../errors.ts';
import type { FileChange } from '../tree/repo-tree.ts';
import { preloadValidators, validatorFor } from './kind-validators.ts';
import { withReleaseName } from '../text/helm-release-name.ts';

interface AjvError {
  instancePath?: string;
  message?: string;
}

/**
 * Parse every changed YAML file and validate each document against its kind's schema, offline.
 * The first failure is thrown with its file and line; nothing has been written at that point.
 */
export async function validateChanges(changes: readonly FileChange[]): Promise<number> {
  const files = changes.filter((change) => /\.ya?ml$/.test(change.path)).map(parseFull);
  // the validators of every kind written load side by side, not one after the other
  preloadValidators(files.flatMap((file) => file.documents.map(kindOf)));
  let validated = 0;
  for (const { change, documents, parsed } of files) {
    for (const [index, data] of documents.entries()) {
      const outcome = await validateData(data);
      if (outcome === 'valid') validated++;
      if (typeof outcome === 'string') continue;
      const { doc, lineCounter } = parsed;
      const path = (outcome.instancePath ?? '').split('/').filter(Boolean);
      throw invalid(
        change.path,
        lineOfPath(doc[index]!, path, lineCounter),
        `${String(data.kind)} ${path.join('.') || '(document)'} ${outcome.message}`,
      );
    }
  }
  return validated;
}

interface FileDocuments {
  change: FileChange;
  /** The data of each mapping document (others are left out, and so are their indexes). */
  documents: Record<string, unknown>[];
  parsed: { doc: Document.Parsed[]; lineCounter: LineCounter };
}

/** A chart's templates are checked as Helm renders them, as far as the release name. */
const isChartTemplate = (path: string): boolean => /(^|\/)templates\/[^/]+$/.test(path);

function parseFull(change: FileChange): FileDocuments {
  const lineCounter = new LineCounter();
  const text = isChartTemplate(change.path) ? withReleaseName(change.after) : change.after;
  const all = parseAllDocuments(text, { lineCounter });
  const docs = 'empty' in all ? [] : all;
  for (const doc of docs) {
    const syntax = doc.errors[0];
    if (syntax)
      throw invalid(
        change.path,
        lineCounter.linePos(syntax.pos[0]).line,
        syntax.message.split('\n')[0]!.replace(/:$/, ''),
      );
  }
  const maps = docs.filter((doc) => isMap(doc.contents));
  return {
    change,
    documents: maps.map((doc) => doc.toJS({ maxAliasCount: -1 }) as Record<string, unknown>),
    parsed: { doc: maps, lineCounter },
  };
}

function kindOf(data: Record<string, unknown>): string {
  return `${String(data.apiVersion)}/${String(data.kind)}`;
}

/** 'unknown' for a document of no kind with a schema here; the first schema error when invalid. */
async function validateData(
  data: Record<string, unknown>,
): Promise<'valid' | 'unknown' | AjvError> {
  if (typeof data.apiVersion !== 'string' || typeof data.kind !== 'string') return 'unknown';
  const Model = await validatorFor(data.apiVersion, data.kind);
  if (!Model) return 'unknown';
  try {
    new Model(substituted(data)).validate();
    return 'valid';
  } catch (error) {
    const first = ((error as { errors?: AjvError[] }).errors ?? [])[0];
    return {
      instancePath: first?.instancePath,
      message: first?.message ?? (error as Error).message,
    };
  }
}

/**
 * Flux replaces `${VAR}` (and `${VAR:=${OTHER}}`) before apply, argocd-vault-plugin its
 * `<secret:key>` placeholders: validate with a stand-in that fits any name pattern.
 */
function substituted(value: unknown): unknown {
  if (typeof value === 'string') {
    let out = value.replace(/<[A-Za-z0-9:/#._-]+>/g, 'var');
    for (let before = ''; before !== out;) {
      before = out;
      out = out.replace(/\$\{[^{}]*\}/g, 'var');
    }
    return out;
  }
  if (Array.isArray(value)) return value.map(substituted);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substituted(v)]));
  return value;
}

function lineOfPath(doc: Document.Parsed, path: string[], lc: LineCounter): number {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(
      path.slice(0, n).map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
      true,
    ) as { range?: [number, number, number] } | undefined;
    if (node?.range) return lc.linePos(node.range[0]).line;
  }
  return 1;
}

function invalid(file: string, line: number, message: string): HomeopsError {
  return new HomeopsError('VALIDATION', `the generated file fails validation: ${message}`, {
    file,
    line,
    fix: 'check the inputs that end up in this field; if they are right, this is a bug in homeops-scaffold: please report it',
  });
}
