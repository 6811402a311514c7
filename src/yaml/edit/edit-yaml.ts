/**
 * The YAML edit module's entry points: edits spliced into the `yaml` library's lossless CST, so
 * that every byte outside the new lines (comments, quoting, blank lines, line endings) stays. Each
 * edit is read back: the text must parse to the data the same edit makes through the Document API,
 * with no other line changed.
 */
import { isMap, parseDocument, type Document } from 'yaml';
import { HomeopsError } from '../../errors.ts';
import { lineOf, parseYaml } from '../parse-yaml.ts';
import { applyEdit } from './apply-edit.ts';
import { parseCst, stringifyCst } from './cst-file.ts';
import type {
  EditOptions,
  EditResult,
  ItemPlace,
  KeyPlace,
  YamlEdit,
  YamlPath,
} from './edit-types.ts';
import { applyWithApi, expectedJson } from './expected-data.ts';
import { changeableLines, readsBack } from './read-back.ts';
import { detectIndentSeq } from './render-value.ts';

/** Adds an item to the list at `path` (created when missing or empty); a string already there is left alone. */
export function addItem(
  text: string,
  file: string,
  path: YamlPath,
  value: unknown,
  place: ItemPlace = 'end',
  options: EditOptions = {},
): EditResult {
  return editYaml(text, file, [{ kind: 'item', path, value, place }], options);
}

/** Adds `key: value` to the mapping at `path`, at the end, in sorted place, or next to a key. */
export function addKey(
  text: string,
  file: string,
  path: YamlPath,
  key: string,
  value: unknown,
  place: KeyPlace = 'end',
  options: EditOptions = {},
): EditResult {
  return editYaml(text, file, [{ kind: 'key', path, key, value, place }], options);
}

/** Sets the scalar at `path`, keeping its quoting where the value allows it. */
export function setScalar(
  text: string,
  file: string,
  path: YamlPath,
  value: string | number | boolean,
  options: EditOptions = {},
): EditResult {
  return editYaml(text, file, [{ kind: 'scalar', path, value }], options);
}

/** Makes the edits one after the other, on the first document of `text`. */
export function editYaml(
  text: string,
  file: string,
  edits: readonly YamlEdit[],
  options: EditOptions = {},
): EditResult {
  if (text.includes('\r\n')) {
    // edit the LF text, then give the file back its own line endings
    const lf = editYaml(text.replaceAll('\r\n', '\n'), file, edits, options);
    return lf.changed ? { ...lf, text: lf.text.replaceAll('\n', '\r\n') } : { ...lf, text };
  }
  // a syntax error names the file and line; the parse serves the first edit (and the next ones
  // while the text stays as it was): a registration list of a hundred entries is parsed once
  let doc: Document | undefined = parseYaml(text, file);
  const indentSeq = detectIndentSeq(text);
  let current = text;
  let changed = false;
  for (const [i, edit] of edits.entries()) {
    const next = spliced(current, edit, indentSeq, doc ?? parseDocument(current));
    if (typeof next === 'string') {
      if (next !== current) doc = undefined; // the Document now holds the edit: parse anew
      changed ||= next !== current;
      current = next;
      continue;
    }
    if (!options.rerender) {
      throw new HomeopsError('YAML', `cannot edit ${where(edit)} of ${file}: ${next.refused}`, {
        file,
        ...(next.at === undefined ? {} : { line: lineOf(current, next.at) }),
        fix: `make the change by hand (${describe(edit)})`,
      });
    }
    return { text: rerender(current, edits.slice(i)), changed: true, exact: false };
  }
  return { text: current, changed, exact: true };
}

/**
 * The text with one edit spliced in and read back, or why it could not be. `doc` is `text`
 * parsed; it is changed by the edit when the edit changes the text.
 */
function spliced(
  text: string,
  edit: YamlEdit,
  indentSeq: boolean,
  doc: Document,
): string | { refused: string; at?: number } {
  const cst = parseCst(text);
  if (!cst) return { refused: 'it has no YAML document' };
  const applied = applyEdit(cst, text, edit, indentSeq);
  if ('refused' in applied) return applied;
  if ('unchanged' in applied) return text;
  const after = stringifyCst(cst);
  const [start, end] = spanOf(doc, edit); // before the Document takes the edit
  const expected = expectedJson(doc, edit, 'index' in applied ? applied.index : undefined);
  return readsBack(text, after, expected, changeableLines(text, start, end))
    ? after
    : { refused: 'the spliced text did not read back as the intended change' };
}

/** The offsets of the entry an edit changes: its key and value (a list or mapping, or a scalar). */
function spanOf(doc: Document, edit: YamlEdit): [number, number] {
  const path = edit.path;
  const parent = path.length <= 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  const last = path.at(-1);
  if (isMap(parent) && last !== undefined) {
    const pair = parent.items.find((p) => (p.key as { value?: unknown })?.value === last);
    const key = (pair?.key as { range?: [number, number, number] } | undefined)?.range;
    const value = (pair?.value as { range?: [number, number, number] } | null)?.range;
    if (key) return [key[0], value?.[2] ?? key[1]];
  }
  const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? [range[0], range[2]] : [0, 0];
}

/** The file rendered again by the Document API, with the edits made there (`flowCollectionPadding` as the file writes it). */
function rerender(text: string, edits: readonly YamlEdit[]): string {
  const doc = parseDocument(text);
  for (const edit of edits) applyWithApi(doc, edit);
  const padded = /\[ \S|\{ \S/.test(text);
  return doc.toString({ lineWidth: 0, flowCollectionPadding: padded });
}

const where = (edit: YamlEdit): string =>
  edit.path.length ? edit.path.join('.') : 'the top level';

function describe(edit: YamlEdit): string {
  if (edit.kind === 'key') return `add ${edit.key} to ${where(edit)}`;
  if (edit.kind === 'scalar') return `set ${where(edit)} to ${String(edit.value)}`;
  return typeof edit.value === 'string'
    ? `add "- ${edit.value}" to ${where(edit)}`
    : `add the item to ${where(edit)}`;
}
