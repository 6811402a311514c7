import type { DocShape, MapNode, Node } from '../../learn/tree.ts';
import { mapEntry } from '../../learn/tree.ts';

/**
 * app-template mounts a persistence entry at `/<its key>` when it names no mounts; the siblings
 * may rely on that and write none. The new app's claim gets `globalMounts` when its mount path is
 * another one, so the volume lands where the input says.
 */
export function ensureClaimMount(doc: DocShape, claimName: string, mountPath: string): DocShape {
  const persistence = mapEntry(mapEntry(mapEntry(doc.root, 'spec'), 'values'), 'persistence');
  if (persistence?.kind !== 'map') return doc;
  const claim = persistence.entries.find((e) => isClaim(e.value, claimName));
  if (!claim || claim.value.kind !== 'map') return doc;
  const entry: MapNode = claim.value;
  if (mapEntry(entry, 'globalMounts') || mapEntry(entry, 'advancedMounts')) return doc;
  if (mountPath === `/${claim.key}`) return doc;
  const path: Node = { kind: 'scalar', value: mountPath, style: 'PLAIN' };
  entry.entries.push({
    key: 'globalMounts',
    keyStyle: 'PLAIN',
    value: {
      kind: 'seq',
      flow: false,
      items: [
        { kind: 'map', flow: false, entries: [{ key: 'path', keyStyle: 'PLAIN', value: path }] },
      ],
    },
  });
  return doc;
}

/** The app's claim: the entry naming it (or `{{ .Release.Name }}`), or one sized in the values. */
function isClaim(node: Node, claimName: string): boolean {
  const existing = mapEntry(node, 'existingClaim');
  const named =
    existing?.kind === 'scalar' &&
    (existing.value === claimName || existing.value === '{{ .Release.Name }}');
  return named || mapEntry(node, 'size') !== undefined;
}
