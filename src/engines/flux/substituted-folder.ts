import { parse } from 'yaml';
import { substitutedBy } from '../../flux/substitution.ts';
import type { FluxApp } from '../../repo/graph/flux-graph.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';

/**
 * Whether Flux substitutes variables in the folder of a new app (placed there, its entry
 * Kustomization planned as `entry`): the entry's postBuild, or its root's patches; in a flat repo
 * (no entries), the root's own postBuild.
 */
export function newAppSubstituted(
  ctx: FluxAppContext,
  placement: Placement,
  entry: string | undefined,
): boolean {
  const roots = placement.cluster.roots.map((r) => r.object.data);
  if (ctx.flat(placement.cluster) || entry === undefined)
    return roots.some((root) => substitutedBy(root, []));
  let planned: unknown;
  try {
    planned = parse(entry);
  } catch {
    planned = undefined; // validation says what is wrong with it
  }
  return substitutedBy(planned, placement.group ? [placement.group.root.object.data] : roots);
}

/** Whether Flux substitutes variables in the folder an existing app's Kustomization deploys. */
export const appSubstituted = (app: FluxApp): boolean =>
  substitutedBy(app.ks.object.data, [app.group.root.object.data]);
