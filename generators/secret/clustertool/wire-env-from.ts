import { isMap, parseDocument, type Document } from 'yaml';
import { dig } from '../../../src/repo/read-yaml.ts';
import type { RepoTree } from '../../../src/tree/repo-tree.ts';
import { addToYaml, type YamlPath } from '../../../src/talos/yaml-splice.ts';

/**
 * Add `envFrom: [{secretRef: {name}}]` to the app's container in helm-release.yaml: app-template's
 * `controllers.<app>.containers.app`, or TrueCharts' `workload.main.podSpec.containers.main`
 * (created when the values have no `workload` yet). Returns false when there is no such place.
 */
export function wireEnvFrom(tree: RepoTree, path: string, app: string, secretName: string, truecharts: boolean): boolean {
  const source = tree.read(path);
  if (source === undefined) return false;
  const doc = parseDocument(source);
  const entry = { secretRef: { name: secretName } };
  const at = truecharts ? truechartsContainer(doc) : appTemplateContainer(doc, app);
  if (at === undefined) {
    if (!truecharts || !isMap(doc.getIn(['spec', 'values'], true)) || doc.getIn(['spec', 'values', 'workload'], true) !== undefined) return false;
    const workload = { main: { podSpec: { containers: { main: { envFrom: [entry] } } } } };
    tree.write(path, addToYaml(source, doc, [{ kind: 'key', path: ['spec', 'values'], key: 'workload', value: doc.createNode(workload) }]).text);
    return true;
  }
  const existing = dig(doc.toJS(), ...at, 'envFrom');
  if (Array.isArray(existing)) {
    if ((existing as { secretRef?: { name?: string } }[]).some((e) => e?.secretRef?.name === secretName)) return true;
    tree.write(path, addToYaml(source, doc, [{ kind: 'item', path: [...at, 'envFrom'], value: doc.createNode(entry) }]).text);
  } else if (existing === undefined) {
    tree.write(path, addToYaml(source, doc, [{ kind: 'key', path: at, key: 'envFrom', value: doc.createNode([entry]) }]).text);
  } else return false;
  return true;
}

function truechartsContainer(doc: Document): YamlPath | undefined {
  const at = ['spec', 'values', 'workload', 'main', 'podSpec', 'containers', 'main'];
  return isMap(doc.getIn(at, true)) ? at : undefined;
}

function appTemplateContainer(doc: Document, app: string): YamlPath | undefined {
  const controller = keyOf(doc.getIn(['spec', 'values', 'controllers'], true), app);
  if (controller === undefined) return undefined;
  const container = keyOf(doc.getIn(['spec', 'values', 'controllers', controller, 'containers'], true), 'app');
  return container === undefined ? undefined : ['spec', 'values', 'controllers', controller, 'containers', container];
}

/** The key `preferred` of a mapping node if it has it, else its first key; undefined when empty. */
function keyOf(node: unknown, preferred: string): string | undefined {
  if (!isMap(node) || node.items.length === 0) return undefined;
  const keys = node.items.map((pair) => String((pair.key as { value?: unknown }).value));
  return keys.includes(preferred) ? preferred : keys[0];
}
