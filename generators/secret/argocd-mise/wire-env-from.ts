import { isMap, isSeq, parseAllDocuments, parseDocument } from 'yaml';
import type { RepoTree } from '../../../src/tree/repo-tree.ts';
import { addToYaml } from '../../../src/talos/yaml-splice.ts';

/**
 * Add `envFrom: [{secretRef: {name}}]` to the container of `k8s/deployment.yaml` (the one named
 * like the app, else the first), byte for byte. True when the Secret is (now) wired; false when
 * there is no single-document Deployment to wire it into.
 */
export function wireEnvFrom(tree: RepoTree, path: string, app: string, secretName: string): boolean {
  const source = tree.read(path);
  if (source === undefined) return false;
  const all = parseAllDocuments(source);
  if ('empty' in all || all.length !== 1) return false;
  const doc = parseDocument(source);
  if (doc.get('kind') !== 'Deployment') return false;
  const containers = doc.getIn(['spec', 'template', 'spec', 'containers'], true);
  if (!isSeq(containers) || containers.items.length === 0) return false;
  const names = containers.items.map((c) => (isMap(c) ? String(c.get('name')) : ''));
  const index = Math.max(0, names.indexOf(app));
  const at = ['spec', 'template', 'spec', 'containers', index];
  const envFrom = doc.getIn([...at, 'envFrom'], true);
  const entry = { secretRef: { name: secretName } };
  if (isSeq(envFrom)) {
    if ((envFrom.toJSON() as { secretRef?: { name?: string } }[]).some((e) => e?.secretRef?.name === secretName)) return true;
    tree.write(path, addToYaml(source, doc, [{ kind: 'item', path: [...at, 'envFrom'], value: doc.createNode(entry) }]).text);
  } else {
    tree.write(path, addToYaml(source, doc, [{ kind: 'key', path: at, key: 'envFrom', value: doc.createNode([entry]) }]).text);
  }
  return true;
}
