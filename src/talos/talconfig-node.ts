/** Facts about one `nodes[]` entry of a talconfig.yaml. */
import { isMap, isScalar, isSeq } from 'yaml';
import type { YAMLMap } from 'yaml';
import { normalizeMac, parseIpv4 } from './net.ts';
import { resolvePlaceholders } from './vars.ts';
import type { Vars } from './vars.ts';

export type DiskShape =
  | { kind: 'installDisk'; value: string }
  | { kind: 'installDiskSelector'; keys: string[] }
  | { kind: 'none' };

export interface NodeFacts {
  /** Position in `nodes`. */
  index: number;
  /** As written, and resolved when it holds placeholders that have values. */
  hostname: string;
  hostnameResolved: string;
  ipAddressRaw: string;
  /** The resolved IPv4 address, when it is one. */
  ipAddress?: string;
  controlPlane: boolean;
  /** hardwareAddr values that are plain MACs, lower-case colon form (globs like `02:*` skipped). */
  macs: string[];
  disk: DiskShape;
  /** Static addresses of the node's interfaces and VLANs (resolved, CIDR form as written). */
  addresses: string[];
  /** Default-route gateways, MTUs and VIPs of those interfaces (resolved). */
  gateways: string[];
  mtus: number[];
  vips: string[];
  image: 'talosImageURL' | 'schematic' | 'none';
  talosImageURL?: string;
  /** Every `patches` entry as written (refs and inline patches). */
  patches: string[];
  /** The refs that live in the node's own folder: `@./patches/<hostname>/x.yaml`. */
  nodePatchRefs: string[];
  /** Key order of the entry. */
  keys: string[];
}

/** A scalar's text (numbers and booleans included); undefined for anything else. */
export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value === null || typeof node.value === 'object') return undefined;
  return String(node.value);
}

type AnyMap = YAMLMap<unknown, unknown>;

/** A sequence's items, or nothing. */
export const seqItems = (node: unknown): unknown[] => (isSeq(node) ? node.items : []);

/** A map's value node for `key`, or undefined. */
export const mapGet = (node: unknown, key: string): unknown =>
  isMap(node) ? node.get(key, true) : undefined;

/** The node's interfaces and their VLANs: every level that may carry addresses/routes/vip. */
export function interfaceLevels(node: AnyMap): AnyMap[] {
  const out: AnyMap[] = [];
  for (const i of seqItems(node.get('networkInterfaces', true))) {
    if (!isMap(i)) continue;
    out.push(i as AnyMap);
    out.push(...seqItems(i.get('vlans', true)).filter((v): v is AnyMap => isMap(v)));
  }
  return out;
}

export function readNode(node: AnyMap, index: number, vars: Vars): NodeFacts {
  const text = (key: string): string | undefined => scalarText(node.get(key, true));
  const res = (s: string): string => resolvePlaceholders(s, vars) ?? s;
  const hostname = text('hostname') ?? '';
  const ipAddressRaw = text('ipAddress') ?? '';
  const ip = res(ipAddressRaw);
  const levels = interfaceLevels(node);
  const each = (fn: (level: AnyMap) => unknown[]): string[] =>
    levels
      .flatMap(fn)
      .map((v) => scalarText(v))
      .filter((s): s is string => s !== undefined)
      .map(res);

  const macs = levels
    .map((l) => scalarText(mapGet(l.get('deviceSelector', true), 'hardwareAddr')))
    .filter((s): s is string => s !== undefined)
    .map((s) => normalizeMac(res(s)))
    .filter((s): s is string => s !== undefined);

  let disk: DiskShape = { kind: 'none' };
  const selector = node.get('installDiskSelector', true);
  const installDisk = text('installDisk');
  if (installDisk !== undefined) disk = { kind: 'installDisk', value: installDisk };
  else if (isMap(selector))
    disk = {
      kind: 'installDiskSelector',
      keys: selector.items.map((p) => String(scalarText(p.key))),
    };

  const url = text('talosImageURL');
  const patches = seqItems(node.get('patches', true))
    .map((p) => scalarText(p))
    .filter((s): s is string => !!s);
  const names = new Set([hostname, res(hostname)]);
  const nodePatchRefs = patches.filter(
    (p) =>
      p.startsWith('@') &&
      p
        .split('/')
        .slice(0, -1)
        .some((seg) => names.has(seg)),
  );

  return {
    index,
    hostname,
    hostnameResolved: res(hostname),
    ipAddressRaw,
    ...(parseIpv4(ip) !== undefined && { ipAddress: ip }),
    controlPlane: res(text('controlPlane') ?? 'false') === 'true',
    macs,
    disk,
    addresses: each((l) => seqItems(l.get('addresses', true))),
    gateways: each((l) =>
      seqItems(l.get('routes', true))
        .filter((r) => ['0.0.0.0/0', undefined].includes(scalarText(mapGet(r, 'network'))))
        .map((r) => mapGet(r, 'gateway')),
    ),
    mtus: each((l) => [l.get('mtu', true)])
      .map(Number)
      .filter((n) => Number.isInteger(n) && n > 0),
    vips: each((l) => [mapGet(l.get('vip', true), 'ip')]),
    image: url !== undefined ? 'talosImageURL' : node.has('schematic') ? 'schematic' : 'none',
    ...(url !== undefined && { talosImageURL: url }),
    patches,
    nodePatchRefs,
    keys: node.items.map((p) => String(scalarText(p.key))),
  };
}
