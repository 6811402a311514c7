import { HomeopsError } from '../errors.ts';
import type { DocShape, MapNode, Node } from './tree.ts';
import { mapEntry, toData } from './tree.ts';

/**
 * app-template mounts a persistence entry at `/<its key>` when it names no mounts; the siblings
 * may rely on that and write none. The new app's claim gets `globalMounts` when its mount path is
 * another one, so the volume lands where the input says.
 */
export function ensureClaimMount(
  doc: DocShape,
  claimName: string,
  mountPath: string,
  /** Where the chart values are: a HelmRelease's `spec.values`, the root of a values file. */
  base: readonly string[] = ['spec', 'values'],
): DocShape {
  let values: Node | undefined = doc.root;
  for (const key of base) values = mapEntry(values, key);
  const persistence = mapEntry(values, 'persistence');
  if (persistence?.kind !== 'map') return doc;
  const claim = persistence.entries.find((e) => isClaim(e.value, claimName));
  refuseTakenPath(persistence, claim?.key, mountPath);
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

/** The app's claim: the entry naming it (or `{{ .Release.Name }}`, or `*app`), or one sized in the values. */
function isClaim(node: Node, claimName: string): boolean {
  const existing = mapEntry(node, 'existingClaim');
  const named =
    existing?.kind === 'scalar' &&
    (existing.value === claimName || existing.value === '{{ .Release.Name }}');
  // the siblings name it by the anchor of the app's name (`existingClaim: *app`)
  const aliased =
    existing?.kind === 'alias' &&
    (existing.fallback?.kind !== 'scalar' || existing.fallback.value === claimName);
  return named || aliased || mapEntry(node, 'size') !== undefined;
}

/**
 * Kubernetes refuses two volumes mounted at one path of a container: a persistence entry the new
 * app has from its siblings (their `logs` emptyDir) may already mount where the claim would go.
 */
function refuseTakenPath(persistence: MapNode, claimKey: string | undefined, mountPath: string) {
  const norm = (p: string) =>
    `/${p
      .split('/')
      .filter((s) => s !== '' && s !== '.')
      .join('/')}`;
  for (const { key, value } of persistence.entries) {
    if (key === claimKey) continue;
    const data = toData(value) as Record<string, unknown> | null;
    const paths = mountPaths(key, data);
    if (!paths.some((p) => norm(p) === norm(mountPath))) continue;
    throw new HomeopsError(
      'INVALID_INPUT',
      `"${mountPath}" is already a mount of the container (persistence ${key}, as this repo's other apps have it)`,
      {
        field: 'mountPath',
        fix: `pass another folder, e.g. --mountPath=${norm(mountPath) === '/data' ? '/config' : '/data'}`,
      },
    );
  }
}

/** Where app-template mounts an entry: its globalMounts and advancedMounts, else `/<key>`. */
function mountPaths(key: string, data: Record<string, unknown> | null): string[] {
  const pathsIn = (list: unknown) =>
    Array.isArray(list)
      ? list.flatMap((m) => {
          const path = (m as Record<string, unknown> | null)?.path;
          return typeof path === 'string' ? [path] : [];
        })
      : [];
  const global = data?.globalMounts;
  const advanced = data?.advancedMounts;
  if (global === undefined && advanced === undefined) return [`/${key}`];
  const byContainer = Object.values((advanced ?? {}) as Record<string, unknown>).flatMap((c) =>
    Object.values((c ?? {}) as Record<string, unknown>),
  );
  return [...pathsIn(global), ...byContainer.flatMap(pathsIn)];
}
