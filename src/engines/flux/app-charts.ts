import { APP_TEMPLATE_URL } from '../../flux/app-template.ts';
import { majorityOf } from '../../learn/majority.ts';
import type { ChartRef } from '../../model/app-spec.ts';
import type { FluxCluster } from '../../repo/flux-model.ts';
import {
  chartOf,
  isAppTemplate as isAppTemplateRelease,
  type RoleDoc,
} from '../../repo/graph/app-files.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import { sharedChartSources, type ChartSource } from './chart-sources.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';

// The chart a new Flux app installs, as the siblings take theirs: the version they pin, the form
// they name app-template in, and the shared source (a tree of its own, or a component) it comes from.

const sourceMemo = new WeakMap<FluxAppContext, Map<FluxCluster, ChartSource[]>>();

/**
 * Whether an app's document installs this chart: its source names the chart's URL, or it is a
 * HelmRelease of a HelmRepository chart of the chart's name (`chartName`, else, for an OCI chart,
 * its URL's last segment: the same chart a HelmRepository serves by that name).
 */
export function installsChart(d: RoleDoc, chartUrl: string, chartName?: string): boolean {
  if (d.role === 'chart-source') return str(dig(d.object?.data, 'spec', 'url')) === chartUrl;
  if (d.role !== 'helmrelease' || !d.object) return false;
  // a chart.spec counts by its chart's name, not every chart.spec of the repo
  const ref = chartOf(d.object).ref;
  return ref !== undefined && ref === (chartName ?? chartUrl.split('/').pop());
}

/**
 * The version of a chart most of the sampled apps use; `chartName`, for a chart of a
 * HelmRepository, counts only the HelmReleases of that chart.
 */
export function chartVersion(
  ctx: FluxAppContext,
  placement: Placement,
  chartUrl: string,
  chartName?: string,
): string | undefined {
  const { examples } = ctx.learn(placement, chartUrl);
  const versions = examples.flatMap((e) =>
    e.docs
      .filter((d) => installsChart(d, chartUrl, chartName))
      .map((d) =>
        d.role === 'chart-source'
          ? str(dig(d.object?.data, 'spec', 'ref', 'tag'))
          : str(dig(d.object?.data, 'spec', 'chart', 'spec', 'version')),
      ),
  );
  return majorityOf(
    versions.filter((v): v is string => !!v),
    (v) => v,
  );
}

/**
 * The app-template chart as the siblings take it, in --chart's words: `bjw-s/app-template`
 * where most of their app-template HelmReleases use a HelmRepository's `chart.spec`, else the
 * OCI URL (which a shared or component source of that URL then serves).
 */
export function appTemplateChart(ctx: FluxAppContext, placement: Placement): string {
  const { examples } = ctx.learn(placement, undefined);
  const forms = examples.flatMap((e) => {
    const hr = e.helmRelease;
    if (!hr || !isAppTemplateRelease(hr)) return [];
    const chart = chartOf(hr);
    return [
      chart.sourceKind === 'HelmRepository' && chart.sourceName && chart.ref
        ? `${chart.sourceName}/${chart.ref}`
        : APP_TEMPLATE_URL,
    ];
  });
  const form = majorityOf(forms, (f) => f) ?? APP_TEMPLATE_URL;
  // a HelmRepository the repo does not define (it lives elsewhere) cannot be written to
  const repository = form.includes('://') ? undefined : form.split('/')[0];
  const known = chartSources(ctx, placement.cluster).some(
    (s) => s.kind === 'HelmRepository' && s.name === repository,
  );
  return repository === undefined || known ? form : APP_TEMPLATE_URL;
}

/** The chart sources apps share (a tree of their own, or a component), for the cluster. */
export function chartSources(ctx: FluxAppContext, cluster: FluxCluster): ChartSource[] {
  let byCluster = sourceMemo.get(ctx);
  if (!byCluster) sourceMemo.set(ctx, (byCluster = new Map()));
  let found = byCluster.get(cluster);
  if (!found) byCluster.set(cluster, (found = sharedChartSources(ctx.model, cluster)));
  return found;
}

/**
 * The chart an app installs and the shared source it comes from, if any: a source named by the
 * user, or for an OCI URL, the shared source of that URL the siblings use (unless the app asks
 * for another version than the source's).
 */
export function resolveChart(
  ctx: FluxAppContext,
  placement: Placement,
  chart: ChartRef,
  version?: string,
): { url: string | undefined; source: ChartSource | undefined } {
  const sources = chartSources(ctx, placement.cluster);
  if (chart.kind === 'source') {
    const source = sources.find((s) => s.name === chart.name);
    return { url: source?.url, source };
  }
  if (chart.kind === 'helm') {
    const repo = sources.find((s) => s.kind === 'HelmRepository' && s.name === chart.repository);
    return { url: repo?.url, source: repo };
  }
  if (chart.kind === 'none') return { url: undefined, source: undefined };
  const { conventions } = ctx.learn(placement, chart.url);
  const learned = conventions.chartSource;
  const shared =
    learned && (learned.kind === 'shared' || learned.kind === 'component')
      ? sources.find((s) => s.name === learned.name && s.url === chart.url)
      : undefined;
  // another version than the shared source's: the app pins it with a source of its own
  if (shared?.version && version !== undefined && version !== shared.version)
    return { url: chart.url, source: undefined };
  return { url: chart.url, source: shared };
}
