/**
 * Files that name every node (a YAML list of addresses, a CI matrix, a `for node in k8s-0 k8s-1`
 * loop of a justfile, a node-to-hardware map): the new node is added where the list has one item
 * per line, each line the same but for the node (a new line in the list's form, nothing else
 * changed); anywhere else (one-line lists, maps with values) a next step names the file and line.
 * Only the Talos folder, the repo's task files (at the root or in `.taskfiles/`, `.just/`) and its CI
 * workflows are looked at.
 */
import { posix } from 'node:path';
import { parseAllDocuments } from 'yaml';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { escapeRegExp } from '../../text/escape-reg-exp.ts';

/** How one node may be named in a list: its hostname, FQDN, address or file name. */
export interface NodeNames {
  names: string[];
}

export interface ListEdits {
  /** Files changed, with their new text. */
  files: { path: string; text: string }[];
  /** Lists that could not be extended line-wise: the file and line, for a next step. */
  manual: { path: string; line: number }[];
}

const TASK_FILES = [
  '.justfile',
  'justfile',
  'Justfile',
  'Taskfile.yaml',
  'Taskfile.yml',
  '.mise.toml',
  'mise.toml',
];
const TASK_DIRS = ['.taskfiles', '.just', 'just', 'taskfiles'];
const word = (name: string): RegExp =>
  new RegExp(`(?<![\\w.-])${escapeRegExp(name)}(?![\\w-]|\\.\\w)`, 'g');

function candidates(tree: RepoTree, dir: string, skip: ReadonlySet<string>): string[] {
  const files = (folder: string) =>
    tree
      .children(folder)
      .map((n) => posix.join(folder, n))
      .filter(
        (p) =>
          tree.isFile(p) && !skip.has(p) && /(\.just|justfile|Justfile|\.ya?ml|\.toml)$/.test(p),
      );
  const workflows = files('.github/workflows');
  // task files kept in a folder of their own (`.taskfiles/talos/Taskfile.yaml`, `.just/talos.just`)
  const taskDirs = TASK_DIRS.flatMap((d) => [
    d,
    ...tree.subfolders(d).map((s) => posix.join(d, s)),
  ]);
  return [
    ...new Set([
      ...files(dir),
      ...TASK_FILES.filter((f) => tree.isFile(f)),
      ...taskDirs.flatMap(files),
      ...workflows,
    ]),
  ];
}

/** The first name of `node` found in `line` as a whole word, with its position. */
function find(line: string, node: NodeNames): { at: number; name: string } | undefined {
  for (const name of node.names) {
    const m = word(name).exec(line);
    if (m) return { at: m.index, name };
  }
  return undefined;
}

/** The new node's name of the same kind as `name` is for `sibling` (address for address...). */
const counterpart = (name: string, sibling: NodeNames, added: NodeNames): string =>
  added.names[sibling.names.indexOf(name)] ?? added.names[0] ?? name;

function oneLine(line: string, nodes: readonly NodeNames[], added: NodeNames): string | undefined {
  const hits = nodes.map((n) => ({ n, hit: find(line, n) }));
  if (hits.some((h) => !h.hit)) return undefined;
  const sorted = [...hits].sort((a, b) => (a.hit?.at ?? 0) - (b.hit?.at ?? 0));
  const seps = sorted.slice(1).map((h, i) => {
    const prev = sorted[i]?.hit;
    return line.slice((prev?.at ?? 0) + (prev?.name.length ?? 0), h.hit?.at ?? 0);
  });
  const sep = seps[0];
  if (sep === undefined || sep.length > 4 || seps.some((s) => s !== sep) || /[\w.]/.test(sep))
    return undefined;
  const last = sorted.at(-1);
  if (!last?.hit) return undefined;
  const end = last.hit.at + last.hit.name.length;
  return `${line.slice(0, end)}${sep}${counterpart(last.hit.name, last.n, added)}${line.slice(end)}`;
}

/**
 * One item per line, each line the same but for the node's name: the lines with the new node's
 * line added after the last; the 1-based line of the list when its lines differ (a map with values).
 */
function perLine(
  lines: string[],
  nodes: readonly NodeNames[],
  added: NodeNames,
): { lines: string[]; after: number } | { line: number } | undefined {
  const at = nodes.map((n) => lines.findIndex((l) => find(l, n) !== undefined));
  const rows = [...at].sort((a, b) => a - b);
  if (!rows.every((r, i) => r >= 0 && (i === 0 || r === (rows[i - 1] ?? 0) + 1))) return undefined;
  const shapes = nodes.map((n, i) => {
    const line = lines[at[i] ?? 0] ?? '';
    const hit = find(line, n);
    return hit ? line.slice(0, hit.at) + '\u0000' + line.slice(hit.at + hit.name.length) : '';
  });
  const lastRow = rows.at(-1) ?? 0;
  const lastNode = nodes[at.indexOf(lastRow)];
  const hit = lastNode ? find(lines[lastRow] ?? '', lastNode) : undefined;
  if (!lastNode || !hit || !shapes.every((s) => s === shapes[0])) return { line: lastRow + 1 };
  const line = (shapes[0] ?? '').replace('\u0000', counterpart(hit.name, lastNode, added));
  return {
    lines: [...lines.slice(0, lastRow + 1), line, ...lines.slice(lastRow + 1)],
    after: lastRow + 1,
  };
}

export function addToNodeLists(
  tree: RepoTree,
  dir: string,
  nodes: readonly NodeNames[],
  added: NodeNames,
  skip: ReadonlySet<string>,
): ListEdits {
  const out: ListEdits = { files: [], manual: [] };
  if (nodes.length < 2) return out;
  for (const path of candidates(tree, dir, skip)) {
    const text = tree.read(path) ?? '';
    if (added.names.some((n) => word(n).test(text))) continue; // listed already (a second run)
    if (!nodes.every((n) => n.names.some((name) => word(name).test(text)))) continue;
    const lines = text.split('\n');
    // a one-line list: extending it would change a line, so it is a next step
    const row = lines.findIndex((line) => oneLine(line, nodes, added) !== undefined);
    const list = row >= 0 ? { line: row + 1 } : perLine(lines, nodes, added);
    if (list === undefined) continue;
    if ('line' in list) {
      out.manual.push({ path, line: list.line });
      continue;
    }
    const next = list.lines.join('\n');
    const broken =
      /\.ya?ml$/.test(path) &&
      parseAllDocuments(next).some((d) => 'errors' in d && d.errors.length > 0);
    if (broken) out.manual.push({ path, line: list.after });
    else out.files.push({ path, text: next });
  }
  return out;
}
