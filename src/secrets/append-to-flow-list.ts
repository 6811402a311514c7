import { isSeq, parseDocument, stringify, type YAMLSeq } from 'yaml';
import { spliceIntoFlow } from '../yaml/flow-list.ts';
import type { YamlPath } from '../yaml/splice.ts';

/**
 * Append mappings (`{ secretRef: { name: x } }`) to the flow list at `path` of a single-document
 * file, byte for byte: each entry is written in flow style (braces padded unless the list's are not)
 * on the line of its neighbours, or on a line of its own when the items are one per line; `[]`
 * gets them between its brackets. Undefined when there is no flow list there, or when the result
 * would not read back as the file with exactly these entries added (the caller falls back).
 */
export function appendToFlowList(
  source: string,
  path: YamlPath,
  entries: readonly object[],
): string | undefined {
  if (source.includes('\r\n'))
    return appendToFlowList(source.replace(/\r\n/g, '\n'), path, entries)?.replace(/\n/g, '\r\n');
  const seqAt = (text: string) => {
    const node = parseDocument(text).getIn(path, true);
    return isSeq(node) && node.flow
      ? (node as YAMLSeq & { range: [number, number, number] })
      : undefined;
  };
  const seq = seqAt(source);
  if (seq === undefined || entries.length === 0) return undefined;
  const padded = !/(?<!\$)\{\S/.test(source.slice(seq.range[0], seq.range[1])); // `{ a: b }` unless the list writes `{a: b}` (`${VAR}` is no brace of its)
  const texts = entries.map((entry) =>
    stringify(entry, {
      collectionStyle: 'flow',
      flowCollectionPadding: padded,
      version: '1.1',
      lineWidth: 0,
    }).trimEnd(),
  );

  let text = source;
  if (seq.items.length === 0) {
    const [open, close] = seq.range;
    if (text[open] !== '[' || !/^\[\s*\]$/.test(text.slice(open, close))) return undefined;
    text = `${text.slice(0, open)}[${texts.join(', ')}]${text.slice(close)}`; // `[ ]` too
  } else {
    // each entry laid out as the list's items are
    for (const entry of texts) {
      const current = seqAt(text);
      if (current === undefined) return undefined;
      text = spliceIntoFlow(text, current, -1, entry);
    }
  }
  return readsBackAs(source, text, path, entries) ? text : undefined;
}

/** Whether `text` parses cleanly to `source`'s data with `entries` appended to the list at `path`. */
function readsBackAs(
  source: string,
  text: string,
  path: YamlPath,
  entries: readonly object[],
): boolean {
  const expected = parseDocument(source);
  const list = expected.getIn(path, true) as YAMLSeq;
  for (const entry of entries) list.items.push(expected.createNode(entry));
  const actual = parseDocument(text);
  return (
    actual.errors.length === 0 && JSON.stringify(actual.toJS()) === JSON.stringify(expected.toJS())
  );
}
