/**
 * Where an Argo CD repo keeps its Applications, their manifests and values. Data, not code: the
 * app-of-apps layout (seed 004) is one instance; the talosctl + mise Argo layout (seed 003) can
 * describe its own folders with the same shape and reuse the index, conventions and templates.
 */
export interface ArgocdPaths {
  /** One Application per file; the root app picks up every file here. */
  appsDir: string;
  /** `<manifestsDir>/<app>/` holds an app's plain manifests. */
  manifestsDir: string;
  /** `<valuesDir>/<app>.yaml` holds a Helm app's values (`$values/<valuesDir>/<app>.yaml`). */
  valuesDir: string;
  /** `<routesDir>/<app>-route.yaml`: HTTPRoute + ReferenceGrant, synced by the gateway app. */
  routesDir: string;
  /** The root Application (app of apps). */
  rootApp: string;
  /** The bootstrap script whose SECRETS=( ... ) table lists the Secrets read from 1Password. */
  secretsScript: string;
}

/** Seed 004 (TechDufus/home.io style). */
export const APP_OF_APPS_PATHS: ArgocdPaths = {
  appsDir: 'kubernetes/argocd/apps',
  manifestsDir: 'kubernetes/argocd/manifests',
  valuesDir: 'kubernetes/argocd/values',
  routesDir: 'kubernetes/argocd/manifests/gateway',
  rootApp: 'kubernetes/argocd/app-of-apps.yaml',
  secretsScript: 'kubernetes/bootstrap/setup-secrets.sh',
};
