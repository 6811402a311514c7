import { posix } from 'node:path';
import type { DocShape, Node } from '../../learn/tree.ts';
import { placeholder } from '../../learn/vocabulary.ts';
import { roleOf, type RoleDoc } from '../../repo/graph/app-files.ts';
import { isYamlFile, objectsOfText } from '../../repo/graph/objects.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { RELEASE_TEXT, withReleaseName } from '../../text/helm-release-name.ts';

/**
 * The manifests an umbrella chart keeps in `templates/` are Helm templates, not YAML: their
 * `name: {{ .Release.Name }}` is text Helm fills in. They are read as YAML with the release
 * name as the learner's placeholder, and written back with Helm's words, unquoted as written.
 */

/** Stands for the release name while a document is written out: a plain scalar YAML keeps as is. */
const STAND_IN = 'homeops-release-name-stand-in';

/** Whether a file is one of a chart's templates (`<chart>/templates/...`, beside a Chart.yaml). */
export function isHelmTemplate(tree: RepoTree, file: string): boolean {
  const parts = file.split('/');
  const at = parts.lastIndexOf('templates');
  return (
    at >= 0 && at < parts.length - 1 && tree.isFile([...parts.slice(0, at), 'Chart.yaml'].join('/'))
  );
}

/** A Helm template's text as YAML the learner reads: the release name as its placeholder. */
export const readableTemplate = (text: string): string =>
  withReleaseName(text, placeholder('release'));

/** A file's text as the learner reads it: a Helm template made readable, any other file as it is. */
export function learnableText(tree: RepoTree, file: string): string | undefined {
  const text = tree.read(file);
  return text !== undefined && isHelmTemplate(tree, file) ? readableTemplate(text) : text;
}

/** The documents of an app folder and of its chart's `templates/`, by role. */
export function chartFolderDocs(tree: RepoTree, own: RoleDoc[], dir: string): RoleDoc[] {
  const templates = posix.join(dir, 'templates');
  if (!tree.isDirectory(templates)) return own;
  const docs = [...own];
  for (const name of tree.children(templates)) {
    const file = `${templates}/${name}`;
    if (!isYamlFile(name) || !tree.isFile(file)) continue;
    for (const o of objectsOfText(file, readableTemplate(tree.read(file) ?? '')))
      docs.push({ role: roleOf(o), file, index: o.index, object: o });
  }
  return docs;
}

/**
 * A document about to be written as a Helm template: where a plain scalar holds the release name
 * (`{{ .Release.Name }}-secret`), a stand-in YAML writes unquoted; `helmText` puts Helm's words back.
 */
export function asHelmTemplate(doc: DocShape): DocShape {
  return { ...doc, root: standIn(doc.root) };
}

export const helmText = (text: string): string => text.replaceAll(STAND_IN, RELEASE_TEXT);

function standIn(node: Node): Node {
  switch (node.kind) {
    case 'scalar':
      return typeof node.value === 'string' &&
        node.style === 'PLAIN' &&
        node.value.includes(RELEASE_TEXT)
        ? { ...node, value: node.value.replaceAll(RELEASE_TEXT, STAND_IN), trusted: true }
        : node;
    case 'map':
      return { ...node, entries: node.entries.map((e) => ({ ...e, value: standIn(e.value) })) };
    case 'seq':
      return { ...node, items: node.items.map(standIn) };
    default:
      return node;
  }
}
