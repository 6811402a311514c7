import { mapEntry, type MapNode, type Node } from './tree.ts';

/** The map with its entry `key` replaced by `f` of its value (left out where f gives undefined). */
export function editKey(map: MapNode, key: string, f: (value: Node) => Node | undefined): MapNode {
  const at = map.entries.findIndex((e) => e.key === key);
  const entry = map.entries[at];
  if (!entry) return map;
  const value = f(entry.value);
  const entries = [...map.entries];
  if (value === undefined) entries.splice(at, 1);
  else entries[at] = { ...entry, value };
  return { ...map, entries };
}

/** The node with the map at `path` (maps all the way down) replaced by `f` of it. */
export function editPath(node: Node, path: readonly string[], f: (map: MapNode) => Node): Node {
  if (node.kind !== 'map') return node;
  const [head, ...rest] = path;
  if (head === undefined) return f(node);
  return editKey(node, head, (child) => editPath(child, rest, f));
}

/** The map without its entry `key`. */
export const withoutKey = (map: MapNode, key: string): MapNode => ({
  ...map,
  entries: map.entries.filter((e) => e.key !== key),
});

/** Every value of a map that is itself a map, replaced by `f` of it. */
export function editValues(node: Node, f: (value: MapNode) => Node): Node {
  if (node.kind !== 'map') return node;
  return {
    ...node,
    entries: node.entries.map((e) => (e.value.kind === 'map' ? { ...e, value: f(e.value) } : e)),
  };
}

/** What a Kubernetes probe checks with: a probe has exactly one. */
export const PROBE_HANDLERS: readonly string[] = ['exec', 'httpGet', 'tcpSocket', 'grpc'];

/** A list item's `name`, where it is a mapping with a scalar one (a volume, a port, a container). */
export function itemName(node: Node): string | undefined {
  const name = mapEntry(node, 'name');
  return name?.kind === 'scalar' ? String(name.value) : undefined;
}

/** Whether a node or one below it carries an anchor: leaving it out would orphan its aliases. */
export function anchors(node: Node): boolean {
  if (node.kind === 'alias') return false;
  if (node.anchor) return true;
  if (node.kind === 'map') return node.entries.some((e) => anchors(e.value));
  if (node.kind === 'seq') return node.items.some(anchors);
  return false;
}

/** The values of a map (none for another node). */
export const mapValues = (node: Node | undefined): Node[] =>
  node?.kind === 'map' ? node.entries.map((e) => e.value) : [];
