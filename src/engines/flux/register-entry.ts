import { parse, parseDocument } from 'yaml';
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { insertSorted } from '../../yaml/insert-sorted.ts';
import { addToYaml } from '../../yaml/splice.ts';

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
  const sorted = pool.every((e, i) => i === 0 || (pool[i - 1] ?? '').localeCompare(e) <= 0);
  const next = sorted ? pool.find((e) => e.localeCompare(line) > 0) : undefined;
  const after = pool.length > 0 ? pool[pool.length - 1] : near[near.length - 1];
  try {
    if (next !== undefined) return tree.write(file, insertLine(text, file, next, line, 'before'));
    if (after !== undefined) return tree.write(file, insertLine(text, file, after, line, 'after'));
  } catch (error) {
    if (!(error instanceof HomeopsError)) throw error;
    // not a block list of lines (a flow list): the structural editor places it
  }
  if (appEntries.length === 0 || sorted) {
    const isEntry = new Set(appEntries);
    const sortable = (item: string) => isEntry.has(item) || item === line;
    return tree.write(file, insertSorted(text, file, 'resources', line, sortable).text);
  }
  const doc = parseDocument(text);
  const item = { kind: 'item' as const, path: ['resources'], value: doc.createNode(line) };
  tree.write(file, addToYaml(text, doc, [item]).text);
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

/** A block list's new line next to an existing item's, in its indentation; checked by parsing. */
function insertLine(
  text: string,
  file: string,
  item: string,
  line: string,
  where: 'before' | 'after',
): string {
  const lines = text.split('\n');
  const bare = (l: string) =>
    l
      .replace(/^\s*-\s*/, '')
      .replace(/\s+#.*$/, '')
      .replace(/^["']|["']$/g, '');
  const at = lines.findIndex((l) => /^\s*-\s/.test(l) && bare(l) === item);
  const dash = at >= 0 ? /^(\s*-\s*)/.exec(lines[at] ?? '')?.[1] : undefined;
  const refuse = (why: string) =>
    new HomeopsError('YAML', `cannot place ${line} in ${file}: ${why}`, {
      file,
      fix: `add "- ${line}" to its resources by hand`,
    });
  if (at < 0 || dash === undefined) throw refuse('its list is not a block list of lines');
  lines.splice(where === 'after' ? at + 1 : at, 0, `${dash}${line}`);
  const out = lines.join('\n');
  const want = listOf(text);
  want.splice(want.indexOf(item) + (where === 'after' ? 1 : 0), 0, line);
  if (JSON.stringify(listOf(out)) !== JSON.stringify(want))
    throw refuse('other lines would change');
  return out;
}
