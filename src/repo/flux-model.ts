import { posix } from 'node:path';
import type { RepoTree } from '../tree/repo-tree.ts';
import { clusterNames } from './graph/clusters.ts';
import { FluxGraph, type FluxApp, type FluxKs, type Group } from './graph/flux-graph.ts';
import { ObjectReader } from './graph/objects.ts';

/** How many groups with apps tell whether groups are namespace folders. */
const NAMESPACE_SAMPLE = 3;

/** One cluster of a Flux repo: the roots whose trees deploy its apps. */
export interface FluxCluster {
  /** Undefined in a repo of one cluster. */
  name: string | undefined;
  roots: FluxKs[];
}

/**
 * A Flux repo as homeops reads it: clusters, the groups (namespace folders, or ClusterTool-style
 * layers) of each, and their apps; read from the repo's own Flux Kustomizations, lazily.
 */
export class FluxModel {
  readonly reader: ObjectReader;
  readonly graph: FluxGraph;
  private clusterList: FluxCluster[] | undefined;
  private readonly namespaceGroups = new Map<FluxCluster, boolean>();

  constructor(readonly tree: RepoTree) {
    this.reader = new ObjectReader(tree);
    this.graph = new FluxGraph(this.reader);
  }

  /** Whether the repo has Flux Kustomizations at all. */
  get isFlux(): boolean {
    return this.graph.roots.length > 0;
  }

  clusters(): FluxCluster[] {
    if (this.clusterList) return this.clusterList;
    const appRoots = this.graph.roots.filter((r) =>
      this.graph.groups(r).some((g) => this.graph.registersApps(g)),
    );
    const roots = appRoots.length ? appRoots : this.graph.roots;
    const names = clusterNames(roots.map((r) => r.object.file));
    const byName = new Map<string | undefined, FluxKs[]>();
    for (const r of roots) {
      const name = names.get(r.object.file);
      byName.set(name, [...(byName.get(name) ?? []), r]);
    }
    this.clusterList = [...byName].map(([name, rs]) => ({ name, roots: rs }));
    return this.clusterList;
  }

  cluster(name: string | undefined): FluxCluster | undefined {
    return this.clusters().find((c) => c.name === name);
  }

  groups(cluster: FluxCluster): Group[] {
    return cluster.roots.flatMap((r) => this.graph.groups(r));
  }

  apps(group: Group): FluxApp[] {
    return this.graph.apps(group);
  }

  registersApps(group: Group): boolean {
    return this.graph.registersApps(group);
  }

  /** The namespace a group's folder stands for (see FluxGraph.folderNamespace); none for a layer. */
  groupNamespace(group: Group): string | undefined {
    return this.graph.folderNamespace(group);
  }

  /** The group's folder name: a namespace folder's is its namespace; a layer's, the layer. */
  groupName(group: Group): string {
    return posix.basename(group.dir);
  }

  /**
   * Whether the repo's groups are namespace folders (their kustomization sets `namespace:`): the
   * majority of the first groups that hold apps tells, as a repo keeps to one way.
   */
  groupsAreNamespaces(cluster: FluxCluster): boolean {
    let memo = this.namespaceGroups.get(cluster);
    if (memo === undefined) {
      const sample: Group[] = [];
      for (const g of this.groups(cluster)) {
        if (sample.length === NAMESPACE_SAMPLE) break;
        if (this.registersApps(g)) sample.push(g);
      }
      const named = sample.filter((g) => this.groupNamespace(g) !== undefined);
      memo = named.length * 2 >= sample.length;
      this.namespaceGroups.set(cluster, memo);
    }
    return memo;
  }

  /**
   * The cluster's group that sets this namespace: the folder named after it is read first, the
   * others only when it is not that one.
   */
  groupOfNamespace(cluster: FluxCluster, namespace: string): Group | undefined {
    const groups = this.groups(cluster);
    const named = groups.find(
      (g) => posix.basename(g.dir) === namespace && this.groupNamespace(g) === namespace,
    );
    return named ?? groups.find((g) => this.groupNamespace(g) === namespace);
  }
}
