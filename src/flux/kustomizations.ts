import { posix } from 'node:path';
import { dig, readYamlAll, readYamlData } from '../repo/read-yaml.ts';
import type { FluxRepoIndex } from './repo-index.ts';

/** A Flux Kustomization by name and the namespace it lives in. */
export interface KustomizationRef {
  name: string;
  namespace: string;
}

/** The Kustomization Flux bootstraps itself with: in the cluster, though often not in the repo. */
const BOOTSTRAP: KustomizationRef = { name: 'flux-system', namespace: 'flux-system' };

/** The namespace the Kustomizations of a namespace folder live in, as far as the folder tells. */
export function kustomizationNamespace(index: FluxRepoIndex, ns: string): string {
  return namespaceSetBy(index, ns) ?? ns;
}

/** The `namespace:` a namespace folder's kustomization.yaml sets, if any. */
function namespaceSetBy(index: FluxRepoIndex, ns: string): string | undefined {
  const set = dig(readYamlData(index.tree, index.namespaceKustomization(ns)), 'namespace');
  return typeof set === 'string' && set ? set : undefined;
}

/** Whether a YAML document is a Flux Kustomization (not a kustomize one). */
export function isFluxKustomization(doc: Record<string, unknown> | undefined): boolean {
  return (
    doc?.kind === 'Kustomization' &&
    String(doc.apiVersion).startsWith('kustomize.toolkit.fluxcd.io/')
  );
}

/** The Flux Kustomization documents of an app folder's ks.yaml. */
export function kustomizationDocs(
  index: FluxRepoIndex,
  ns: string,
  app: string,
): Record<string, unknown>[] {
  return readYamlAll(index.tree, index.ksPath(ns, app)).filter(isFluxKustomization);
}

/** The Flux Kustomizations of an app folder's ks.yaml: name, namespace, folder and `spec.path` (without `./`). */
export function kustomizationsOf(
  index: FluxRepoIndex,
  ns: string,
  app: string,
): (KustomizationRef & { folder: string; path: string })[] {
  const docs = kustomizationDocs(index, ns, app);
  const set = docs.length ? namespaceSetBy(index, ns) : undefined;
  return docs.flatMap((doc) => {
    const name = dig(doc, 'metadata', 'name');
    const own = dig(doc, 'metadata', 'namespace');
    if (typeof name !== 'string') return [];
    const path = String(dig(doc, 'spec', 'path') ?? '')
      .replace(/^\.\//, '')
      .replace(/\/$/, '');
    return [{ name, namespace: set ?? (typeof own === 'string' ? own : ns), folder: ns, path }];
  });
}

/**
 * Where a Flux Kustomization of this name and namespace is already defined, outside the app folder
 * `except`: the ks.yaml files of the namespace folder's other apps, the Flux folder beside the apps
 * (`kubernetes/flux`: the Kustomization that reconciles the whole repo), or Flux's own bootstrap.
 * A new app of that name would replace it.
 */
export function definedElsewhere(
  index: FluxRepoIndex,
  ref: KustomizationRef,
  ns: string,
  except: string,
): string | undefined {
  if (ref.name === BOOTSTRAP.name && ref.namespace === BOOTSTRAP.namespace)
    return 'the flux-system Kustomization Flux bootstraps itself with';
  const same = (doc: Record<string, unknown>, inherited: string) =>
    isFluxKustomization(doc) &&
    dig(doc, 'metadata', 'name') === ref.name &&
    ((dig(doc, 'metadata', 'namespace') as string | undefined) ?? inherited) === ref.namespace;
  if (index.hasNamespace(ns)) {
    for (const app of index.apps(ns)) {
      if (app === except || !index.tree.read(index.ksPath(ns, app))!.includes(ref.name)) continue;
      if (
        kustomizationsOf(index, ns, app).some(
          (ks) => ks.name === ref.name && ks.namespace === ref.namespace,
        )
      )
        return index.ksPath(ns, app);
    }
  }
  const fluxDir = posix.join(posix.dirname(index.appsDir), 'flux');
  for (const file of index.tree.yamlFilesUnder(fluxDir)) {
    if (!index.tree.read(file)!.includes(ref.name)) continue;
    // the repo's root objects live in flux-system when they do not say otherwise
    if (readYamlAll(index.tree, file).some((doc) => same(doc, 'flux-system'))) return file;
  }
  return undefined;
}
