import type { FluxAppContext, Placement } from './flux-app-context.ts';

/** The Kustomization Flux bootstraps itself with: in the cluster, though often not in the repo. */
const BOOTSTRAP = { name: 'flux-system', namespace: 'flux-system' };

/**
 * Where a Flux Kustomization of this name already lives in this namespace, other than the file
 * the new app's entry would be (a second run writes that same file): the repo's roots, the apps
 * of the cluster's groups that live there, or Flux's own bootstrap. A new app of that name would
 * replace it.
 */
export function whereNameIsTaken(
  ctx: FluxAppContext,
  placement: Placement,
  name: string,
  namespace: string | undefined,
  entryFile: string,
): string | undefined {
  if (name === BOOTSTRAP.name && namespace === BOOTSTRAP.namespace)
    return 'the flux-system Kustomization Flux bootstraps itself with';
  for (const root of ctx.model.graph.roots)
    if (root.name === name && (root.namespace ?? 'flux-system') === namespace)
      return root.object.file;
  for (const group of ctx.model.groups(placement.cluster)) {
    const own = ctx.model.graph.namespaceOf(group);
    if (own !== undefined && own !== namespace) continue;
    for (const app of ctx.model.graph.appsNamed(group, name))
      if (app.ks.namespace === namespace && app.ks.object.file !== entryFile)
        return app.ks.object.file;
  }
  return undefined;
}
