import type { Vocabulary } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';

/** The words a new app's files are written with: its name, namespace, group and cluster. */
export function vocabularyOf(spec: AppSpec, ctx: FluxAppContext, placement: Placement): Vocabulary {
  const group = placement.group ? ctx.model.groupName(placement.group) : spec.group;
  return {
    app: spec.name,
    ns: spec.namespace,
    ...(spec.port !== undefined ? { port: String(spec.port) } : {}),
    ...(group && group !== spec.namespace ? { group } : {}),
    ...(placement.cluster.name ? { cluster: placement.cluster.name } : {}),
  };
}
