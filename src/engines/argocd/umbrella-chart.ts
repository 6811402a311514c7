import { posix } from 'node:path';
import { readShapes } from '../../learn/read-shape.ts';
import { nodeAt, type DocShape } from '../../learn/tree.ts';
import type { Vocabulary } from '../../learn/vocabulary.ts';
import { dig, str, type ObjectReader } from '../../repo/graph/objects.ts';
import type { HelmChartEntry } from './examples.ts';

/**
 * An app folder that is an umbrella Helm chart: a `Chart.yaml` with the real chart as its
 * dependency, that chart's values under the dependency's key of `values.yaml`, and manifests of
 * its own in `templates/`. Argo CD renders the folder as a chart (its ApplicationSet's
 * `helm.valueFiles`).
 */
export interface UmbrellaChart {
  /** The dependency, as a kustomization's `helmCharts` entry would name it. */
  chart: HelmChartEntry;
  /** The key of values.yaml its values are under: the dependency's alias, else its name. */
  key: string;
}

export const CHART_FILE = 'Chart.yaml';

/** The umbrella chart of a folder (its first dependency), or none. */
export function umbrellaOf(reader: ObjectReader, dir: string): UmbrellaChart | undefined {
  const file = posix.join(dir, CHART_FILE);
  if (!reader.tree.isFile(file)) return undefined;
  const dep = dig(reader.data(file), 'dependencies', 0);
  const name = str(dig(dep, 'name'));
  if (!name) return undefined;
  return {
    chart: {
      name,
      repo: str(dig(dep, 'repository')),
      version: str(dig(dep, 'version')),
      valuesFile: 'values.yaml',
      inline: false,
    },
    key: str(dig(dep, 'alias')) ?? name,
  };
}

/** The dependency's values of an umbrella folder: the node under its key, in values.yaml's layout. */
export function umbrellaValues(
  reader: ObjectReader,
  dir: string,
  umbrella: UmbrellaChart,
  vocab: Vocabulary = {},
): DocShape | undefined {
  const text = reader.tree.read(posix.join(dir, umbrella.chart.valuesFile ?? 'values.yaml'));
  const doc = text === undefined ? undefined : readShapes(text, vocab)[0];
  const root = nodeAt(doc?.root, [umbrella.key]);
  return doc && root ? { ...doc, root } : undefined;
}

/** A chart's values as an umbrella's values.yaml writes them: under the dependency's key. */
export function underKey(doc: DocShape, key: string): DocShape {
  return {
    ...doc,
    root: { kind: 'map', flow: false, entries: [{ key, keyStyle: 'PLAIN', value: doc.root }] },
  };
}
