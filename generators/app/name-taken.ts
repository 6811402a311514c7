import type { FluxAppContext } from '../../src/engines/flux/flux-app-context.ts';
import { whereNameIsTaken } from '../../src/engines/flux/name-taken.ts';
import type { Answers, Problem } from '../../src/inputs/input-spec.ts';

/**
 * At the namespace prompt: whether the app name just typed is taken in that namespace (an app of
 * that name there, or a Flux Kustomization of that name where the new one would live). The name
 * is only known to conflict once the namespace is chosen, so the namespace prompt says so, and the
 * person goes back to the name.
 */
export function appNameTakenIn(
  ctx: FluxAppContext,
  a: Answers,
  namespace: string,
): Problem | undefined {
  const name = a.name;
  if (typeof name !== 'string') return undefined;
  const cluster = ctx.cluster(
    Array.isArray(a.cluster) ? (a.cluster[0] as string | undefined) : undefined,
  );
  const placement = ctx.place(
    cluster,
    namespace,
    typeof a.group === 'string' ? a.group : undefined,
    name,
  );
  const existing = placement.group && ctx.model.graph.appsNamed(placement.group, name)[0];
  if (existing)
    return {
      field: 'name',
      message: `app ${namespace}/${name} already exists`,
      prompt: `an app named ${name} already exists in that namespace (${existing.ks.object.file}): type another name`,
    };
  const own = placement.group?.unit.namespace ?? namespace;
  const taken = whereNameIsTaken(ctx, placement, name, own, '');
  return taken
    ? {
        field: 'name',
        message: `a Flux Kustomization ${own}/${name} already exists (${taken})`,
        prompt: `a Flux Kustomization named ${name} already exists in that namespace (${taken}): type another name`,
      }
    : undefined;
}
