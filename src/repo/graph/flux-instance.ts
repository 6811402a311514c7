import { repoRelative } from './discover.ts';
import type { FluxKs } from './flux-graph.ts';
import { dig, str, type ObjectReader, type RepoObject } from './objects.ts';

const INSTANCE = /^kind:\s*["']?(?:FluxInstance|HelmRelease)["']?\s*$/m;

/**
 * The roots a Flux Operator makes: a FluxInstance (or the flux-instance chart's HelmRelease,
 * `values.instance.sync`) syncs a folder of the repo through a Kustomization of its own, named
 * after the instance's namespace, that no file of the repo holds. Each stands for that
 * Kustomization, over the folder (`sync.path`).
 */
export function fluxInstanceRoots(reader: ObjectReader): FluxKs[] {
  const tree = reader.tree;
  const files = [
    ...new Set([
      ...tree.yamlFilesMentioning([''], 'FluxInstance'),
      ...tree.yamlFilesMentioning([''], 'flux-instance'),
    ]),
  ];
  const out: FluxKs[] = [];
  for (const file of files)
    for (const o of reader.objectsIf(file, [INSTANCE])) {
      const path = syncPath(o);
      if (path === undefined || !tree.isDirectory(path)) continue;
      if (out.some((r) => r.path === path)) continue;
      out.push({ object: o, name: 'flux-system', namespace: 'flux-system', path });
    }
  return out;
}

/** The folder an instance syncs, repo-relative: `kubernetes/clusters/home/apps/` -> `kubernetes/clusters/home/apps`. */
function syncPath(o: RepoObject): string | undefined {
  const sync =
    o.kind === 'FluxInstance' && o.apiVersion.startsWith('fluxcd.controlplane.io/')
      ? dig(o.data, 'spec', 'sync')
      : o.kind === 'HelmRelease'
        ? dig(o.data, 'spec', 'values', 'instance', 'sync')
        : undefined;
  const kind = str(dig(sync, 'kind'));
  const path = str(dig(sync, 'path'));
  if (path === undefined || (kind !== undefined && kind !== 'GitRepository')) return undefined;
  return repoRelative(path);
}
