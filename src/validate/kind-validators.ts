/**
 * Offline schema validators (kubernetes-models, precompiled ajv) by apiVersion and kind. Each is
 * imported only when a document of its kind is written.
 */
export interface KindModel {
  validate(): void;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ModelClass = new (data: any) => KindModel;

const loaders: Record<string, () => Promise<ModelClass>> = {
  'kustomize.toolkit.fluxcd.io/v1/Kustomization': async () =>
    (await import('@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization'))
      .Kustomization,
  'helm.toolkit.fluxcd.io/v2/HelmRelease': async () =>
    (await import('@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease')).HelmRelease,
  'source.toolkit.fluxcd.io/v1/OCIRepository': async () =>
    (await import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository'))
      .OCIRepository,
  'source.toolkit.fluxcd.io/v1/HelmRepository': async () =>
    (await import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository'))
      .HelmRepository,
  'source.toolkit.fluxcd.io/v1/GitRepository': async () =>
    (await import('@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository'))
      .GitRepository,
  'gateway.networking.k8s.io/v1/HTTPRoute': async () =>
    (await import('@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute'))
      .HTTPRoute,
  'gateway.networking.k8s.io/v1beta1/ReferenceGrant': async () =>
    (
      await import('@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/ReferenceGrant')
    ).ReferenceGrant,
  'external-secrets.io/v1/ExternalSecret': async () =>
    (await import('@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret'))
      .ExternalSecret,
  'argoproj.io/v1alpha1/Application': async () =>
    (await import('@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application')).Application,
  'v1/Namespace': async () => (await import('kubernetes-models/v1/Namespace')).Namespace,
  'v1/PersistentVolumeClaim': async () =>
    (await import('kubernetes-models/v1/PersistentVolumeClaim')).PersistentVolumeClaim,
  'v1/Service': async () => (await import('kubernetes-models/v1/Service')).Service,
  'v1/ConfigMap': async () => (await import('kubernetes-models/v1/ConfigMap')).ConfigMap,
  'apps/v1/Deployment': async () =>
    (await import('kubernetes-models/apps/v1/Deployment')).Deployment,
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
