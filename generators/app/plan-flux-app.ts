import type { PlanResult } from '../../src/engine/generator.ts';
import type { FluxAppContext } from '../../src/engines/flux/flux-app-context.ts';
import { planFluxApp } from '../../src/engines/flux/plan-app.ts';
import { planFluxNamespace } from '../../src/engines/flux/plan-namespace.ts';
import {
  baseNamespaceFile,
  planOverlayNamespace,
  refuseOverlayNamespaces,
} from '../../src/engines/flux/overlay-namespace.ts';
import { planFlatNamespace } from '../../src/engines/flux/flat-apps.ts';
import { fillText } from '../../src/learn/vocabulary.ts';
import { posix } from 'node:path';
import type { Answers } from '../../src/inputs/input-spec.ts';
import { appSpecOf } from './app-spec.ts';

/**
 * `homeops app` in a Flux repo: the namespace folder first where it is new (in each cluster the
 * app goes to), then the app, then its secret.
 */
export async function planFluxAppRun(ctx: FluxAppContext, answers: Answers): Promise<PlanResult> {
  const spec = appSpecOf(answers);
  const clusters = spec.clusters.length ? spec.clusters : [undefined];
  let created = false;
  const placements = clusters.map((name) => {
    const cluster = ctx.cluster(name);
    const placement = ctx.place(cluster, spec.namespace, spec.group, spec.name);
    if (ctx.flat(cluster) && !ctx.namespaces(cluster).includes(spec.namespace)) {
      created = true;
      const { conventions } = ctx.learn(placement, undefined);
      const appDir = fillText(conventions.appDir, { app: spec.name, ns: spec.namespace });
      if (appDir) planFlatNamespace(ctx, cluster, spec.namespace, posix.dirname(appDir));
    }
    const rootDir = placement.group?.root.path ?? cluster.roots[0]?.path;
    // an overlay that lists a base's Namespace files gets the new one's first (--createNamespace)
    if (
      spec.createNamespace &&
      !ctx.flat(cluster) &&
      !baseNamespaceFile(ctx, cluster, spec.namespace)
    )
      created = planOverlayNamespace(ctx, cluster, spec.namespace) !== undefined || created;
    else if (!ctx.flat(cluster) && rootDir) refuseOverlayNamespaces(ctx, rootDir, spec.namespace);
    if (placement.group) return placement;
    created = true;
    return { ...placement, group: planFluxNamespace(ctx, cluster, spec.namespace) };
  });
  const plan = await planFluxApp(ctx, spec, placements);
  const warnings = [...plan.warnings];
  return {
    ...plan,
    summary: created
      ? plan.summary.replace(
          ` in namespace ${spec.namespace}`,
          ` in namespace ${spec.namespace} (new namespace)`,
        )
      : plan.summary,
    warnings,
  };
}
