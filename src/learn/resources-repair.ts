import type { MapNode, Node, ScalarNode } from './tree.ts';
import { mapEntry } from './tree.ts';
import { editKey } from './tree-edit.ts';

const UNITS: Record<string, number> = {
  '': 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** A Kubernetes quantity (`500Mi`, `0.5`, `100m`) as a number, or undefined. */
export function quantity(text: unknown): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m|k|M|G|T|Ki|Mi|Gi|Ti)?$/.exec(String(text ?? '').trim());
  if (!m) return undefined;
  return Number(m[1]) * (UNITS[m[2] ?? ''] ?? 1);
}

/**
 * Containers whose learned limits fall below their learned requests (a sibling's request of
 * 500Mi beside the default limit of 256Mi) are refused by the API server: such a limit is raised
 * to the request. Every `resources` map of the document is looked at.
 */
export function repairResources(root: Node): Node {
  if (root.kind === 'seq') return { ...root, items: root.items.map(repairResources) };
  if (root.kind !== 'map') return root;
  let out: MapNode = {
    ...root,
    entries: root.entries.map((e) => ({ ...e, value: repairResources(e.value) })),
  };
  const requests = mapEntry(out, 'requests');
  const limits = mapEntry(out, 'limits');
  if (requests?.kind !== 'map' || limits?.kind !== 'map') return out;
  for (const resource of ['cpu', 'memory']) {
    const want = mapEntry(requests, resource);
    const have = mapEntry(limits, resource);
    if (want?.kind !== 'scalar' || have?.kind !== 'scalar') continue;
    const a = quantity(want.value);
    const b = quantity(have.value);
    if (a !== undefined && b !== undefined && b < a)
      out = editKey(out, 'limits', (l) =>
        l.kind === 'map' ? editKey(l, resource, () => withoutAnchor(want)) : l,
      );
  }
  return out;
}

function withoutAnchor(node: ScalarNode): ScalarNode {
  const { anchor: _anchor, ...rest } = node;
  return rest;
}
