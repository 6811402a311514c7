import type { ImageRef } from '../inputs/checks.ts';

/** How an app is reached: not at all, through the internal gateway, or from the internet. */
export type RouteKind = 'none' | 'internal' | 'external';

/** The chart an app installs, as the user named it. */
export type ChartRef =
  /** An OCI chart: `oci://ghcr.io/bjw-s-labs/helm/app-template`. */
  | { kind: 'oci'; url: string }
  /** A chart of a Helm repository: the repository (an existing source's name, or its URL) and the chart. */
  | { kind: 'helm'; repository: string; chart: string }
  /** An existing chart source of the repo, by name (`app-template`). */
  | { kind: 'source'; name: string }
  /** No chart: plain manifests (Argo CD repos). */
  | { kind: 'none' };

/** The 1Password inputs of an app's secret (see generators/secret). */
export interface SecretSpec {
  store: string | undefined;
  vault: string | undefined;
  item: string;
  fields: string[];
  keys: string[];
  source: string | undefined;
}

/**
 * What the user asks for when they add an app, whatever the repo's shape: one model, normalised
 * once from the inputs, that each GitOps engine renders into the repo's own files.
 */
export interface AppSpec {
  name: string;
  namespace: string;
  /** Create the namespace when it does not exist yet. */
  createNamespace: boolean;
  /** The clusters it goes to (several where clusters share app folders); empty: the only one. */
  clusters: string[];
  /** The folder level between the root and the app where the repo has one (a layer, a category). */
  group: string | undefined;
  chart: ChartRef;
  chartVersion: string | undefined;
  /** The container, for the app-template chart and plain manifests. */
  image: ImageRef | undefined;
  port: number | undefined;
  healthPath: string | undefined;
  route: { kind: RouteKind; hostname: string | undefined };
  storage: { size: string; storageClass: string | undefined; mountPath: string } | undefined;
  dependsOn: string[];
  secret: SecretSpec | undefined;
}
