import { isMap, isSeq, parseAllDocuments, parseDocument, type Document } from 'yaml';
import type { RepoTree } from '../tree/repo-tree.ts';
import { editYaml } from '../yaml/edit/edit-yaml.ts';
import type { YamlPath } from '../yaml/edit/edit-types.ts';

/** Where the container to wire is in a document, or undefined when it has none. */
export type ContainerAt = (doc: Document.Parsed) => YamlPath | undefined;

/**
 * Add `envFrom: [{secretRef: {name}}]` for each Secret not referenced yet to the container `at`
 * finds in a single-document file, byte for byte (only the new lines, or the new entries of a
 * flow-style `envFrom: [...]`). True when every Secret is (now) wired; false when there is no such
 * file or container, so the caller can say what to do.
 */
export function wireEnvFrom(
  tree: RepoTree,
  path: string,
  at: ContainerAt,
  secretNames: readonly string[],
): boolean {
  const source = tree.read(path);
  if (source === undefined) return false;
  const docs = parseAllDocuments(source);
  if ('empty' in docs || docs.length !== 1) return false;
  const doc = parseDocument(source);
  const container = at(doc);
  if (container === undefined) return false;
  const envFrom = doc.getIn([...container, 'envFrom'], true);
  if (envFrom !== undefined && !isSeq(envFrom)) return false;
  const present = isSeq(envFrom)
    ? (envFrom.toJSON() as { secretRef?: { name?: string } }[]).map((e) => e?.secretRef?.name)
    : [];
  const missing = secretNames
    .filter((name) => !present.includes(name))
    .map((name) => ({ secretRef: { name } }));
  if (missing.length === 0) return true;
  const additions = isSeq(envFrom)
    ? missing.map((entry) => ({
        kind: 'item' as const,
        path: [...container, 'envFrom'],
        value: doc.createNode(entry),
        emptyFlow: 'flow' as const,
      }))
    : [
        {
          kind: 'key' as const,
          path: container,
          key: 'envFrom',
          value: doc.createNode(missing),
          // beside the container's env, where app-template values and Deployments keep it
          ...(doc.hasIn([...container, 'env']) ? { place: { after: 'env' } } : {}),
        },
      ];
  // a flow-style `envFrom: [...]` takes the entries in its own style, a block list as lines
  tree.write(path, editYaml(source, path, additions, { rerender: true }).text);
  return true;
}

/**
 * app-template values: `controllers.<the app, else the first>.containers.<app, else the first>`,
 * under `at` (a HelmRelease's `spec.values`, an umbrella chart's dependency key, a values file's root).
 */
export const appTemplateContainer =
  (app: string, at: YamlPath = ['spec', 'values']): ContainerAt =>
  (doc) => {
    const controller = keyOf(doc.getIn([...at, 'controllers'], true), app);
    if (controller === undefined) return undefined;
    const container = keyOf(
      doc.getIn([...at, 'controllers', controller, 'containers'], true),
      'app',
    );
    return container === undefined
      ? undefined
      : [...at, 'controllers', controller, 'containers', container];
  };

/** A Deployment's container named like the app, else its first. */
export const deploymentContainer =
  (app: string): ContainerAt =>
  (doc) => {
    const containers = doc.getIn(['spec', 'template', 'spec', 'containers'], true);
    if (doc.get('kind') !== 'Deployment' || !isSeq(containers) || containers.items.length === 0)
      return undefined;
    const names = containers.items.map((c) => (isMap(c) ? c.get('name') : undefined));
    return ['spec', 'template', 'spec', 'containers', Math.max(0, names.indexOf(app))];
  };

/** The key `preferred` of a mapping node if it has it, else its first key; undefined when empty. */
function keyOf(node: unknown, preferred: string): string | undefined {
  if (!isMap(node) || node.items.length === 0) return undefined;
  const keys = node.items.map((pair) => String((pair.key as { value?: unknown }).value));
  return keys.includes(preferred) ? preferred : keys[0];
}
