/**
 * The load-balancer addresses a repo names in its manifests: pools (CiliumLoadBalancerIPPool,
 * MetalLB IPAddressPool, `ipAddressPools` in chart values) and single addresses pinned to a
 * Service or Gateway (`lbipam.cilium.io/ips`, `io.cilium/lb-ipam-ips`, MetalLB
 * `loadBalancerIPs`, `loadBalancerIP`). A new node must not take one of them.
 */
import { isMap, isSeq, visit } from 'yaml';
import type { RepoTree } from '../tree/repo-tree.ts';
import { parseIpv4 } from './net.ts';
import { resolvePlaceholders } from './vars.ts';
import type { Vars } from './vars.ts';
import { documentsOf } from './yaml-documents.ts';
import { captured } from '../captured.ts';
import { escapeRegExp } from '../text/escape-reg-exp.ts';

export interface LoadBalancerPool {
  /** `a-b`, `a/prefix` or one address, as parseIpv4Range reads it. */
  range: string;
  file: string;
}

export interface LoadBalancerAddress {
  ip: string;
  /** The annotation or key that names it. */
  key: string;
  file: string;
}

export interface LoadBalancerFacts {
  pools: LoadBalancerPool[];
  addresses: LoadBalancerAddress[];
}

/** Folders that hold no manifests of this repo's cluster. */
const SKIP = (name: string): boolean =>
  name.startsWith('.') ||
  ['node_modules', 'vendor', 'dist', 'clusterconfig', 'generated'].includes(name);

export interface ScanScope {
  /** Talos folders (patches are no manifests). */
  skipDirs: readonly string[];
  /** The other clusters of a multi-cluster repo: folders of those names hold their manifests. */
  otherClusters: readonly string[];
}

const MENTIONS =
  /kind:\s*Gateway\b|CiliumLoadBalancerIPPool|IPAddressPool|ipAddressPools|lbipam\.cilium\.io\/ips|lb-ipam-ips|loadBalancerIPs?\b/;

const resolved = (text: string, vars: Vars): string | undefined =>
  resolvePlaceholders(String(text).trim(), vars);

function poolsOf(text: string, file: string, vars: Vars): LoadBalancerPool[] {
  const pools: LoadBalancerPool[] = [];
  const add = (value: unknown) => {
    const range = typeof value === 'string' ? resolved(value, vars) : undefined;
    if (range) pools.push({ range, file });
  };
  for (const doc of documentsOf(text)) {
    if (doc.errors.length > 0) continue;
    const data = doc.toJS() as {
      kind?: string;
      spec?: {
        blocks?: { cidr?: string; start?: string; stop?: string }[];
        cidrs?: { cidr?: string }[];
        addresses?: string[];
      };
    } | null;
    if (data?.kind === 'CiliumLoadBalancerIPPool') {
      for (const b of [...(data.spec?.blocks ?? []), ...(data.spec?.cidrs ?? [])]) {
        const block = b as { cidr?: string; start?: string; stop?: string };
        add(
          block.cidr ?? (block.start && block.stop ? `${block.start}-${block.stop}` : block.start),
        );
      }
    } else if (data?.kind === 'IPAddressPool') {
      for (const a of data.spec?.addresses ?? []) add(a);
    }
  }
  // chart values (MetalLB config charts): ipAddressPools: [{addresses: [...]}]
  for (const doc of documentsOf(text)) {
    visit(doc, {
      Pair(_k, pair) {
        if (
          String((pair.key as { value?: unknown })?.value) !== 'ipAddressPools' ||
          !isSeq(pair.value)
        )
          return;
        for (const pool of pair.value.items) {
          const addresses = isMap(pool) ? pool.get('addresses', true) : undefined;
          if (isSeq(addresses))
            for (const a of addresses.items) add((a as { value?: unknown }).value);
        }
      },
    });
  }
  return pools;
}

/** The annotations and keys that pin one address to a Service or Gateway. */
const ADDRESS_KEY_NAMES = new Set([
  'lbipam.cilium.io/ips',
  'io.cilium/lb-ipam-ips',
  'metallb.universe.tf/loadBalancerIPs',
  'metallb.io/loadBalancerIPs',
  'loadBalancerIP',
]);
/** The same keys and their values in a text that does not parse (a template). */
const ADDRESS_KEYS = new RegExp(
  String.raw`(?:^|[\s"'{,])(${[...ADDRESS_KEY_NAMES].map(escapeRegExp).join('|')})["']?\s*:[ \t]*["']?([^"'#\n]+)`,
  'gm',
);

/**
 * The addresses pinned in a file, read from its parsed documents so that a value given by an
 * alias (`lbipam.cilium.io/ips: *address`) is the address its anchor holds; a Gateway's own
 * `spec.addresses` too. A document that does not parse (a template) is read as text.
 */
function addressesOf(text: string, file: string, vars: Vars): LoadBalancerAddress[] {
  const out: LoadBalancerAddress[] = [];
  const add = (key: string, value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number') return;
    for (const part of String(value).split(',')) {
      const ip = resolved(part, vars);
      if (ip !== undefined && parseIpv4(ip) !== undefined) out.push({ ip, key, file });
    }
  };
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object')
      for (const [key, value] of Object.entries(node)) {
        if (ADDRESS_KEY_NAMES.has(key)) add(key, value);
        else walk(value);
      }
  };
  for (const doc of documentsOf(text)) {
    if (doc.errors.length > 0) {
      const source = text.slice(doc.range[0], doc.range[2]);
      for (const m of source.matchAll(ADDRESS_KEYS)) add(captured(m, 1), captured(m, 2));
      continue;
    }
    const data = doc.toJS({ maxAliasCount: -1 }) as unknown;
    walk(data);
    const gateway = data as { kind?: unknown; spec?: { addresses?: unknown } } | null;
    if (gateway?.kind === 'Gateway' && Array.isArray(gateway.spec?.addresses))
      for (const a of gateway.spec.addresses as { type?: unknown; value?: unknown }[])
        if (a.type === undefined || a.type === 'IPAddress') add('spec.addresses', a.value);
  }
  return out;
}

/** Scans the repo's manifests, wherever they are (only files that mention a pool or an address are parsed). */
export function scanLoadBalancers(
  tree: RepoTree,
  scope: ScanScope,
  vars: Vars = {},
): LoadBalancerFacts {
  const facts: LoadBalancerFacts = { pools: [], addresses: [] };
  const skipped = (file: string): boolean =>
    scope.skipDirs.some((d) => d !== '' && file.startsWith(`${d}/`)) ||
    file.split('/').some((seg) => scope.otherClusters.includes(seg));
  for (const file of tree.yamlFilesUnder('', SKIP)) {
    if (skipped(file)) continue;
    const text = tree.read(file) ?? '';
    if (!MENTIONS.test(text)) continue;
    facts.pools.push(...poolsOf(text, file, vars));
    facts.addresses.push(...addressesOf(text, file, vars));
  }
  return facts;
}
