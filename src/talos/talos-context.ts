/**
 * What the Talos generators (node, patch) know about a repo: its Talos layout, its files (talhelper
 * or talosctl + mise), the nodes' facts and the load-balancer addresses its manifests name. Each
 * is read once, when first needed.
 */
import type { RepoContext } from '../engine/generator.ts';
import { HomeopsError } from '../errors.ts';
import type { TalosLayout } from '../layouts/layout.ts';
import { scanLoadBalancers } from './load-balancer-ips.ts';
import type { LoadBalancerAddress, LoadBalancerFacts } from './load-balancer-ips.ts';
import { readMiseRepo, nodeVarName } from './mise-repo.ts';
import type { MiseRepo } from './mise-repo.ts';
import { parseIpv4, parseIpv4Range, inRange } from './net.ts';
import type { Ipv4Range } from './net.ts';
import { readTalhelperRepo } from './talhelper-repo.ts';
import type { TalhelperRepo } from './talhelper-repo.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import type { TalosVersion } from './talos-version.ts';

export class TalosContext {
  readonly talos: TalosLayout;
  private talhelperRepo: TalhelperRepo | undefined;
  private miseRepo: MiseRepo | undefined;
  private loadBalancers: LoadBalancerFacts | undefined;
  private poolsAdded = false;

  constructor(readonly repo: RepoContext) {
    const { layout } = repo;
    if (!layout.talos) {
      throw new HomeopsError(
        'LAYOUT',
        `no Talos configuration in this repo: the ${layout.id} layout (${layout.title}) provisions its nodes elsewhere`,
        {
          fix: 'run it in a repo with talos/talconfig.yaml (talhelper), clusters/main/talos/talconfig.yaml (ClusterTool) or src/talos/patches + .mise.toml; or set "layout:" in .homeops.yaml if the detection is wrong',
        },
      );
    }
    this.talos = layout.talos;
  }

  get kind(): TalosLayout['kind'] {
    return this.talos.kind;
  }

  talhelper(): TalhelperRepo {
    if (this.talos.kind !== 'talhelper') throw new Error('not a talhelper layout');
    return (this.talhelperRepo ??= readTalhelperRepo(this.repo.tree, this.talos));
  }

  mise(): MiseRepo {
    if (this.talos.kind !== 'talosctl-mise') throw new Error('not a talosctl + mise layout');
    return (this.miseRepo ??= readMiseRepo(this.repo.tree, this.talos));
  }

  facts(): TalconfigFacts {
    return this.kind === 'talhelper' ? this.talhelper().facts : this.mise().facts;
  }

  /** The facts with the load-balancer pools of the manifests among the ranges nodes must stay out of. */
  nodeFacts(): TalconfigFacts {
    const facts = this.facts();
    if (!this.poolsAdded) {
      this.poolsAdded = true;
      this.addPools(facts);
    }
    return facts;
  }

  /**
   * The facts without the node named `hostname` (and its address variable): running again for a
   * node that exists compares it with the inputs instead of refusing its own address and MAC.
   */
  factsWithout(hostname: unknown): TalconfigFacts {
    const facts = this.nodeFacts();
    if (typeof hostname !== 'string' || hostname === '') return facts;
    const h = hostname.trim();
    return {
      ...facts,
      nodes: facts.nodes.filter((n) => n.hostname !== h && n.hostnameResolved !== h),
      reservedIps: facts.reservedIps.filter(
        (r) => !(this.kind === 'talosctl-mise' && r.name === nodeVarName(h)),
      ),
    };
  }

  /** Node hostnames, as patch targets. */
  nodeNames(): string[] {
    return this.kind === 'talhelper'
      ? this.talhelper().facts.nodes.map((n) => n.hostnameResolved)
      : this.mise().nodes.map((n) => n.name);
  }

  /** The load-balancer address a manifest pins to `ip`, if any. */
  loadBalancerAddress(ip: string): LoadBalancerAddress | undefined {
    return this.scanned().addresses.find((a) => a.ip === ip.trim());
  }

  /** The repo's Talos version; a LAYOUT error when the repo does not say. */
  talosVersion(): TalosVersion {
    if (this.kind === 'talhelper') {
      const { facts, file, envFile } = this.talhelper();
      if (facts.talosVersion?.version) return facts.talosVersion.version;
      const raw = facts.talosVersion?.raw;
      throw new HomeopsError(
        'LAYOUT',
        raw
          ? `talosVersion is "${raw}" in ${file} and ${envFile} gives it no value`
          : `${file} has no talosVersion`,
        {
          file,
          fix: `set talosVersion (e.g. v1.12.0) in ${file}${raw ? ` or ${envFile}` : ''}: patches are written for that version`,
        },
      );
    }
    const { version, miseFile, patchesDir } = this.mise();
    if (version) return version.version;
    throw new HomeopsError(
      'LAYOUT',
      `could not tell the Talos version: no talos tool in ${miseFile} [tools] and no installer image tag in ${patchesDir}`,
      {
        file: miseFile,
        fix: `add "aqua:siderolabs/talos" = "1.11.5" (your version) to [tools] in ${miseFile}: patches are written for that version`,
      },
    );
  }

  private scanned(): LoadBalancerFacts {
    const vars = this.kind === 'talhelper' ? this.talhelper().vars : this.mise().env;
    return (this.loadBalancers ??= scanLoadBalancers(this.repo.tree, this.repo.layout.id, vars));
  }

  /**
   * Pools become ranges node addresses must stay out of, except a pool that holds a node already
   * (cluster-template announces the whole node subnet and pins each address by annotation).
   */
  private addPools(facts: TalconfigFacts): void {
    const nodeIps = facts.nodes
      .map((n) => n.ipAddress)
      .filter((ip): ip is string => ip !== undefined)
      .map((ip) => parseIpv4(ip)!);
    for (const pool of this.scanned().pools) {
      const range = parseIpv4Range(pool.range);
      if (range && !nodeIps.some((ip) => inRange(ip, range)))
        facts.loadBalancerRanges.push({ ...range, text: pool.range } satisfies Ipv4Range);
    }
  }
}
