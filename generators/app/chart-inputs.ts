import { APP_TEMPLATE_URL } from '../../src/flux/app-template.ts';
import type { FluxAppContext } from '../../src/engines/flux/flux-app-context.ts';
import * as check from '../../src/inputs/checks.ts';
import { applies, type Answers, type InputSpec } from '../../src/inputs/input-spec.ts';
import { chartRef } from './app-spec.ts';
import { firstCluster, placementOf } from './placement-inputs.ts';
import * as charts from '../../src/engines/flux/app-charts.ts';

/** app-template's version when the repo has no app of its own to learn it from. */
export const APP_TEMPLATE_FALLBACK_VERSION = '4.4.0';

/** The chart the answers name, resolved against the repo's shared sources. */
export const chartOf = (ctx: FluxAppContext, a: Answers) =>
  charts.resolveChart(ctx, placementOf(ctx, a), chartRef(String(a.chart ?? APP_TEMPLATE_URL)));

export const isAppTemplate = applies(
  'with the app-template chart (the default --chart)',
  (a: Answers, ctx: FluxAppContext) => {
    const ref = chartRef(String(a.chart ?? APP_TEMPLATE_URL));
    return ref.kind === 'helm'
      ? ref.chart === 'app-template'
      : chartOf(ctx, a).url === APP_TEMPLATE_URL;
  },
);
export const hasStorage = applies(
  'with --storage=<size> (and the app-template chart)',
  (a: Answers, ctx: FluxAppContext) =>
    isAppTemplate(a, ctx) && a.storage !== undefined && a.storage !== 'none',
);

/** The chart the app runs: an OCI URL or a chart source of the repo. */
export const chartInput: InputSpec<FluxAppContext> = {
  name: 'chart',
  message: 'Helm chart (OCI URL, or a chart source of the repo)',
  help: `chart: an OCI chart URL, the name of a chart source the repo shares (app-template), or <helm repository>/<chart>; default ${APP_TEMPLATE_URL}`,
  type: 'string',
  advanced: true,
  // as the siblings take app-template: its OCI URL, or their HelmRepository (bjw-s/app-template)
  default: (ctx, a) =>
    typeof a.namespace === 'string'
      ? charts.appTemplateChart(ctx, placementOf(ctx, a))
      : APP_TEMPLATE_URL,
  validate: (v: string, a, ctx) => {
    if (v.startsWith('oci://')) return check.ociUrl(v);
    if (chartOf(ctx, { ...a, chart: v }).source) return undefined;
    const names = charts
      .chartSources(ctx, ctx.cluster(firstCluster(a)))
      .map((s) => `${s.name} (${s.kind})`);
    return {
      message: `"${v}" is not an OCI chart URL nor a chart source of this repo`,
      fix: `pass an oci:// URL${names.length ? `, or one of: ${names.join(', ')}` : ''}`,
    };
  },
};

/** Its version: the source's, else the one the repo uses most for that chart. */
export const chartVersionInput: InputSpec<FluxAppContext> = {
  name: 'chartVersion',
  message: 'Chart version',
  help: 'chartVersion: default the version the repo uses most for that chart (a shared source: its own)',
  type: 'string',
  required: true,
  advanced: true,
  default: (ctx, a) => {
    const { url, source } = chartOf(ctx, a);
    if (source?.version) return source.version;
    const ref = chartRef(String(a.chart ?? APP_TEMPLATE_URL));
    const chartName = ref.kind === 'helm' ? ref.chart : undefined;
    const learned = url ? charts.chartVersion(ctx, placementOf(ctx, a), url, chartName) : undefined;
    return learned ?? (isAppTemplate(a, ctx) ? APP_TEMPLATE_FALLBACK_VERSION : undefined);
  },
  validate: (v: string, a, ctx) => {
    // a chart named by its source takes the source's version; an OCI URL may pin its own
    const { source } = chartOf(ctx, a);
    if (source?.version && v !== source.version && !String(a.chart ?? '').includes('://'))
      return {
        message: `the chart source ${source.name} (${source.file}) is at ${source.version}`,
        fix: `leave --chartVersion out (or pass ${source.version}); to pin another version for this app alone, pass --chart=${source.url}`,
      };
    return check.version(v);
  },
};
