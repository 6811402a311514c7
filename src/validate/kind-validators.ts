/**
 * Offline schema validators (kubernetes-models, precompiled ajv) by apiVersion and kind. Each is
 * imported only when a document of its kind is written. They are vendored (vendor/kubernetes-models,
 * made by scripts/vendor-validators.mjs): the packages declare engines >=22, homeops runs on 20 too.
 */
export interface KindModel {
  validate(): void;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ModelClass = new (data: any) => KindModel;

const loaders: Record<string, () => Promise<ModelClass>> = {
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': async () =>
    (await import('../../vendor/kubernetes-models/Kustomization.mjs')).Model,
  'helm.toolkit.fluxcd.io/v2/HelmRelease': async () =>
    (await import('../../vendor/kubernetes-models/HelmRelease.mjs')).Model,
  'source.toolkit.fluxcd.io/v1/OCIRepository': async () =>
    (await import('../../vendor/kubernetes-models/OCIRepository.mjs')).Model,
  'source.toolkit.fluxcd.io/v1/HelmRepository': async () =>
    (await import('../../vendor/kubernetes-models/HelmRepository.mjs')).Model,
  'source.toolkit.fluxcd.io/v1/GitRepository': async () =>
    (await import('../../vendor/kubernetes-models/GitRepository.mjs')).Model,
  'gateway.networking.k8s.io/v1/HTTPRoute': async () =>
    (await import('../../vendor/kubernetes-models/HTTPRoute.mjs')).Model,
  'gateway.networking.k8s.io/v1beta1/ReferenceGrant': async () =>
    (await import('../../vendor/kubernetes-models/ReferenceGrant.mjs')).Model,
  'external-secrets.io/v1/ExternalSecret': async () =>
    (await import('../../vendor/kubernetes-models/ExternalSecret.mjs')).Model,
  'argoproj.io/v1alpha1/Application': async () =>
    (await import('../../vendor/kubernetes-models/Application.mjs')).Model,
  'v1/Namespace': async () => (await import('../../vendor/kubernetes-models/Namespace.mjs')).Model,
  'v1/PersistentVolumeClaim': async () =>
    (await import('../../vendor/kubernetes-models/PersistentVolumeClaim.mjs')).Model,
  'v1/Service': async () => (await import('../../vendor/kubernetes-models/Service.mjs')).Model,
  'v1/ConfigMap': async () => (await import('../../vendor/kubernetes-models/ConfigMap.mjs')).Model,
  'apps/v1/Deployment': async () =>
    (await import('../../vendor/kubernetes-models/Deployment.mjs')).Model,
};

const loading = new Map<string, Promise<ModelClass | undefined>>();

/** The validator class for a document, or undefined when the kind has no offline schema here. */
export function validatorFor(apiVersion: string, kind: string): Promise<ModelClass | undefined> {
  return load(`${apiVersion}/${kind}`);
}

/**
 * Start loading the validators of these kinds (`apiVersion/kind`) now, in the background: a run
 * that will write them gets them loaded while it does other things (or waits for something).
 */
export function preloadValidators(kinds: readonly string[]): void {
  for (const kind of kinds) load(kind).catch(() => undefined); // a failure shows when it is used
}

function load(key: string): Promise<ModelClass | undefined> {
  let found = loading.get(key);
  if (!found) {
    found = loaders[key]?.() ?? Promise.resolve(undefined);
    found.catch(() => loading.delete(key)); // a failed load is tried again when next asked
    loading.set(key, found);
  }
  return found;
}
