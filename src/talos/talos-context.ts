/**
 * What the Talos generators (node, patch) know about a repo: its Talos back ends (one per
 * cluster, whatever tool each uses), the chosen cluster's node facts, and the load-balancer
 * addresses its manifests name. Read from the repo's files only (never its apps layout), each
 * once, when first needed.
 */
import type { RepoContext } from '../engine/generator.ts';
import { HomeopsError } from '../errors.ts';
import type { Answers } from '../inputs/input-spec.ts';
import type { TalosBackend } from './backend.ts';
import { scanLoadBalancers } from './load-balancer-ips.ts';
import type { LoadBalancerAddress, LoadBalancerFacts } from './load-balancer-ips.ts';
import { inRange, parseIpv4, parseIpv4Range } from './net.ts';
import { openTalos } from './open-talos.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';

interface ClusterState {
  backend: TalosBackend;
  loadBalancers?: LoadBalancerFacts;
  nodeFacts?: TalconfigFacts;
}

export class TalosContext {
  private readonly states: ClusterState[];

  constructor(readonly repo: RepoContext) {
    this.states = openTalos(repo.tree, repo.config.talos).map((backend) => ({ backend }));
  }

  /** The clusters' names, as `--cluster` takes them. */
  clusters(): string[] {
    return this.states.map((s) => s.backend.cluster);
  }

  /** Whether the answers say which cluster (or the repo has one): the other inputs can be checked. */
  known(answers: Answers): boolean {
    const name = answers['cluster'];
    return this.states.length === 1 || this.states.some((s) => s.backend.cluster === name);
  }

  /** The back end of the cluster the answers chose (or of the only cluster). */
  backend(answers: Answers): TalosBackend {
    return this.state(answers).backend;
  }

  /** The chosen cluster's node facts, with its load-balancer pools among the ranges nodes must stay out of. */
  nodeFacts(answers: Answers): TalconfigFacts {
    const state = this.state(answers);
    return (state.nodeFacts ??= this.withPools(state));
  }

  /**
   * The facts without the node named `hostname` (and its address variable): running again for a
   * node that exists compares it with the inputs instead of refusing its own address and MAC.
   */
  factsWithout(answers: Answers, hostname: unknown): TalconfigFacts {
    const facts = this.nodeFacts(answers);
    if (typeof hostname !== 'string' || hostname.trim() === '') return facts;
    const h = hostname.trim();
    const own = this.backend(answers).varsOf(h);
    return {
      ...facts,
      nodes: facts.nodes.filter((n) => n.hostname !== h && n.hostnameResolved !== h),
      reservedIps: facts.reservedIps.filter((r) => !own.includes(r.name)),
    };
  }

  /** Node hostnames, as patch targets. */
  nodeNames(answers: Answers): string[] {
    return this.backend(answers)
      .facts()
      .nodes.map((n) => n.hostnameResolved);
  }

  /** The load-balancer address a manifest pins to `ip`, if any. */
  loadBalancerAddress(answers: Answers, ip: string): LoadBalancerAddress | undefined {
    return this.scanned(this.state(answers)).addresses.find((a) => a.ip === ip.trim());
  }

  private state(answers: Answers): ClusterState {
    const name = answers['cluster'];
    const chosen =
      typeof name === 'string' ? this.states.find((s) => s.backend.cluster === name) : undefined;
    const only = this.states.length === 1 ? this.states[0] : undefined;
    const state = chosen ?? only;
    if (state) return state;
    throw new HomeopsError(
      'MISSING_INPUT',
      typeof name === 'string'
        ? `no cluster "${name}" in this repo`
        : 'the repo has several clusters: say which one',
      { field: 'cluster', fix: `pass --cluster=<${this.clusters().join(' | ')}>` },
    );
  }

  private scanned(state: ClusterState): LoadBalancerFacts {
    const { backend } = state;
    return (state.loadBalancers ??= scanLoadBalancers(
      this.repo.tree,
      {
        skipDirs: this.states.flatMap((s) => s.backend.dirs),
        otherClusters: this.clusters().filter(
          (c) => c !== backend.cluster && this.states.length > 1,
        ),
      },
      backend.vars(),
    ));
  }

  /**
   * Pools become ranges node addresses must stay out of, except a pool that holds a node already
   * (cluster-template announces the whole node subnet and pins each address by annotation).
   */
  private withPools(state: ClusterState): TalconfigFacts {
    const facts = state.backend.facts();
    const nodeIps = facts.nodes
      .map((n) => (n.ipAddress === undefined ? undefined : parseIpv4(n.ipAddress)))
      .filter((ip): ip is number => ip !== undefined);
    const ranges = [...facts.loadBalancerRanges];
    for (const pool of this.scanned(state).pools) {
      const range = parseIpv4Range(pool.range);
      if (range && !nodeIps.some((ip) => inRange(ip, range)))
        ranges.push({ ...range, text: pool.range });
    }
    return { ...facts, loadBalancerRanges: ranges };
  }
}
