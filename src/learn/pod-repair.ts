import { mapEntry, type MapEntry, type MapNode, type Node } from './tree.ts';
import { anchors, editKey, editPath, itemName, PROBE_HANDLERS } from './tree-edit.ts';

const PROBES = ['readinessProbe', 'livenessProbe', 'startupProbe'];

/**
 * A pod template that counting may have left invalid, made whole: siblings that agree on a
 * probe's timings but not on its handler leave a probe with none, and siblings that agree on a
 * `/tmp` mount but not on its volume leave a mount with no volume. A probe without a handler
 * takes the one its container's other probes have, else is left out; a mount without its volume,
 * and a volume nothing mounts, are left out.
 */
export function repairPodTemplate(root: Node): Node {
  return editPath(root, ['spec', 'template', 'spec'], repairPod);
}

function repairPod(pod: MapNode): MapNode {
  const containers = mapEntry(pod, 'containers');
  if (containers?.kind !== 'seq') return pod;
  const fixed = containers.items.map((c) => (c.kind === 'map' ? repairProbes(c) : c));
  const volumes = mapEntry(pod, 'volumes');
  const volumeNames = new Set(
    volumes?.kind === 'seq' ? volumes.items.flatMap((v) => itemName(v) ?? []) : [],
  );
  const mounted = new Set<string>();
  const withMounts = fixed.map((c) =>
    c.kind !== 'map'
      ? c
      : editKey(c, 'volumeMounts', (mounts) => {
          if (mounts.kind !== 'seq') return mounts;
          const kept = mounts.items.filter((m) => volumeNames.has(itemName(m) ?? '') || anchors(m));
          for (const m of kept) mounted.add(itemName(m) ?? '');
          return kept.length ? { ...mounts, items: kept } : undefined;
        }),
  );
  let out = editKey(pod, 'containers', () => ({ ...containers, items: withMounts }));
  for (const key of ['initContainers'])
    for (const c of seqItems(mapEntry(pod, key)))
      for (const m of seqItems(mapEntry(c, 'volumeMounts'))) mounted.add(itemName(m) ?? '');
  out = editKey(out, 'volumes', (v) => {
    if (v.kind !== 'seq') return v;
    const kept = v.items.filter((x) => mounted.has(itemName(x) ?? '') || anchors(x));
    return kept.length ? { ...v, items: kept } : undefined;
  });
  return out;
}

function repairProbes(container: MapNode): MapNode {
  const handlerOf = (probe: Node | undefined): MapEntry | undefined =>
    probe?.kind === 'map' ? probe.entries.find((e) => PROBE_HANDLERS.includes(e.key)) : undefined;
  const donor = PROBES.map((p) => handlerOf(mapEntry(container, p))).find((h) => h);
  let out = container;
  for (const key of PROBES)
    out = editKey(out, key, (probe) => {
      if (probe.kind !== 'map' || handlerOf(probe)) return probe;
      if (donor) return { ...probe, entries: [donor, ...probe.entries] };
      return anchors(probe) ? probe : undefined;
    });
  return out;
}

const seqItems = (node: Node | undefined): Node[] => (node?.kind === 'seq' ? node.items : []);
