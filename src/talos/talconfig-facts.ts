/**
 * What a talhelper talconfig.yaml already says: versions, endpoint, nodes and the network they
 * share. `${VAR}` values are resolved from talenv.yaml / clusterenv.yaml when given, else kept.
 */
import { isMap, isSeq, visit } from 'yaml';
import type { Document, Node, YAMLMap } from 'yaml';
import { mostCommon } from '../repo/most-common.ts';
import { formatIpv4, networkAddress, parseCidr, parseIpv4, parseIpv4Range } from './net.ts';
import type { Cidr, Ipv4Range } from './net.ts';
import { readNode, scalarText } from './talconfig-node.ts';
import type { NodeFacts } from './talconfig-node.ts';
import { parseTalosVersion } from './talos-version.ts';
import type { TalosVersion } from './talos-version.ts';
import { parseEnvFile, placeholderNames, resolvePlaceholders } from './vars.ts';
import type { Vars } from './vars.ts';

export type { NodeFacts } from './talconfig-node.ts';

export interface TalconfigFactsOptions {
  /** talenv.yaml text (talhelper fills `${talosVersion}` etc. from it). */
  talenv?: string;
  talenvFile?: string;
  /** clusterenv.yaml keys (ClusterTool); they win over talenv. */
  vars?: Vars;
  /** Load-balancer pools (`a-b` or CIDR) that node IPs must stay out of. */
  loadBalancerRanges?: readonly string[];
}

export interface TalconfigFacts {
  clusterName?: string;
  /** `raw` as written; `version` when it resolves to a version. */
  talosVersion?: { raw: string; resolved?: string; version?: TalosVersion };
  endpoint?: { raw: string; host?: string };
  /** The control planes' shared VIP (resolved), if any node declares one. */
  vip?: string;
  nodes: NodeFacts[];
  /** Networks of the nodes' static addresses, most used first (ip = network address). */
  subnets: Cidr[];
  /** Most used default-route gateway (resolved). */
  gateway?: string;
  /** Most used interface MTU. */
  mtu?: number;
  /** How nodes pick their installer image; `talosImageURL` is the most used value as written. */
  image: { style: 'talosImageURL' | 'schematic' | 'mixed' | 'none'; talosImageURL?: string };
  /** True when some node has its own patch folder (`@./patches/<hostname>/...`). */
  perNodePatches: boolean;
  /** Patch lists by scope, as written. */
  patchRefs: { global: string[]; controlPlane: string[]; worker: string[] };
  /** Every `${VAR}` name used, and those without a value. */
  placeholders: string[];
  unresolved: string[];
  /** Variables used for resolution (talenv + vars). */
  vars: Vars;
  /** IPv4 values of the vars (VIP, GATEWAY, LB IPs...), by name: a new node must not take them. */
  reservedIps: { name: string; ip: string }[];
  loadBalancerRanges: Ipv4Range[];
}

/** Values by count, most frequent first (first seen wins ties); the first is `mostCommon(values)`. */
export function mostUsed<T>(values: readonly T[]): T[] {
  const counts = new Map<T, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([v]) => v);
}

function stringList(node: unknown): string[] {
  return isSeq(node)
    ? node.items.map((i) => scalarText(i)).filter((s): s is string => s !== undefined)
    : [];
}

export function readTalconfigFacts(
  doc: Document,
  options: TalconfigFactsOptions = {},
): TalconfigFacts {
  const vars: Vars = {
    ...(options.talenv ? parseEnvFile(options.talenv, options.talenvFile) : {}),
    ...options.vars,
  };
  const resolve = (s: string | undefined): string | undefined =>
    s === undefined ? undefined : resolvePlaceholders(s, vars);
  const root = isMap(doc.contents) ? (doc.contents as YAMLMap<unknown, unknown>) : undefined;
  const top = (key: string): string | undefined => scalarText(root?.get(key, true));

  const names: string[] = [];
  visit(doc, {
    Scalar(_k, s) {
      if (typeof s.value === 'string') names.push(...placeholderNames(s.value));
    },
  });
  const placeholders = [...new Set(names)];

  const facts: TalconfigFacts = {
    nodes: [],
    subnets: [],
    image: { style: 'none' },
    perNodePatches: false,
    patchRefs: {
      global: stringList(root?.get('patches', true)),
      controlPlane: stringList(doc.getIn(['controlPlane', 'patches'], true)),
      worker: stringList(doc.getIn(['worker', 'patches'], true)),
    },
    placeholders,
    unresolved: placeholders.filter((n) => !Object.hasOwn(vars, n)),
    vars,
    reservedIps: Object.entries(vars)
      .filter(([, v]) => parseIpv4(v) !== undefined)
      .map(([name, ip]) => ({ name, ip })),
    loadBalancerRanges: [
      ...(options.loadBalancerRanges ?? []),
      ...(vars['METALLB_RANGE'] ? [vars['METALLB_RANGE']] : []),
    ]
      .map((r) => parseIpv4Range(r))
      .filter((r): r is Ipv4Range => r !== undefined),
  };
  const clusterName = top('clusterName');
  if (clusterName !== undefined) facts.clusterName = resolve(clusterName) ?? clusterName;

  const tv = top('talosVersion');
  if (tv !== undefined) {
    const resolved = resolve(tv);
    const version = resolved === undefined ? undefined : parseTalosVersion(resolved);
    facts.talosVersion = {
      raw: tv,
      ...(resolved !== undefined && { resolved }),
      ...(version && { version }),
    };
  }
  const ep = top('endpoint');
  if (ep !== undefined) {
    let host: string | undefined;
    try {
      host = new URL(resolve(ep) ?? '').hostname || undefined;
    } catch {
      host = undefined;
    }
    facts.endpoint = { raw: ep, ...(host !== undefined && { host }) };
  }

  const nodes = root?.get('nodes', true);
  if (isSeq(nodes)) {
    nodes.items.forEach((item, index) => {
      if (isMap(item))
        facts.nodes.push(readNode(item as YAMLMap<unknown, unknown> & Node, index, vars));
    });
  }
  const all = facts.nodes;
  const cidrs = all
    .flatMap((n) => n.addresses)
    .map((a) => parseCidr(a))
    .filter((c): c is Cidr => c !== undefined);
  const networks = mostUsed(cidrs.map((c) => `${formatIpv4(networkAddress(c))}/${c.prefix}`));
  facts.subnets = networks.flatMap((n) => parseCidr(n) ?? []); // each made from a parsed CIDR
  const gateway = mostCommon(all.flatMap((n) => n.gateways));
  if (gateway !== undefined) facts.gateway = gateway;
  const mtu = mostCommon(all.flatMap((n) => n.mtus));
  if (mtu !== undefined) facts.mtu = mtu;
  const vip = mostCommon(all.flatMap((n) => n.vips));
  if (vip !== undefined) facts.vip = vip;

  const styles = new Set(all.map((n) => n.image).filter((s) => s !== 'none'));
  const [only] = styles;
  facts.image.style = styles.size > 1 ? 'mixed' : (only ?? 'none');
  const url = mostCommon(all.map((n) => n.talosImageURL));
  if (url !== undefined) facts.image.talosImageURL = url;
  facts.perNodePatches = all.some((n) => n.nodePatchRefs.length > 0);
  return facts;
}
