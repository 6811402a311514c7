import { parse } from 'yaml';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { ItemPlace } from '../../yaml/edit/edit-types.ts';
import { addItem } from '../../yaml/edit/edit-yaml.ts';
import { compareText } from '../../text/compare-text.ts';

/**
 * Add an app's registration line to the kustomization that lists it, as that list keeps its
 * lines: beside the items of the same folder (an overlay list groups `../../base/<ns>/...` by
 * namespace, its `namespace.yaml` first), in sorted place among the apps' lines when those are
 * sorted, else after the last of them. Every other byte of the file stays.
 */
export function registerEntry(
  tree: RepoTree,
  file: string,
  line: string,
  appEntries: readonly string[],
): void {
  const text = tree.read(file);
  if (text === undefined) throw new Error(`${file} was read a moment ago`);
  if (appEntries.includes(line)) return;
  const near = nearest(listOf(text), line);
  const local = appEntries.filter((e) => near.includes(e));
  const pool = near.length > 0 ? local : appEntries;
  const sorted = pool.every((e, i) => i === 0 || compareText(pool[i - 1] ?? '', e) <= 0);
  const next = sorted ? pool.find((e) => compareText(e, line) > 0) : undefined;
  const after = pool.length > 0 ? pool[pool.length - 1] : near[near.length - 1];
  const isEntry = new Set(appEntries);
  const place: ItemPlace =
    next !== undefined
      ? { before: next }
      : after !== undefined
        ? { after }
        : appEntries.length === 0 || sorted
          ? { sorted: true, among: (item) => isEntry.has(item) || item === line }
          : 'end';
  tree.write(file, addItem(text, file, ['resources'], line, place, { rerender: true }).text);
}

function listOf(text: string): string[] {
  const data = parse(text) as { resources?: unknown } | null;
  return Array.isArray(data?.resources)
    ? data.resources.filter((x): x is string => typeof x === 'string')
    : [];
}

/** The list's items in the deepest folder the new line shares with some of them (`../../base/default/`). */
function nearest(items: readonly string[], line: string): string[] {
  const dirs = line.split('/').slice(0, -1);
  for (let depth = dirs.length; depth > 0; depth--) {
    const prefix = `${dirs.slice(0, depth).join('/')}/`;
    // a prefix of only `./` or `../` steps tells nothing: every line has it
    if (/^(\.\.?\/)+$/.test(prefix)) break;
    const found = items.filter((i) => i.startsWith(prefix));
    if (found.length > 0) return found;
  }
  return [];
}
