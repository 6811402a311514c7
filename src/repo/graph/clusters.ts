import { posix } from 'node:path';

/**
 * Which cluster each root belongs to. Roots whose files sit in the same folder belong to one
 * cluster (cluster-apps and cluster-infra side by side); folders that differ in one path segment
 * are clusters named by it (`kubernetes/main/flux` and `kubernetes/edge/flux`: main, edge). One
 * folder: one cluster, unnamed.
 */
export function clusterNames(rootFiles: readonly string[]): Map<string, string | undefined> {
  const dirs = [...new Set(rootFiles.map((f) => posix.dirname(f)))];
  const out = new Map<string, string | undefined>();
  if (dirs.length <= 1) {
    for (const f of rootFiles) out.set(f, undefined);
    return out;
  }
  const split = dirs.map((d) => d.split('/'));
  const depth = Math.max(...split.map((s) => s.length));
  // the first segment where the folders differ names the clusters
  let at = -1;
  for (let i = 0; i < depth && at < 0; i++) if (new Set(split.map((s) => s[i])).size > 1) at = i;
  const nameOf = new Map(dirs.map((d, i) => [d, split[i]?.[at] ?? posix.basename(d)]));
  for (const f of rootFiles) out.set(f, nameOf.get(posix.dirname(f)));
  return out;
}
