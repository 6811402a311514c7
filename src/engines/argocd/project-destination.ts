import { isMap, isNode, isScalar, isSeq, parseDocument, visit } from 'yaml';
import { dig, str } from '../../repo/graph/objects.ts';
import { addItem } from '../../yaml/edit/edit-yaml.ts';
import { globToRegExp } from './glob.ts';
import type { ArgoModel } from './argo-model.ts';

/**
 * The AppProject a new Application is made in lets it deploy to its namespace: where the
 * project lists its destinations one namespace at a time (`namespace: 'plex'`), the new namespace
 * is added, with the keys the project's last destination has (`server: '*'`). Argo CD refuses to
 * sync an Application to a namespace its project does not allow. Returns the file edited.
 */
export function allowInProject(
  model: ArgoModel,
  project: string | undefined,
  namespace: string,
): string | undefined {
  if (!project || project.includes('{{')) return undefined;
  const tree = model.tree;
  for (const file of tree.yamlFilesMentioning([''], 'AppProject')) {
    const objects = model.reader.objects(file);
    const index = objects.findIndex(
      (o) =>
        o.kind === 'AppProject' && o.apiVersion.startsWith('argoproj.io/') && o.name === project,
    );
    const found = objects[index];
    if (!found) continue;
    if (index > 0) return undefined; // the edits reach a file's first document
    const destinations = dig(found.data, 'spec', 'destinations');
    if (!Array.isArray(destinations) || destinations.length === 0) return undefined;
    const allowed = destinations.some((d) => {
      const ns = str(dig(d, 'namespace'));
      return ns !== undefined && globToRegExp(ns).test(namespace);
    });
    if (allowed) return undefined;
    // the last destination again, quoted as it is, with the new namespace
    const text = tree.read(file) ?? '';
    const list = parseDocument(text).getIn(['spec', 'destinations'], true);
    const last = isSeq(list) ? list.items.at(-1) : undefined;
    if (!isMap(last)) return undefined;
    const entry = last.clone() as typeof last;
    // its keys and quoting, not its anchors (a second `&server`) nor its comments
    visit(entry, (_key, node) => {
      if (isNode(node)) {
        delete node.anchor;
        delete node.comment;
        delete node.commentBefore;
      }
    });
    delete entry.comment;
    delete entry.commentBefore;
    const ns = entry.get('namespace', true);
    if (isScalar(ns)) ns.value = namespace;
    else entry.set('namespace', namespace);
    tree.write(file, addItem(text, file, ['spec', 'destinations'], entry, 'end').text);
    return file;
  }
  return undefined;
}
