/** The network interface of a new node, rebuilt level by level (interface, VLANs) from a template. */
import { isMap, isScalar, YAMLMap } from 'yaml';
import { inSubnet, parseIpv4 } from './net.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import { mapGet, scalarText, seqItems } from './talconfig-node.ts';
import { copy, keyText, scalar, seqLike } from './yaml-nodes.ts';

type AnyMap = YAMLMap<unknown, unknown>;

/** Copied as they are: the same on every node of the subnet. */
const KEPT = ['dhcp', 'routes', 'mtu', 'vlanId'];

export interface LevelContext {
  mac: string;
  /** The new address in CIDR form, asked for only by a level that writes `addresses`. */
  cidr: () => string;
  withVip: boolean;
  from: string;
  warn: string[];
}

/** One interface (top) or VLAN level of the template, rebuilt for the new node. */
export function buildLevel(t: AnyMap, ctx: LevelContext, top: boolean): YAMLMap {
  const out = new YAMLMap();
  for (const { key, value } of t.items) {
    const k = keyText(key);
    if (top && (k === 'interface' || k === 'deviceSelector')) {
      const extra = isMap(value)
        ? value.items.map((p) => keyText(p.key)).filter((x) => x !== 'hardwareAddr')
        : [];
      if (extra.length > 0)
        ctx.warn.push(`deviceSelector ${extra.join(', ')} of ${ctx.from} not copied`);
      const selector = new YAMLMap();
      selector.set(
        'hardwareAddr',
        scalar(
          inCaseOf(ctx.mac, scalarText(mapGet(value, 'hardwareAddr'))),
          mapGet(value, 'hardwareAddr'),
          true,
        ),
      );
      out.set('deviceSelector', selector);
    } else if (k === 'addresses') {
      out.set(k, seqLike(value, [scalar(ctx.cidr(), seqItems(value)[0], true)]));
    } else if (k === 'vlans') {
      out.set(
        k,
        seqLike(
          value,
          seqItems(value)
            .filter(isMap)
            .map((v) => buildLevel(v as AnyMap, ctx, false)),
        ),
      );
    } else if (k === 'vip') {
      if (ctx.withVip) out.set(k, copy(value));
    } else if (KEPT.includes(k)) {
      out.set(k, copy(value));
    } else {
      ctx.warn.push(`networkInterfaces ${k} of ${ctx.from} not copied`);
    }
  }
  return out;
}

/** The prefix of the subnet the IP is in, else the one written on the template's first address. */
export function prefixFor(
  ip: string,
  facts: TalconfigFacts,
  iface: AnyMap | undefined,
  warn: string[],
): number {
  const address = parseIpv4(ip);
  const subnet =
    address === undefined ? undefined : facts.subnets.find((s) => inSubnet(address, s));
  if (subnet) return subnet.prefix;
  const first = iface ? seqItems(iface.get('addresses', true))[0] : undefined;
  const written = /\/(\d{1,2})$/.exec(isScalar(first) ? String(first.value) : '');
  if (written) return Number(written[1]);
  warn.push(
    `${ip} is in no subnet of the other nodes' addresses, and the interface it follows writes no prefix: its address was written as ${ip}/24; check that prefix`,
  );
  return 24;
}

/**
 * The new node's address in CIDR form, worked out once and only when asked: an interface on DHCP
 * writes no address, so no prefix is assumed (nor warned about) for it.
 */
export function cidrOnce(
  ip: string,
  facts: TalconfigFacts,
  iface: AnyMap | undefined,
  warn: string[],
): () => string {
  let cidr: string | undefined;
  return () => (cidr ??= `${ip}/${prefixFor(ip, facts, iface, warn)}`);
}

/** A MAC in the letter case of the sibling's (`BC:24:11:…` when the repo writes them so). */
function inCaseOf(mac: string, sibling: string | undefined): string {
  return sibling && /[A-F]/.test(sibling) && !/[a-f]/.test(sibling)
    ? mac.toUpperCase()
    : mac.toLowerCase();
}
