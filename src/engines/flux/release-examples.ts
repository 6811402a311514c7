import type { Example } from '../../learn/merge.ts';
import { editKey, editPath } from '../../learn/tree-edit.ts';
import type { AppExample } from './examples.ts';
import type { AppView } from './app-view.ts';
import { installsChart } from './app-charts.ts';

/**
 * The siblings a new HelmRelease is learned from. app-template's values are learned from the
 * app-template apps. Another chart's values are the user's to fill (`values: {}`): a sibling of
 * the same chart configures its own instance, and its names would come out renamed after the new
 * app (`ghcr.io/x/external-dns-mikrotik` for `external-dns-cloudflare`). The rest of the document
 * (interval, remediation, where the namespace is set) is learned from the apps of that chart (its
 * source's URL, or a HelmRepository chart of its name), else of other charts, else app-template's
 * (not their header, which names app-template's values schema).
 */
export function releaseExamples(
  examples: readonly AppExample[],
  view: AppView,
  shapes: (pool: readonly AppExample[]) => Example[],
): Example[] {
  if (view.appTemplate) return shapes(examples.filter((e) => e.features.appTemplate));
  const { url, chartName } = view.chart;
  const same = examples.filter((e) =>
    e.docs.some((d) => installsChart(d, url, chartName ?? undefined)),
  );
  const others = examples.filter((e) => !e.features.appTemplate);
  const pool = same.length > 0 ? same : others.length > 0 ? others : examples;
  return shapes(pool).map((x) => ({
    ...x,
    shape: {
      ...x.shape,
      root: editPath(x.shape.root, ['spec'], (spec) =>
        editKey(spec, 'values', () => ({ kind: 'map', flow: true, entries: [] })),
      ),
    },
    ...(x.features.appTemplate ? { noHeader: true } : {}),
  }));
}
