import { isToolFolder } from '../../tree/repo-tree.ts';
import { posix } from 'node:path';
import { kustomizationFileIn } from './kustomize-unit.ts';
import { dig, isYamlFile, str, type ObjectReader, type RepoObject } from './objects.ts';
import { inFolder } from '../../tree/in-folder.ts';

/** The GitOps objects that tell how a repo deploys: found where they are, whatever the files are called. */
export interface Discovery {
  /** Flux Kustomizations (kustomize.toolkit.fluxcd.io) found outside the trees they deploy. */
  fluxKustomizations: RepoObject[];
  /** Argo CD Applications and ApplicationSets. */
  argo: RepoObject[];
}

const FLUX_KUSTOMIZATION = /^apiVersion:\s*["']?kustomize\.toolkit\.fluxcd\.io\//m;
const ARGO = /^apiVersion:\s*["']?argoproj\.io\//m;

export const isFluxKustomization = (o: RepoObject): boolean =>
  o.kind === 'Kustomization' && o.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/');
export const isArgoApp = (o: RepoObject): boolean =>
  (o.kind === 'Application' || o.kind === 'ApplicationSet') &&
  o.apiVersion.startsWith('argoproj.io/');

/** A Flux Kustomization's `spec.path`, repo-relative, without `./` or a trailing `/`. */
export function fluxPath(o: RepoObject): string | undefined {
  const path = str(dig(o.data, 'spec', 'path'));
  return path === undefined ? undefined : repoRelative(path);
}

/** A path Flux reads from the repo's root (`./kubernetes/apps/`), as `kubernetes/apps` (`''` for the root). */
export function repoRelative(path: string): string {
  const p = posix.normalize(path.replace(/^\.?\//, '')).replace(/\/$/, '');
  return p === '.' ? '' : p;
}

/**
 * Find the repo's GitOps entry points without reading every file: a breadth-first walk that reads
 * the YAML files of plain folders, leaves folders kustomize builds (a kustomization.yaml: app and
 * namespace folders) for later, and never enters a folder a Kustomization already found deploys
 * (it is reached through that Kustomization when needed). Only when plain folders hold nothing
 * are the kustomize folders read, shallowest first (ClusterTool keeps its entry Kustomization in
 * the folder it deploys).
 */
export function discover(reader: ObjectReader): Discovery {
  const tree = reader.tree;
  const found: RepoObject[] = [];
  const claims: string[] = [];
  const claimed = (dir: string) => claims.some((c) => inFolder(dir, c));
  const take = (file: string) => {
    for (const o of reader.objectsIf(file, [FLUX_KUSTOMIZATION, ARGO])) {
      if (!isFluxKustomization(o) && !isArgoApp(o)) continue;
      found.push(o);
      const path = isFluxKustomization(o) ? fluxPath(o) : undefined;
      if (path !== undefined) claims.push(path);
    }
  };
  const deferred: string[] = [];
  const walk = (queue: string[], deferUnits: boolean) => {
    while (queue.length > 0) {
      const dir = queue.shift() ?? '';
      if (dir !== '' && claimed(dir)) continue;
      if (deferUnits && dir !== '' && kustomizationFileIn(tree, dir)) {
        deferred.push(dir);
        continue;
      }
      for (const name of tree.children(dir)) {
        if (isToolFolder(name)) continue;
        const path = dir === '' ? name : `${dir}/${name}`;
        if (tree.isDirectory(path)) queue.push(path);
        else if (isYamlFile(name)) take(path);
      }
    }
  };
  walk([''], true);
  if (found.length === 0) walk(deferred, false);
  return {
    fluxKustomizations: found.filter(isFluxKustomization),
    argo: found.filter(isArgoApp),
  };
}
