/**
 * Where a new `@./patches/...` reference goes in a talconfig `patches:` list: in sorted place when
 * the list's references are sorted (two or more, in `compareText` order), else after the last item
 * as before. Inline patches (`- |-` blocks) are no references: they neither decide nor move.
 */
import { compareText, isSorted } from '../text/compare-text.ts';
import type { ItemPlace } from '../yaml/edit/edit-types.ts';

/** `@./patches/x.yaml` and `@patches/x.yaml` sort alike: by the path the reference names. */
const pathOf = (ref: string): string => ref.replace(/^@/, '').replace(/^\.\//, '');

export function patchRefPlace(items: readonly string[], ref: string): ItemPlace {
  const refs = items.filter((i) => i.startsWith('@'));
  // one reference says nothing about an order
  if (refs.length < 2 || !isSorted(refs.map(pathOf))) return 'end';
  const next = refs.find((r) => compareText(pathOf(r), pathOf(ref)) > 0);
  if (next !== undefined) return { before: next };
  const last = refs.at(-1);
  return last === undefined ? 'end' : { after: last };
}
