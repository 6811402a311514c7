import type { PlanResult } from '../../engine/generator.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';
import { appDirOf, planAppCopy, STEP_KINDS, type AppCopy } from './plan-app-copy.ts';

/**
 * A Flux app, written as its siblings are: the entry Kustomization where the group keeps its
 * entries, registered as they are, and the app folder's files, each learned from the siblings'
 * files of the same role (see src/learn). New namespace folders are made first where needed.
 * Clusters that share app folders (`apps/base`) get one folder and an entry each; clusters whose
 * siblings keep their own (one tree per cluster) get a copy each, learned from their own apps.
 */
export async function planFluxApp(
  ctx: FluxAppContext,
  spec: AppSpec,
  placements: readonly Placement[],
): Promise<PlanResult> {
  const copies = new Map<string, Placement[]>();
  for (const placement of placements) {
    const dir = appDirOf(ctx, spec, placement);
    copies.set(dir, [...(copies.get(dir) ?? []), placement]);
  }
  const plans: AppCopy[] = [];
  for (const together of copies.values()) plans.push(await planAppCopy(ctx, spec, together));
  const unique = (lines: string[]) => [...new Set(lines)];
  return {
    summary: `app ${spec.name} in namespace ${spec.namespace}${placements.length > 1 ? ` (clusters ${spec.clusters.join(', ')})` : ''}${spec.secret ? ', with an ExternalSecret from 1Password' : ''}: ${plans.map((p) => `${p.where}/`).join(', ')}`,
    nextSteps: unique(STEP_KINDS.flatMap((kind) => plans.flatMap((p) => p.steps[kind]))),
    warnings: unique(plans.flatMap((p) => p.warnings)),
  };
}
