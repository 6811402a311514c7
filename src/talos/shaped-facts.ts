/**
 * Talconfig-shaped facts for tools that are not talhelper: each node is turned into a talconfig
 * `nodes[]` entry (hostname, ipAddress, controlPlane, install disk, one interface with the node's
 * addresses, gateway, MTU, VIP and MAC), so the same node checks apply to every back end.
 */
import { Document } from 'yaml';
import { parseCidr } from './net.ts';
import type { Cidr } from './net.ts';
import type { NetworkFacts } from './network-facts.ts';
import type { DiskChoice } from './node-input.ts';
import { readTalconfigFacts } from './talconfig-facts.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import type { Vars } from './vars.ts';

export interface NodeShape {
  hostname: string;
  ip?: string;
  controlPlane: boolean;
  network: NetworkFacts;
  disk?: DiskChoice;
  talosImageURL?: string;
}

export interface ShapeOptions {
  endpoint?: string;
  talosVersion?: string;
  vars?: Vars;
  /** Subnets the cluster says its nodes are in, when no node writes its own address. */
  subnets?: readonly string[];
}

function entry(n: NodeShape): Record<string, unknown> {
  const { network } = n;
  const iface: Record<string, unknown> = {
    ...(network.macs[0] && { deviceSelector: { hardwareAddr: network.macs[0] } }),
    ...(network.addresses.length > 0 && { addresses: network.addresses }),
    ...(network.gateways[0] && {
      routes: [{ network: '0.0.0.0/0', gateway: network.gateways[0] }],
    }),
    ...(network.mtus[0] !== undefined && { mtu: network.mtus[0] }),
    ...(network.vips[0] && n.controlPlane && { vip: { ip: network.vips[0] } }),
  };
  const disk =
    n.disk?.kind === 'installDisk'
      ? { installDisk: n.disk.value }
      : n.disk?.kind === 'installDiskSelector'
        ? { installDiskSelector: { [n.disk.key]: n.disk.value } }
        : {};
  return {
    hostname: n.hostname,
    ...(n.ip && { ipAddress: n.ip }),
    controlPlane: n.controlPlane,
    ...disk,
    ...(n.talosImageURL && { talosImageURL: n.talosImageURL }),
    networkInterfaces: [iface],
  };
}

export function shapedFacts(
  nodes: readonly NodeShape[],
  options: ShapeOptions = {},
): TalconfigFacts {
  const doc = new Document({
    ...(options.talosVersion && { talosVersion: options.talosVersion }),
    ...(options.endpoint && { endpoint: options.endpoint }),
    nodes: nodes.map(entry),
  });
  const facts = readTalconfigFacts(doc, { vars: options.vars ?? {} });
  if (facts.subnets.length === 0) {
    const declared = [...(options.subnets ?? []), ...nodes.flatMap((n) => n.network.subnets)];
    facts.subnets = [...new Set(declared)]
      .map((s) => parseCidr(s))
      .filter((c): c is Cidr => c !== undefined);
  }
  return facts;
}
