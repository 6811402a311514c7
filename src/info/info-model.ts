/**
 * What `homeops info` tells about a repo: one model, rendered as text for a person and as JSON
 * for tools (the keys are stable; README "Learn a repo: homeops info" documents them). Every
 * value is what the generators learn from the repo; null where the repo does not say.
 */

export type EngineId = 'flux' | 'argocd';

export interface InfoModel {
  /** The repo root, absolute. */
  root: string;
  /** The GitOps engine(s) that deploy the repo's apps; `both` when it has Flux and Argo CD objects. */
  engine: EngineId | 'both' | 'none';
  engines: EngineInfo[];
  talos: TalosInfo;
  /** The exact commands that add each thing here. */
  commands: CommandInfo[];
  /** Things a contributor should know (a layout homeops cannot write to yet, a pin to set). */
  notes: string[];
}

export interface EngineInfo {
  engine: EngineId;
  /** The homeops layout the generators use (`flux`, `clustertool`, ...); null where none fits yet. */
  layout: string | null;
  /** One line: what shape the repo takes. */
  shape: string;
  clusters: ClusterInfo[];
  apps: AppsInfo | null;
  /** Namespaces an app can go to (`--namespace`). */
  namespaces: string[];
  chartSources: ChartSourceInfo[];
  gateways: GatewaysInfo;
  /** The hostname form new routes get (`<app>.${SECRET_DOMAIN}`), or the domain. */
  hostname: string | null;
  storage: StorageInfo;
  secrets: SecretsInfo;
}

export interface ClusterInfo {
  /** null in a repo of one cluster. */
  name: string | null;
  /** What deploys it: the root Kustomizations, the app of apps, the ApplicationSets. */
  roots: RootInfo[];
  groups: GroupInfo[];
}

export interface RootInfo {
  kind: string;
  name: string;
  file: string;
  /** The folder(s) it reads, repo-relative. */
  paths: string[];
}

/** A folder below a root that holds apps: a namespace folder, a ClusterTool layer, an Argo CD group. */
export interface GroupInfo {
  name: string;
  dir: string;
  /** The namespace its kustomization sets, if any. */
  namespace: string | null;
  /** The file that lists its apps (where a new one is registered), null where nothing lists them. */
  listedIn: string | null;
  apps: string[];
  /** The namespaces its apps run in (a layer holds apps of many). */
  appNamespaces: string[];
}

export interface AppsInfo {
  count: number;
  /** The entry file of an app, relative to its group folder (`<app>/ks.yaml`). */
  entryFile: string | null;
  /** An app's folder, repo-relative (`kubernetes/apps/<namespace>/<app>/app`). */
  appDir: string | null;
  registration: RegistrationInfo;
  /** File names by role (`helmrelease: helmrelease.yaml`). */
  files: Record<string, string>;
  /** Where a new app's chart comes from, as its siblings do it. */
  chartSource: string | null;
  /**
   * The namespace a new app gets without `--namespace`, in placeholders (`<app>`, `<group>`) or
   * a fixed name; null where it must be given. Absent where the engine does not tell.
   */
  defaultNamespace?: string | null;
  /** The app the printed `homeops secret` command names: one with no secret yet, where one is. */
  secretSample?: string | null;
  /**
   * Where the apps are written in a language homeops does not write (KCL, a config-management
   * plugin's): what, the sources that tell, and a sibling folder to follow. Absent for YAML apps.
   */
  writtenIn?: {
    language: string;
    files: string[];
    sample: string;
    appDir: string;
    appSet: string;
  } | null;
}

export interface RegistrationInfo {
  /** How a new app is registered. */
  how: 'list' | 'none';
  /** The line added to the list (`./<app>/ks.yaml`). */
  line: string | null;
  /** Where the list is (`kubernetes/apps/<namespace>/kustomization.yaml`). */
  file: string | null;
  /** sorted: in sorted place; appended: after the last app (the list is not sorted). */
  order: 'sorted' | 'appended' | null;
  /** What picks a new app up without a list (a root that recurses, an ApplicationSet). */
  pickedUpBy: string | null;
}

export interface ChartSourceInfo {
  kind: string;
  name: string;
  namespace: string | null;
  url: string;
  version: string | null;
  file: string;
  /** shared (a tree of its own), component (every namespace gets it), per-app, repository. */
  where: string;
}

export interface GatewayInfo {
  name: string;
  namespace: string | null;
  sectionName: string | null;
}

export interface GatewaysInfo {
  /** What the apps' ways in are: Gateways (HTTPRoutes), ingress classes, or Traefik entry points (IngressRoutes). */
  kind: 'gateway' | 'ingress-class' | 'entry-points';
  internal: GatewayInfo | null;
  external: GatewayInfo | null;
  all: GatewayInfo[];
}

export interface StorageInfo {
  /** StorageClasses the apps' claims name, most used first. */
  classes: string[];
  /** Where an app's claim is written: in the chart values, a file, or by a backup component. */
  claims: 'values' | 'file' | 'component' | null;
  backupComponent: { components: string[]; capacityVar: string | null; claimName: string } | null;
}

export interface SecretsInfo {
  stores: SecretStoreInfo[];
  /** How secrets reach apps where there is no ExternalSecret store (1Password operator, SOPS). */
  other: string | null;
  /** Where apps take their secrets from 1Password operator OnePasswordItems: the vault they read. */
  onePasswordItems: { vault: string | null } | null;
}

export interface SecretStoreInfo {
  name: string;
  /** connect (1Password Connect) or sdk (service account). */
  provider: string;
  vaults: string[];
  file: string;
}

export interface TalosInfo {
  clusters: TalosClusterInfo[];
  /** Talos kept where homeops does not edit it (Omni, OpenTofu/Terraform). */
  elsewhere: { what: string; where: string }[];
  /** Why there is nothing homeops edits, when so. */
  message: string | null;
}

export interface TalosClusterInfo {
  name: string;
  tool: string;
  /** What the tool is, in words. */
  title: string;
  /** The file or folder that defines the nodes. */
  where: string;
  talosVersion: string | null;
  nodes: TalosNodeInfo[];
  /** The nodes' network (CIDR), where they have static addresses. */
  subnet: string | null;
  /** The next address a new node can take (checked as `homeops node` checks it). */
  freeAddress: string | null;
  /** Where patches go, as the tool keeps them. */
  patches: string | null;
}

export interface TalosNodeInfo {
  hostname: string;
  ip: string | null;
  role: 'controlplane' | 'worker';
}

export interface CommandInfo {
  what: string;
  command: string;
  /** In a repo with both engines, the one the command writes for (it needs that pin first). */
  engine?: EngineId;
}
