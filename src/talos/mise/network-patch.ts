/**
 * `network-<node>.yaml` of a talosctl + mise repo: before Talos 1.12 a `machine.network` patch
 * mirrored from an existing node's file (same keys, routes, MTU, nameservers); from 1.12 on the
 * typed documents (HostnameConfig, LinkAliasConfig, LinkConfig, Layer2VIPConfig, ResolverConfig).
 */
import { Document, isMap, YAMLMap } from 'yaml';
import { detectIndentSeq } from '../../yaml/edit/render-value.ts';
import type { CheckedNodeInput } from '../node-input.ts';
import { buildLevel, cidrOnce, prefixFor } from '../node-interface.ts';
import { renderDocuments } from '../patches/render.ts';
import type { PatchDocument } from '../patches/render.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import { seqItems } from '../talconfig-node.ts';
import { usesTypedDocuments } from '../talos-version.ts';
import type { TalosVersion } from '../talos-version.ts';
import { copy, keyText, scalar, seqLike } from '../yaml-nodes.ts';
import { legacyNetworkNode } from './mise-network.ts';
import type { MiseNode, MiseRepo } from './mise-repo.ts';
import { inRepoStyle } from './mise-repo.ts';

type AnyMap = YAMLMap<unknown, unknown>;

export interface NetworkPatchOptions {
  mise: MiseRepo;
  facts: TalconfigFacts;
  node: CheckedNodeInput;
  version: TalosVersion;
  /** `machine.install` settings that differ from the shared patches (disk, installer image). */
  install: Record<string, unknown> | undefined;
  warn: string[];
}

/** The existing node whose file is followed: same role first. */
export const templateNode = (mise: MiseRepo, node: CheckedNodeInput): MiseNode | undefined =>
  mise.nodes.find((n) => (n.role ?? 'controlplane') === node.role) ?? mise.nodes[0];

/** The template's first interface as a YAML map (legacy files keep their quoting). */
function templateInterface(template: MiseNode | undefined): AnyMap | undefined {
  const legacy = template && !template.patch.typed ? legacyNetworkNode(template.patch) : undefined;
  const first = legacy ? seqItems(legacy.get('interfaces', true)).find(isMap) : undefined;
  if (first) return first as AnyMap;
  const data = (template?.patch.node['networkInterfaces'] as unknown[] | undefined)?.[0];
  return data ? (new Document(data).contents as AnyMap) : undefined;
}

export function renderNetworkPatch(o: NetworkPatchOptions): string {
  const template = templateNode(o.mise, o.node);
  const markers = template ? template.patch.text.startsWith('---') : o.mise.documentMarkers;
  const text = usesTypedDocuments(o.version)
    ? renderDocuments(typedDocuments(o, template))
    : legacyPatch(o, template);
  return inRepoStyle(text.startsWith('---') ? text : `---\n${text}`, markers);
}

function legacyPatch(o: NetworkPatchOptions, template: MiseNode | undefined): string {
  const { node, warn } = o;
  const from = template?.name ?? 'the other nodes';
  const iface = templateInterface(template);
  const withVip = node.role === 'controlplane' && template?.role !== 'worker';
  const built = iface
    ? buildLevel(
        iface,
        {
          mac: node.mac,
          cidr: cidrOnce(node.ip, o.facts, iface, warn),
          withVip,
          from,
          warn,
        },
        true,
      )
    : dhcpInterface(o);
  const legacy = template && !template.patch.typed ? legacyNetworkNode(template.patch) : undefined;
  const network = new YAMLMap();
  network.set('hostname', scalar(node.hostname, legacy?.get('hostname', true)));
  for (const { key, value } of legacy?.items ?? []) {
    const k = keyText(key);
    if (k === 'interfaces') network.set(k, seqLike(value, [built]));
    else if (k !== 'hostname') network.set(k, copy(value));
  }
  if (!network.has('interfaces')) network.set('interfaces', seqLike(undefined, [built]));
  if (!legacy && template?.patch.nameservers.length)
    network.set('nameservers', node_(template.patch.nameservers));
  const machine = new YAMLMap();
  machine.set('network', network);
  if (o.install) machine.set('install', node_(o.install));
  const skipped = template ? otherKeys(template) : [];
  if (template && skipped.length > 0)
    warn.push(
      `not copied from ${template.patch.path}: ${skipped.join(', ')} (add them by hand if ${node.hostname} needs them)`,
    );
  const root = new YAMLMap();
  root.set('machine', machine);
  const doc = new Document();
  doc.contents = root;
  return doc.toString({
    lineWidth: 0,
    indentSeq: template ? detectIndentSeq(template.patch.text) : true,
    flowCollectionPadding: false,
  });
}

const node_ = (value: unknown) => new Document(value).contents;

/** No interface to follow: select the NIC by MAC and take DHCP (the address must be reserved). */
function dhcpInterface(o: NetworkPatchOptions): YAMLMap {
  o.warn.push(
    `no other node's interface to follow: ${o.node.hostname} uses DHCP on ${o.node.mac}; reserve ${o.node.ip} for it`,
  );
  return new Document({
    deviceSelector: { hardwareAddr: scalar(o.node.mac, undefined, true) },
    dhcp: true,
  }).contents as YAMLMap;
}

/** Top-level and `machine` keys of the template other than the network (node-specific settings). */
function otherKeys(template: MiseNode): string[] {
  const out: string[] = [];
  for (const doc of template.patch.docs) {
    if (!isMap(doc.contents)) continue;
    for (const { key, value } of doc.contents.items) {
      const k = keyText(key);
      if (k !== 'machine' && k !== 'apiVersion' && k !== 'kind') out.push(k);
      if (k === 'machine' && isMap(value))
        out.push(
          ...value.items
            .map((p) => `machine.${keyText(p.key)}`)
            .filter((m) => m !== 'machine.network'),
        );
    }
  }
  return template.patch.typed ? [] : out;
}

function typedDocuments(o: NetworkPatchOptions, template: MiseNode | undefined): PatchDocument[] {
  const { node, facts, warn } = o;
  const iface = templateInterface(template);
  const routes = seqItems(iface?.get('routes', true)).map((r) =>
    isMap(r) ? (r.toJSON() as { network?: string; gateway?: string }) : {},
  );
  const gateway =
    routes.find((r) => (r.network ?? '0.0.0.0/0') === '0.0.0.0/0')?.gateway ?? facts.gateway;
  const mtu = iface?.get('mtu') ?? facts.mtu;
  const vip = node.role === 'controlplane' ? facts.vip : undefined;
  const link = template?.patch.linkAlias ?? 'net0';
  const v = (kind: string, rest: object): PatchDocument => ({
    value: { apiVersion: 'v1alpha1', kind, ...rest },
  });
  const docs = [
    v('HostnameConfig', { auto: 'off', hostname: node.hostname }),
    v('LinkAliasConfig', {
      name: link,
      selector: { match: `mac(link.permanent_addr) == "${node.mac}"` },
    }),
  ];
  if (gateway) {
    const cidr = `${node.ip}/${prefixFor(node.ip, facts, iface, warn)}`;
    docs.push(
      v('LinkConfig', {
        name: link,
        addresses: [{ address: cidr }],
        routes: [{ gateway }],
        ...(mtu !== undefined && { mtu: Number(mtu) }),
      }),
    );
  } else {
    warn.push(
      `no gateway known from the other nodes: ${node.hostname} uses DHCP on ${node.mac}; reserve ${node.ip} for it`,
    );
    docs.push(v('DHCPv4Config', { name: link }));
  }
  if (vip) docs.push(v('Layer2VIPConfig', { name: vip, link }));
  if (template?.patch.nameservers.length)
    docs.push(
      v('ResolverConfig', {
        nameservers: template.patch.nameservers.map((address) => ({ address })),
      }),
    );
  if (o.install) docs.push({ value: { machine: { install: o.install } } });
  return docs;
}
