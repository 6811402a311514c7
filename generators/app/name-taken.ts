import { definedElsewhere, kustomizationNamespace } from '../../src/flux/kustomizations.ts';
import type { FluxContext } from '../../src/flux/flux-context.ts';
import type { Answers, Problem } from '../../src/inputs/input-spec.ts';

/**
 * At the namespace prompt: whether the app name just typed is taken in that namespace (its app
 * folder, or a Flux Kustomization of that name there). The name is only known to conflict once the
 * namespace is chosen, so the namespace prompt says so, and the person goes back to the name.
 */
export function appNameTakenIn(
  ctx: FluxContext,
  a: Answers,
  namespace: string,
): Problem | undefined {
  const name = a.name;
  if (typeof name !== 'string') return undefined;
  if (ctx.index.apps(namespace).includes(name))
    return {
      field: 'name',
      message: `app ${namespace}/${name} already exists`,
      prompt: `an app named ${name} already exists in that namespace (${ctx.index.ksPath(namespace, name)}): type another name`,
    };
  if (!ctx.index.hasNamespace(namespace)) return undefined;
  const own = kustomizationNamespace(ctx.index, namespace);
  const taken = definedElsewhere(ctx.index, { name, namespace: own }, namespace, name);
  return taken
    ? {
        field: 'name',
        message: `a Flux Kustomization ${own}/${name} already exists (${taken})`,
        prompt: `a Flux Kustomization named ${name} already exists in that namespace (${taken}): type another name`,
      }
    : undefined;
}
