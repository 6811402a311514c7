import type { FluxAppContext } from '../engines/flux/flux-app-context.ts';
import { flatApps } from '../engines/flux/flat-apps.ts';
import type { FluxCluster } from '../repo/flux-model.ts';
import { appNamesFromEntries } from './app-names.ts';
import type { ClusterInfo, GroupInfo } from './info-model.ts';
import { byUse } from '../learn/majority.ts';

/** The entry file convention (`⟪app⟫/ks.yaml`), learned for the cluster's first group. */
export function firstEntryFile(ctx: FluxAppContext, cluster: FluxCluster): string | undefined {
  if (ctx.flat(cluster)) return undefined;
  const group = ctx.model.groups(cluster).find((g) => ctx.model.registersApps(g));
  if (!group) return undefined;
  const placement = ctx.place(
    cluster,
    ctx.model.groupNamespace(group) ?? '',
    ctx.model.groupName(group),
  );
  return ctx.learn(placement, undefined).conventions.entryFile;
}

export function clusterInfo(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  entryFile: string | undefined,
): ClusterInfo {
  // a Flux Operator instance is named as the repo names it (the flux-instance chart's HelmRelease)
  const roots = cluster.roots.map((r) => ({
    kind: r.object.kind === 'HelmRelease' ? 'FluxInstance (HelmRelease values)' : r.object.kind,
    name: r.object.kind === 'Kustomization' ? r.name : (r.object.name ?? r.name),
    file: r.object.file,
    paths: r.path === undefined ? [] : [r.path],
  }));
  if (ctx.flat(cluster)) {
    const byNs = new Map<string, string[]>();
    for (const a of flatApps(ctx.model, cluster))
      byNs.set(a.namespace ?? '', [...(byNs.get(a.namespace ?? '') ?? []), a.name]);
    const root = cluster.roots[0]?.path ?? '';
    const groups: GroupInfo[] = [...byNs].map(([ns, apps]) => ({
      name: ns,
      dir: root === '' ? ns : `${root}/${ns}`,
      namespace: ns || null,
      listedIn: null,
      apps,
      appNamespaces: ns ? [ns] : [],
    }));
    return { name: cluster.name ?? null, roots, groups };
  }
  const groups = ctx.model
    .groups(cluster)
    .filter((g) => ctx.model.registersApps(g))
    .map((g) => {
      const named = entryFile && appNamesFromEntries(ctx.repo.tree, g, entryFile, cluster.name);
      return {
        name: ctx.model.groupName(g),
        dir: g.unit.dir,
        namespace: ctx.model.groupNamespace(g) ?? null,
        listedIn: g.unit.file ?? null,
        apps: named || ctx.model.apps(g).map((a) => a.ks.name),
        appNamespaces: named
          ? [ctx.model.groupNamespace(g) ?? '']
          : byUse(ctx.model.apps(g).map((a) => a.namespace)),
      };
    });
  return { name: cluster.name ?? null, roots, groups };
}
