/**
 * The network facts a set of Talos documents gives for one node: its static addresses, default
 * gateways, MTUs, the VIP and the MACs that select its links. Reads the typed documents of Talos
 * 1.12+ (LinkConfig, BondConfig, VLANConfig, Layer2VIPConfig, LinkAliasConfig) and the legacy
 * `machine.network.interfaces`, so talconfig-shaped facts can be built for any tool.
 */
import { isMasked } from './template-mask.ts';
import { normalizeMac } from './net.ts';

type Data = Record<string, unknown>;

export interface NetworkFacts {
  addresses: string[];
  gateways: string[];
  mtus: number[];
  vips: string[];
  macs: string[];
  /** Subnets the kubelet and etcd are told to use (`nodeIP.validSubnets`, `advertisedSubnets`). */
  subnets: string[];
  hostname?: string;
}

const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const obj = (v: unknown): Data =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Data) : {};
const text = (v: unknown): string | undefined =>
  (typeof v === 'string' || typeof v === 'number') && !isMasked(v) ? String(v) : undefined;
const MAC = /[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}/;

export const emptyNetwork = (): NetworkFacts => ({
  addresses: [],
  gateways: [],
  mtus: [],
  vips: [],
  macs: [],
  subnets: [],
});

function addLevel(out: NetworkFacts, level: Data, legacy: boolean): void {
  for (const a of list(level['addresses'])) {
    const address = legacy ? text(a) : text(obj(a)['address']);
    if (address) out.addresses.push(address);
  }
  for (const r of list(level['routes'])) {
    const route = obj(r);
    const network = text(route[legacy ? 'network' : 'destination']);
    const gateway = text(route['gateway']);
    if (gateway && (network === undefined || network === '0.0.0.0/0')) out.gateways.push(gateway);
  }
  const mtu = Number(text(level['mtu']));
  if (Number.isInteger(mtu) && mtu > 0) out.mtus.push(mtu);
}

/** Adds what `docs` (plain data of one file, template spans masked) say to `out`. */
export function readNetworkFacts(
  docs: readonly unknown[],
  out: NetworkFacts = emptyNetwork(),
): NetworkFacts {
  for (const raw of docs) {
    const doc = obj(raw);
    const kind = doc['kind'];
    if (kind === undefined) {
      const machine = obj(doc['machine']);
      const network = obj(machine['network']);
      const hostname = text(network['hostname']);
      if (hostname) out.hostname = hostname;
      for (const i of list(network['interfaces'])) {
        const iface = obj(i);
        for (const level of [iface, ...list(iface['vlans']).map(obj)]) {
          addLevel(out, level, true);
          const vip = text(obj(level['vip'])['ip']);
          if (vip) out.vips.push(vip);
        }
        const mac = normalizeMac(text(obj(iface['deviceSelector'])['hardwareAddr']) ?? '');
        if (mac) out.macs.push(mac);
      }
      const subnets = [
        ...list(obj(obj(machine['kubelet'])['nodeIP'])['validSubnets']).map(text),
        ...list(obj(obj(doc['cluster'])['etcd'])['advertisedSubnets']).map(text),
      ];
      out.subnets.push(
        ...subnets.filter((s): s is string => s !== undefined && !s.startsWith('!')),
      );
      continue;
    }
    if (kind === 'HostnameConfig') {
      const hostname = text(doc['hostname']);
      if (hostname) out.hostname = hostname;
    } else if (['LinkConfig', 'BondConfig', 'VLANConfig', 'BridgeConfig'].includes(String(kind))) {
      addLevel(out, doc, false);
    } else if (kind === 'Layer2VIPConfig') {
      const vip = text(doc['name']);
      if (vip) out.vips.push(vip);
    } else if (kind === 'LinkAliasConfig') {
      const match = MAC.exec(text(obj(doc['selector'])['match']) ?? '');
      const mac = match ? normalizeMac(match[0]) : undefined;
      if (mac) out.macs.push(mac);
    }
  }
  return out;
}
