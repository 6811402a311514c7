/** The read-back check of an edit: the new text parses, reads as the intended data, and only the intended lines changed. */
import { parseDocument } from 'yaml';

/**
 * True when `after` parses without errors to `expected` (JSON), and every line of `before` is
 * still there except lines `from`..`to` (0-based, the edited entry's own lines), which may change.
 */
export function readsBack(
  before: string,
  after: string,
  expected: string,
  changeable: readonly [number, number],
): boolean {
  const doc = parseDocument(after);
  if (doc.errors.length > 0 || JSON.stringify(doc.toJS({ maxAliasCount: -1 })) !== expected)
    return false;
  const a = before.split('\n');
  const b = after.split('\n');
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail] === b[b.length - 1 - tail]
  )
    tail++;
  // the lines of `before` that are not in `after`: none, or only the edited entry's
  const removedFrom = head;
  const removedTo = a.length - tail; // exclusive
  return (
    removedTo <= removedFrom || (removedFrom >= changeable[0] && removedTo - 1 <= changeable[1])
  );
}

/** The 0-based lines an edit at `path` may change: those of the collection or scalar it edits, and its key's. */
export function changeableLines(text: string, start: number, end: number): [number, number] {
  const line = (at: number) => text.slice(0, at).split('\n').length - 1;
  return [line(start), line(Math.max(start, end - 1))];
}
