import { isMap, type Document } from 'yaml';
import type { RepoTree } from '../tree/repo-tree.ts';
import { parseYaml, parseYamlDocuments } from '../yaml/parse-yaml.ts';

/** A repo file's first YAML document as plain data, or undefined if missing or unreadable. */
export function readYamlData(tree: RepoTree, path: string): Record<string, unknown> | undefined {
  const text = tree.read(path);
  if (text === undefined) return undefined;
  try {
    const doc = parseYaml(text, path);
    return isMap(doc.contents) ? (doc.toJS() as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Every document of a repo file as plain data ([] if missing or unreadable). */
export function readYamlAll(tree: RepoTree, path: string): Record<string, unknown>[] {
  const text = tree.read(path);
  if (text === undefined) return [];
  try {
    return parseYamlDocuments(text, path)
      .filter((doc: Document.Parsed) => isMap(doc.contents))
      .map((doc) => doc.toJS() as Record<string, unknown>);
  } catch {
    return [];
  }
}

/** The `# yaml-language-server: $schema=` URL right after the first `---` of a file, if any. */
export function schemaLine(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const lines = text.split('\n', 3);
  const line = lines[0] === '---' ? lines[1] : lines[0];
  const prefix = '# yaml-language-server: $schema=';
  return line?.startsWith(prefix) ? line.slice(prefix.length).trim() : undefined;
}

/** Safe property walk over parsed YAML data. */
export function dig(data: unknown, ...path: (string | number)[]): unknown {
  let cur: unknown = data;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}
