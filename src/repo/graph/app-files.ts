import { posix } from 'node:path';
import { KUSTOMIZATION_FILES } from './kustomize-unit.ts';
import { dig, isYamlFile, str, type ObjectReader, type RepoObject } from './objects.ts';

/**
 * What a file (or one document of it) is for in an app's folder. Files of the same role are what
 * a new app's file of that role is learned from.
 */
export type FileRole =
  | 'entry' // the Flux Kustomization that deploys the app
  | 'kustomization' // the app folder's kustomization.yaml
  | 'helmrelease'
  | 'chart-source' // OCIRepository / HelmRepository for the chart
  | 'route' // HTTPRoute
  | 'claim' // PersistentVolumeClaim
  | 'externalsecret'
  | 'namespace'
  | `other:${string}`;

export interface RoleDoc {
  role: FileRole;
  file: string;
  /** The document's place in its file. */
  index: number;
  object: RepoObject | undefined;
}

const CHART_SOURCES = new Set(['OCIRepository', 'HelmRepository', 'GitRepository', 'Bucket']);

export function roleOf(o: RepoObject): FileRole {
  if (o.kind === 'Kustomization' && o.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/'))
    return 'entry';
  if (o.kind === 'Kustomization' || o.kind === 'Component') return 'kustomization';
  if (o.kind === 'HelmRelease') return 'helmrelease';
  if (CHART_SOURCES.has(o.kind) && o.apiVersion.startsWith('source.toolkit.fluxcd.io/'))
    return 'chart-source';
  if (o.kind === 'HTTPRoute') return 'route';
  if (o.kind === 'PersistentVolumeClaim') return 'claim';
  if (o.kind === 'ExternalSecret') return 'externalsecret';
  if (o.kind === 'Namespace') return 'namespace';
  return `other:${o.kind}`;
}

/**
 * The documents of an app folder (its own files, not subfolders: `resources/` holds
 * configMapGenerator inputs), by role. A kustomization file that kustomize reads but that holds
 * no apiVersion still counts as the folder's kustomization.
 */
export function appDocs(reader: ObjectReader, dir: string): RoleDoc[] {
  const tree = reader.tree;
  if (!tree.isDirectory(dir)) return [];
  const out: RoleDoc[] = [];
  for (const name of tree.children(dir)) {
    const file = dir === '' ? name : `${dir}/${name}`;
    if (!isYamlFile(name) || !tree.isFile(file)) continue;
    const objects = reader.objects(file);
    if (KUSTOMIZATION_FILES.includes(name)) {
      out.push({ role: 'kustomization', file, index: 0, object: objects[0] });
      continue;
    }
    for (const o of objects) out.push({ role: roleOf(o), file, index: o.index, object: o });
  }
  return out;
}

/** The chart a HelmRelease installs: an OCI URL or `<helm repo>/<chart>` name as far as the file tells. */
export function chartOf(hr: RepoObject): {
  ref: string | undefined;
  sourceName: string | undefined;
  sourceKind: string | undefined;
} {
  const chartRef = dig(hr.data, 'spec', 'chartRef');
  if (chartRef && typeof chartRef === 'object') {
    return {
      ref: undefined,
      sourceName: str(dig(chartRef, 'name')),
      sourceKind: str(dig(chartRef, 'kind')),
    };
  }
  const spec = dig(hr.data, 'spec', 'chart', 'spec');
  return {
    ref: str(dig(spec, 'chart')),
    sourceName: str(dig(spec, 'sourceRef', 'name')),
    sourceKind: str(dig(spec, 'sourceRef', 'kind')),
  };
}

/** Whether a HelmRelease is of bjw-s app-template (its values have `controllers`). */
export const isAppTemplate = (hr: RepoObject): boolean =>
  dig(hr.data, 'spec', 'values', 'controllers') !== undefined;

export const baseName = (file: string): string => posix.basename(file);
