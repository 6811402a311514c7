import type { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import { mostCommon } from '../../../src/repo/most-common.ts';
import type { Answers, Problem } from '../../../src/inputs/input-spec.ts';

/** The chart version the repo's Applications already use for this chart (and repo URL). */
export function chartVersionInUse(
  ctx: ArgocdContext,
  chart: string | undefined,
  repoURL: string | undefined,
): string | undefined {
  const sources = ctx.index.applications().flatMap((a) => a.sources);
  return mostCommon(
    sources
      .filter((s) => s.chart === chart && (repoURL === undefined || s.repoURL === repoURL))
      .map((s) => s.targetRevision),
  );
}

/**
 * Why a route on `hostname` + `path` ('' = every path) would not get its traffic: another route of
 * the repo already matches it (Gateway API gives a tie to the oldest route, so the new one would
 * silently lose). The app's own route (a second run) does not count.
 */
export function routeProblem(
  ctx: ArgocdContext,
  a: Answers,
  hostname: string,
  path: string,
): Problem | undefined {
  const own = `${String(a.name)}-route`;
  for (const route of ctx.index.routes()) {
    if (route.name === own || !route.hostnames.includes(hostname)) continue;
    const clash = route.paths.find((p) => p.replace(/\/+$/, '') === path);
    if (clash === undefined) continue;
    const what = path === '' ? `every path of ${hostname}` : `${hostname}${path}`;
    return {
      message: `HTTPRoute ${route.name} (${route.file}) already routes ${what}`,
      fix:
        path === ''
          ? `pass --route=path to serve it under a path, or another --hostname`
          : `pass another --path, or another --hostname`,
    };
  }
  return undefined;
}
