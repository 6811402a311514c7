import type { Problem } from '../inputs/input-spec.ts';
import { kustomizationsOf, type KustomizationRef } from './kustomizations.ts';
import type { FluxRepoIndex } from './repo-index.ts';

/**
 * The Flux Kustomization a `dependsOn` input names: `app` or `namespace/app`, where app is an app
 * folder (its Kustomization of that name, or its only one) or else the name of a Kustomization in
 * some app's ks.yaml (one ks.yaml may hold several: `dragonfly` and `dragonfly-cluster`). Names and
 * namespaces come from the files, not the folders: a Kustomization lives in the namespace its
 * namespace folder's kustomization.yaml sets (kustomize overrides any other), else in its
 * `metadata.namespace`, else in the folder's name.
 */
export function lookUpDependency(
  index: FluxRepoIndex,
  dep: string,
): { ref: KustomizationRef } | { problem: Problem } {
  const parts = dep.split('/');
  if (parts.length > 2 || parts.some((part) => part === ''))
    return {
      problem: {
        message: `"${dep}" is not app or namespace/app`,
        fix: 'name each dependency as app or namespace/app',
      },
    };
  const [folderNs, name] =
    parts.length === 2 ? (parts as [string, string]) : [undefined, parts[0]!];
  const namespaces = folderNs
    ? index.hasNamespace(folderNs)
      ? [folderNs]
      : []
    : index.namespaces();
  const inFolders = namespaces
    .filter((ns) => index.tree.isFile(index.ksPath(ns, name)))
    .flatMap((ns) => {
      const all = kustomizationsOf(index, ns, name);
      const named = all.filter((ks) => ks.name === name);
      return named.length ? named : all;
    });
  const found = inFolders.length
    ? inFolders
    : namespaces.flatMap((ns) =>
        index
          .apps(ns)
          .flatMap((app) => kustomizationsOf(index, ns, app).filter((ks) => ks.name === name)),
      );
  if (found.length === 0)
    return {
      problem: {
        message: `no app "${dep}" in this repo (no app folder and no Flux Kustomization of that name)`,
        fix: 'name an existing app as app or namespace/app',
      },
    };
  if (found.length > 1) {
    return {
      problem: {
        message: `"${dep}" names several Flux Kustomizations (${found.map((ks) => `${ks.namespace}/${ks.name}`).join(', ')})`,
        fix: `name one of them by its namespace folder and name: --dependsOn=${found[0]!.folder}/${found[0]!.name}`,
      },
    };
  }
  const { name: refName, namespace } = found[0]!;
  return { ref: { name: refName, namespace } };
}
