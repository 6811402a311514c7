import { dig } from '../repo/read-yaml.ts';
import {
  kustomizationDocs,
  kustomizationNamespace,
  kustomizationsOf,
  type KustomizationRef,
} from './kustomizations.ts';
import type { FluxRepoIndex } from './repo-index.ts';

/** How many apps with an ExternalSecret are enough to learn from. */
const SAMPLE = 12;

/**
 * The Flux Kustomization that deploys a secret store (the app folder holding `storeFile`), when
 * the repo's apps with an ExternalSecret depend on it, as they should: an ExternalSecret cannot
 * sync before its store exists. Undefined when the store is not in an app folder, or no app with
 * an `app/externalsecret.yaml` shows the dependency.
 */
export function storeDependency(
  index: FluxRepoIndex,
  storeFile: string,
): KustomizationRef | undefined {
  const [ns, folder] = storeFile.startsWith(`${index.appsDir}/`)
    ? storeFile.slice(index.appsDir.length + 1).split('/')
    : [];
  if (!ns || !folder || !index.tree.isFile(index.ksPath(ns, folder))) return undefined;
  const store = deployerOf(index, ns, folder, storeFile);
  if (!store) return undefined;
  let seen = 0;
  for (const appNs of index.namespaces()) {
    for (const app of index.apps(appNs)) {
      if (!index.tree.isFile(`${index.appDir(appNs, app)}/externalsecret.yaml`)) continue;
      if (
        dependsOn(index, appNs, app).some(
          (ref) => ref.name === store.name && ref.namespace === store.namespace,
        )
      )
        return store;
      if (++seen >= SAMPLE) return undefined;
    }
  }
  return undefined;
}

/** The Kustomization of an app folder whose `spec.path` holds the file (else the folder's own, or its only one). */
function deployerOf(
  index: FluxRepoIndex,
  ns: string,
  folder: string,
  file: string,
): KustomizationRef | undefined {
  const refs = kustomizationsOf(index, ns, folder);
  const deploying = refs
    .filter((ks) => ks.path && file.startsWith(`${ks.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  const found =
    deploying ??
    refs.find((ref) => ref.name === folder) ??
    (refs.length === 1 ? refs[0] : undefined);
  return found && { name: found.name, namespace: found.namespace };
}

/** The dependsOn entries of an app's Kustomization, with their namespaces filled in. */
function dependsOn(index: FluxRepoIndex, ns: string, app: string): KustomizationRef[] {
  const docs = kustomizationDocs(index, ns, app);
  const ks = docs.find((doc) => dig(doc, 'metadata', 'name') === app) ?? docs[0];
  const own = kustomizationNamespace(index, ns);
  return ((dig(ks, 'spec', 'dependsOn') ?? []) as unknown[]).flatMap((entry) => {
    const name = dig(entry, 'name');
    const namespace = dig(entry, 'namespace');
    return typeof name === 'string'
      ? [{ name, namespace: typeof namespace === 'string' ? namespace : own }]
      : [];
  });
}
