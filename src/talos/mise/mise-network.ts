/**
 * The per-node network patches of a talosctl + mise repo (`network-<node>.yaml`): the legacy
 * `machine.network` shape (Talos < 1.12) or the typed documents (HostnameConfig, LinkAliasConfig,
 * LinkConfig, Layer2VIPConfig, ResolverConfig). Each is read into a talconfig-shaped node, so the
 * talconfig facts and node checks of this library apply to these repos unchanged.
 */
import { isMap } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import { HomeopsError } from '../../errors.ts';
import { normalizeMac } from '../net.ts';
import { documentsOf } from '../yaml-documents.ts';
import { captured } from '../../captured.ts';

export interface NetworkPatch {
  /** The node name of the file (`network-<name>.yaml`). */
  name: string;
  path: string;
  text: string;
  docs: Document.Parsed[];
  /** True for typed documents (Talos 1.12+), false for `machine.network`. */
  typed: boolean;
  hostname: string;
  /** A talconfig `nodes[]` entry as plain data: hostname, ipAddress, networkInterfaces. */
  node: Record<string, unknown>;
  nameservers: string[];
  /** The LinkAliasConfig name the typed documents use (e.g. net0). */
  linkAlias?: string;
}

type Data = Record<string, unknown>;
const MAC = /[0-9a-fA-F]{2}(?::[0-9a-fA-F]{2}){5}/;
const str = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

function firstAddress(interfaces: unknown[]): string | undefined {
  for (const i of interfaces as Data[]) {
    for (const level of [i, ...(list(i['vlans']) as Data[])]) {
      const a = str(list(level['addresses'])[0]);
      if (a) return a.split('/')[0];
    }
  }
  return undefined;
}

function legacyNode(
  name: string,
  machine: Data,
): Pick<NetworkPatch, 'hostname' | 'node' | 'nameservers'> {
  const network = (machine['network'] ?? {}) as Data;
  const hostname = str(network['hostname']) ?? name;
  const interfaces = list(network['interfaces']);
  const ip = firstAddress(interfaces);
  return {
    hostname,
    node: { hostname, ...(ip && { ipAddress: ip }), networkInterfaces: interfaces },
    nameservers: list(network['nameservers']).map(String),
  };
}

function typedNode(
  name: string,
  docs: Data[],
): Pick<NetworkPatch, 'hostname' | 'node' | 'nameservers' | 'linkAlias'> {
  const of = (kind: string) => docs.filter((d) => d['kind'] === kind);
  const hostname = str(of('HostnameConfig')[0]?.['hostname']) ?? name;
  const alias = of('LinkAliasConfig')[0];
  const linkAlias = str(alias?.['name']);
  const match = MAC.exec(str((alias?.['selector'] as Data | undefined)?.['match']) ?? '');
  const mac = match ? normalizeMac(match[0]) : undefined;
  const link =
    of('LinkConfig').find((l) => !alias || l['name'] === alias['name']) ?? of('LinkConfig')[0];
  const addresses = list(link?.['addresses'])
    .map((a) => str((a as Data)['address']))
    .filter((a): a is string => !!a);
  const routes = list(link?.['routes']).map((r) => ({
    network: str((r as Data)['destination']) ?? '0.0.0.0/0',
    gateway: str((r as Data)['gateway']),
  }));
  const vip = str(of('Layer2VIPConfig')[0]?.['name']);
  const iface: Data = {
    ...(mac && { deviceSelector: { hardwareAddr: mac } }),
    dhcp: addresses.length === 0,
    ...(addresses.length > 0 && { addresses }),
    ...(routes.length > 0 && { routes }),
    ...(link?.['mtu'] !== undefined && { mtu: link['mtu'] }),
    ...(vip && { vip: { ip: vip } }),
  };
  const ip = addresses[0]?.split('/')[0];
  return {
    hostname,
    node: { hostname, ...(ip && { ipAddress: ip }), networkInterfaces: [iface] },
    nameservers: list(of('ResolverConfig')[0]?.['nameservers']).map(
      (n) => str((n as Data)['address']) ?? '',
    ),
    ...(linkAlias && { linkAlias }),
  };
}

export function readNetworkPatch(path: string, text: string): NetworkPatch {
  const named = /network-(.+)\.ya?ml$/.exec(path);
  if (!named)
    throw new HomeopsError('LAYOUT', `${path} is not named network-<node>.yaml`, {
      file: path,
      fix: 'name the network patch of a node network-<hostname>.yaml',
    });
  const name = captured(named, 1);
  const docs = documentsOf(text);
  const bad = docs.find((d) => d.errors.length > 0);
  if (bad) {
    throw new HomeopsError(
      'YAML',
      `${path} is not valid YAML: ${bad.errors.map((e) => e.message.replace(/\n[\s\S]*$/, '')).join('; ')}`,
      { file: path, fix: `fix the YAML syntax of ${path}, then run again` },
    );
  }
  const data = docs.map((d) => (d.toJS() ?? {}) as Data);
  const typed = data.some((d) => typeof d['kind'] === 'string');
  const legacy = data.find((d) => (d['machine'] as Data | undefined)?.['network'] !== undefined);
  const read = typed
    ? typedNode(name, data)
    : legacyNode(name, (legacy?.['machine'] ?? {}) as Data);
  return { name, path, text, docs, typed, ...read };
}

/** The `machine.network` map node of a legacy network patch (the template of a new one). */
export function legacyNetworkNode(patch: NetworkPatch): YAMLMap | undefined {
  for (const doc of patch.docs) {
    const net = doc.getIn(['machine', 'network'], true);
    if (isMap(net)) return net;
  }
  return undefined;
}
