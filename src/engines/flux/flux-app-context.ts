import type { RepoContext } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import { FluxModel, type FluxCluster } from '../../repo/flux-model.ts';
import type { Group } from '../../repo/graph/flux-graph.ts';
import { SecretsContext } from '../../secrets/secrets-context.ts';
import type { OnePasswordStore } from '../../secrets/secret-stores.ts';
import { inFolder } from '../../tree/in-folder.ts';
import { examplesFor, type AppExample } from './examples.ts';
import { flatApps, flatExample, isFlat } from './flat-apps.ts';
import { learnFolderConventions, type FolderConventions } from './folder-conventions.ts';

/** Where a new app goes: its cluster and group (existing, or a new namespace folder). */
export interface Placement {
  cluster: FluxCluster;
  /** The group the app is registered in; undefined for a namespace folder still to be made. */
  group: Group | undefined;
  /** The app itself, never one of its own examples (a second run must write what the first did). */
  app?: { name: string; namespace: string } | undefined;
}

/**
 * What the Flux generators know about a repo, learned from its own Flux objects when first
 * needed: clusters, groups and apps (the graph), and by counting over the apps, how a new app is
 * written (examples, folder conventions, gateways, chart versions).
 */
export class FluxAppContext {
  readonly model: FluxModel;
  private readonly learned = new Map<
    string,
    { examples: AppExample[]; conventions: FolderConventions }
  >();
  private readonly exampleCache = new Map<string, AppExample[]>();
  private secretsContext: SecretsContext | undefined;
  private readonly flatness = new Map<FluxCluster, boolean>();

  constructor(readonly repo: RepoContext) {
    this.model = new FluxModel(repo.tree);
    if (!this.model.isFlux) {
      throw new HomeopsError(
        'LAYOUT',
        `no Flux Kustomization (kustomize.toolkit.fluxcd.io) found in ${repo.tree.root}`,
        {
          fix: 'run it in a Flux repo, or pass --dest with the path of one',
        },
      );
    }
  }

  clusterNames(): string[] {
    return this.model.clusters().flatMap((c) => (c.name ? [c.name] : []));
  }

  /** The cluster of this name, or the only one; several and none named is an error. */
  cluster(name: string | undefined): FluxCluster {
    const clusters = this.model.clusters();
    const found =
      name === undefined
        ? clusters.length === 1
          ? clusters[0]
          : undefined
        : this.model.cluster(name);
    if (found) return found;
    throw new HomeopsError(
      'INVALID_INPUT',
      name === undefined ? 'this repo has several clusters' : `no cluster "${name}" in this repo`,
      {
        field: 'cluster',
        fix: `pass --cluster=<one of: ${this.clusterNames().join(', ')}>`,
      },
    );
  }

  /** Whether the repo's groups are namespace folders (else layers the user picks with --group). */
  groupsAreNamespaces(cluster: FluxCluster): boolean {
    return this.flat(cluster) || this.model.groupsAreNamespaces(cluster);
  }

  /** Whether the cluster's apps are loose folders of manifests (a flat repo), memoized. */
  flat(cluster: FluxCluster): boolean {
    let found = this.flatness.get(cluster);
    if (found === undefined) this.flatness.set(cluster, (found = isFlat(this.model, cluster)));
    return found;
  }

  /** The namespaces that have a folder (a group that sets `namespace:`), in the cluster. */
  namespaces(cluster: FluxCluster): string[] {
    if (this.flat(cluster)) {
      const root = cluster.roots[0]?.path ?? '';
      const folders = this.repo.tree.subfolders(root);
      return folders.filter((f) => flatApps(this.model, cluster).some((a) => a.namespace === f));
    }
    return [
      ...new Set(
        this.model.groups(cluster).flatMap((g) => {
          const ns = this.model.groupNamespace(g);
          return ns ? [ns] : [];
        }),
      ),
    ].sort();
  }

  /** Whether the namespace has a folder in the cluster (reads the folder named after it first). */
  hasNamespace(cluster: FluxCluster, namespace: string): boolean {
    if (this.flat(cluster)) return this.namespaces(cluster).includes(namespace);
    return this.model.groupOfNamespace(cluster, namespace) !== undefined;
  }

  /** The layers (groups that are not namespace folders) of the cluster, by folder name. */
  groupNames(cluster: FluxCluster): string[] {
    return this.model
      .groups(cluster)
      .filter((g) => this.model.registersApps(g) && this.model.groupNamespace(g) === undefined)
      .map((g) => this.model.groupName(g));
  }

  /** The group an app of this namespace (or layer) goes to in the cluster, if it exists. */
  place(
    cluster: FluxCluster,
    namespace: string,
    group: string | undefined,
    name?: string,
  ): Placement {
    const root = cluster.roots[0];
    if (this.flat(cluster) && root?.path !== undefined) {
      // a flat repo has no groups: the root's own folder takes the app in
      const unit = this.model.graph.unit(root.path);
      return {
        cluster,
        group: { root, dir: unit.dir, unit, registration: undefined },
        app: name === undefined ? undefined : { name, namespace },
      };
    }
    const groups = this.model.groups(cluster);
    const app = name === undefined ? undefined : { name, namespace };
    if (!this.groupsAreNamespaces(cluster)) {
      const named = groups.filter(
        (g) => this.model.groupNamespace(g) === undefined && this.model.registersApps(g),
      );
      const found =
        group === undefined
          ? named.length === 1
            ? named[0]
            : undefined
          : named.find((g) => this.model.groupName(g) === group);
      return { cluster, group: found ?? (groups.length === 1 ? groups[0] : undefined), app };
    }
    return { cluster, group: this.model.groupOfNamespace(cluster, namespace), app };
  }

  /** The apps a new app is learned from and what they do, for its placement (memoized). */
  learn(
    placement: Placement,
    chartUrl: string | undefined,
  ): { examples: AppExample[]; conventions: FolderConventions } {
    const examples = this.examples(placement);
    const key = `${this.placementKey(placement)}\n${chartUrl ?? ''}`;
    let found = this.learned.get(key);
    if (!found) {
      const learned = learnFolderConventions(examples, chartUrl, this.repo.tree);
      const pins = this.repo.config.conventions;
      found = {
        examples,
        conventions: {
          ...learned,
          routeIn: pins.routeIn ?? learned.routeIn,
          storage:
            pins.storageIn === 'file'
              ? { kind: 'file', claimName: '⟪app⟫' }
              : pins.storageIn === 'values'
                ? { kind: 'values' }
                : learned.storage,
        },
      };
      this.learned.set(key, found);
    }
    return found;
  }

  private placementKey({ cluster, group, app }: Placement): string {
    return `${cluster.name ?? ''}\n${group?.dir ?? ''}\n${app?.namespace}/${app?.name}`;
  }

  /** The sibling apps a new app at this placement is learned from (memoized: read once a run). */
  private examples(placement: Placement): AppExample[] {
    const key = this.placementKey(placement);
    let found = this.exampleCache.get(key);
    if (!found) {
      const app = placement.app;
      const all = this.flat(placement.cluster)
        ? flatApps(this.model, placement.cluster).map((a) =>
            flatExample(this.model, a, app?.namespace),
          )
        : examplesFor(
            this.model,
            placement.cluster,
            placement.group,
            undefined,
            (a) =>
              !!app &&
              a.ks.name === app.name &&
              (a.namespace === undefined || a.namespace === app.namespace),
          );
      found = all.filter(
        (e) => !(app && e.app.ks.name === app.name && e.vocab.ns === app.namespace),
      );
      this.exampleCache.set(key, found);
    }
    return found;
  }

  /**
   * The 1Password stores an app of this cluster can use: every store but those in another
   * cluster's own trees (a store in kubernetes/main/ is not on the edge cluster).
   */
  storesOf(cluster: FluxCluster): OnePasswordStore[] {
    const all = this.secrets.stores();
    const clusters = this.model.clusters();
    if (clusters.length < 2) return all;
    const under = (c: FluxCluster, file: string) =>
      c.roots.some((r) => r.path !== undefined && inFolder(file, r.path));
    return all.filter(
      (s) => under(cluster, s.file) || !clusters.some((c) => c !== cluster && under(c, s.file)),
    );
  }

  /** Where storesOf looks, in words: `cluster edge`, or `this repo`. */
  storesScope(cluster: FluxCluster): string {
    return cluster.name !== undefined && this.model.clusters().length > 1
      ? `cluster ${cluster.name}`
      : 'this repo';
  }

  /** The repo's 1Password stores and a 1Password lookup, made on first use. */
  get secrets(): SecretsContext {
    // the roots' trees, and app folders outside them (apps/base/... deployed by per-cluster entries)
    const dirs = () => {
      const trees = [
        ...new Set(this.model.graph.roots.flatMap((r) => (r.path === undefined ? [] : [r.path]))),
      ];
      const inTree = (d: string) => trees.some((t) => inFolder(d, t));
      // the apps are read for their folders only when a store file lies outside the trees
      const stray = this.repo.tree
        .yamlFilesMentioning([''], 'ClusterSecretStore')
        .some((f) => !inTree(f));
      if (!stray) return trees;
      const outside = this.model
        .clusters()
        .flatMap((c) => this.model.groups(c))
        .flatMap((g) => this.model.apps(g))
        .flatMap((a) => (a.ks.path !== undefined && !inTree(a.ks.path) ? [a.ks.path] : []));
      return [...trees, ...new Set(outside)];
    };
    return (this.secretsContext ??= new SecretsContext(this.repo, dirs));
  }
}
