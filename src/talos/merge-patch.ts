/**
 * A patch merged into a template file the way a person would edit it: its settings added to the
 * file's v1alpha1 document (new keys and list items only, at the end of their maps), its typed
 * documents (TimeSyncConfig...) appended as documents of their own. Template syntax is masked
 * while editing and put back; every other byte stays. Undefined when a setting exists already in
 * another value, or the edit cannot be made line by line.
 */
import { isMap, isSeq, parseAllDocuments, parseDocument } from 'yaml';
import type { Document } from 'yaml';
import { editYaml } from '../yaml/edit/edit-yaml.ts';
import type { YamlEdit } from '../yaml/edit/edit-types.ts';
import { maskTemplate } from './template-mask.ts';
import { documentsOf } from './yaml-documents.ts';

type Data = Record<string, unknown>;
const isObject = (v: unknown): v is Data =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The additions that bring `value` into `doc` at `path`, or undefined on a clash with an existing value. */
function additions(doc: Document, value: Data, path: string[]): YamlEdit[] | undefined {
  const out: YamlEdit[] = [];
  for (const [key, v] of Object.entries(value)) {
    const at = [...path, key];
    const node = doc.getIn(at, true);
    if (node === undefined) out.push({ kind: 'key', path, key, value: doc.createNode(v) });
    else if (isMap(node) && isObject(v)) {
      const inner = additions(doc, v, at);
      if (!inner) return undefined;
      out.push(...inner);
    } else if (isSeq(node) && Array.isArray(v)) {
      for (const item of v) out.push({ kind: 'item', path: at, value: doc.createNode(item) });
    } else return undefined;
  }
  return out;
}

/** The documents of a file as line ranges between `---` lines (the markers stay where they are). */
function chunks(text: string): string[] {
  const out: string[] = [];
  let current: string[] = [];
  for (const line of text.split('\n')) {
    if (/^---\s*$/.test(line)) {
      if (current.length > 0) out.push(current.join('\n'));
      current = [line];
    } else current.push(line);
  }
  out.push(current.join('\n'));
  return out;
}

export function mergePatchInto(fileText: string, patchText: string): string | undefined {
  const masked = maskTemplate(fileText);
  const patchDocs = documentsOf(patchText)
    .map((d) => ({
      value: d.toJS() as unknown,
      text: d.toString({ lineWidth: 0, flowCollectionPadding: false }),
    }))
    .filter((d) => isObject(d.value) && Object.keys(d.value).length > 0);
  const parts = chunks(masked.text);
  // a JSON 6902 patch (a list of operations) takes no strategic merge documents beside it
  if (documentsOf(masked.text).some((d) => isSeq(d.contents))) return undefined;
  const appended: string[] = [];
  for (const doc of patchDocs) {
    const value = doc.value as Data;
    if (typeof value['kind'] === 'string') {
      appended.push(`---\n${doc.text.replace(/^---\n/, '')}`);
      continue;
    }
    // the file's own v1alpha1 document (one with machine: or cluster: and no kind)
    const at = parts.findIndex((part) => {
      const parsed = parseDocument(part.replace(/^---\s*\n/, ''));
      return (
        isMap(parsed.contents) &&
        !parsed.has('kind') &&
        (parsed.has('machine') || parsed.has('cluster') || parsed.has('version'))
      );
    });
    if (at < 0) {
      appended.push(`---\n${doc.text.replace(/^---\n/, '')}`);
      continue;
    }
    const part = parts[at] ?? '';
    const marker = /^---\s*\n/.exec(part)?.[0] ?? '';
    const body = part.slice(marker.length);
    const parsed = parseDocument(body);
    const adds = additions(parsed, value, []);
    if (!adds) return undefined;
    const edit = editYaml(
      body.endsWith('\n') || body === '' ? body : `${body}\n`,
      'the patch file',
      adds,
      { rerender: true },
    );
    if (!edit.exact) return undefined;
    parts[at] = marker + (body.endsWith('\n') ? edit.text : edit.text.replace(/\n$/, ''));
  }
  let text = parts.join('\n');
  if (appended.length > 0) text = `${text.replace(/\n*$/, '\n')}${appended.join('')}`;
  if (parseAllDocuments(text).some((d) => 'errors' in d && d.errors.length > 0)) return undefined;
  return masked.unmask(text);
}

/** Whether `small` is contained in `big`: maps key by key, lists item by item (in any place). */
function within(small: unknown, big: unknown): boolean {
  if (isObject(small))
    return isObject(big) && Object.entries(small).every(([k, v]) => within(v, big[k]));
  if (Array.isArray(small))
    return (
      Array.isArray(big) &&
      small.every((item) => big.some((b) => within(item, b) && within(b, item)))
    );
  return small === big;
}

/** Whether the file has every setting of the patch already, with the same values (a second run). */
export function hasPatch(fileText: string, patchText: string): boolean {
  const docs = documentsOf(maskTemplate(fileText).text)
    .filter((d) => d.errors.length === 0)
    .map((d) => d.toJS() as unknown);
  const wanted = documentsOf(patchText)
    .map((d) => d.toJS() as unknown)
    .filter((v) => isObject(v) && Object.keys(v).length > 0);
  return wanted.every((w) => docs.some((d) => isObject(d) && within(w, d)));
}
