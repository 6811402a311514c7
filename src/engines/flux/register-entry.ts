import { parse } from 'yaml';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { ItemPlace } from '../../yaml/edit/edit-types.ts';
import { addItem } from '../../yaml/edit/edit-yaml.ts';
import { compareText, isSorted } from '../../text/compare-text.ts';

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
  const { items: near, prefix } = nearest(listOf(text), line);
  // a new folder among folders listed in sorted groups (`../../base/<ns>/...`): its group's place
  const before = newGroupPlace(near, prefix, line);
  if (before !== undefined) {
    tree.write(file, addItem(text, file, ['resources'], line, before, { rerender: true }).text);
    return;
  }
  const local = appEntries.filter((e) => near.includes(e));
  const pool = near.length > 0 ? local : appEntries;
  const sorted = isSorted(pool);
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
function nearest(items: readonly string[], line: string): { items: string[]; prefix: string } {
  const dirs = line.split('/').slice(0, -1);
  for (let depth = dirs.length; depth > 0; depth--) {
    const prefix = `${dirs.slice(0, depth).join('/')}/`;
    // a prefix of only `./` or `../` steps tells nothing: every line has it
    if (/^(\.\.?\/)+$/.test(prefix)) break;
    const found = items.filter((i) => i.startsWith(prefix));
    if (found.length > 0) return { items: found, prefix };
  }
  return { items: [], prefix: '' };
}

/**
 * Where a line of a folder the list has no lines of yet goes, when the list keeps its lines in
 * groups by folder (each folder's lines together, the folders in sorted order): before the first
 * group whose folder sorts after it, else after the last line of the groups.
 */
function newGroupPlace(
  near: readonly string[],
  prefix: string,
  line: string,
): ItemPlace | undefined {
  if (near.length === 0 || prefix === '') return undefined;
  const key = (item: string) => item.slice(prefix.length).split('/')[0] ?? '';
  const own = key(line);
  // groups are folders: where the folder's own files are listed too, the line is an app's there
  const inFolders = [line, ...near].every((i) => i.slice(prefix.length).includes('/'));
  if (!inFolders || near.some((i) => key(i) === own)) return undefined;
  const order: string[] = [];
  for (const item of near) if (order.at(-1) !== key(item)) order.push(key(item));
  const contiguous = new Set(order).size === order.length;
  if (!contiguous || !isSorted(order) || order.length < 2) return undefined;
  const next = near.find((i) => compareText(key(i), own) > 0);
  const last = near[near.length - 1];
  return next !== undefined ? { before: next } : last !== undefined ? { after: last } : undefined;
}
