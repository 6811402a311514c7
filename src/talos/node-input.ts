/**
 * Checks the inputs of a new Talos node against a talconfig's facts. Each check returns the
 * normalized value or a HomeopsError naming its field; checkNodeInput gathers them all.
 */
import { HomeopsError, HomeopsErrors } from '../errors.ts';
import {
  formatIpv4,
  formatNetwork,
  inRange,
  inSubnet,
  isDnsLabel,
  isDottedDnsName,
  macProblem,
  networkAddress,
  broadcastAddress,
  normalizeMac,
  parseIpv4,
} from './net.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import { devicePathProblem } from './value-checks.ts';
import { captured } from '../captured.ts';

export type NodeRole = 'controlplane' | 'worker';

export interface NodeInput {
  hostname: string;
  ip: string;
  role: NodeRole | string;
  /** `/dev/...` -> installDisk; `key:value` (serial, model, size, wwid, ...) or a bare serial/size/type -> installDiskSelector. */
  disk: string;
  mac: string;
  /** A 64-hex schematic ID or an installer image name without tag (factory.talos.dev/installer/<id>). */
  schematic?: string;
}

export type DiskChoice =
  | { kind: 'installDisk'; value: string }
  | { kind: 'installDiskSelector'; key: string; value: string };

export interface CheckedNodeInput {
  hostname: string;
  ip: string;
  role: NodeRole;
  disk: DiskChoice;
  mac: string;
  schematic?: { id: string } | { image: string };
}

const bad = (field: string, message: string, fix: string): HomeopsError =>
  new HomeopsError('INVALID_INPUT', message, { field, fix });
const taken = (field: string, message: string, fix: string): HomeopsError =>
  new HomeopsError('CONFLICT', message, { field, fix });

/** Names cluster-template gives its shared patch folders; a node folder may not use them. */
const RESERVED = ['global', 'controller', 'worker', 'all', 'controlplane'];

/** Whether most of the nodes are named by dotted DNS names (`kmain01.cin.macro.network`). */
const dottedNodes = (facts: TalconfigFacts): boolean =>
  facts.nodes.length > 0 &&
  facts.nodes.filter((n) => isDottedDnsName(n.hostnameResolved)).length * 2 >= facts.nodes.length;

/**
 * The `.${VARIABLE}` most of the nodes' hostnames end with (`srv-01.${clusterDNSSuffix}`), the
 * domain talhelper fills in from talenv.
 */
function variableSuffix(facts: TalconfigFacts): string | undefined {
  const suffixes = facts.nodes.map((n) => /\.\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.exec(n.hostname)?.[0]);
  const [first] = suffixes;
  return first && suffixes.filter((x) => x === first).length * 2 > facts.nodes.length
    ? first
    : undefined;
}

export function checkHostname(value: string, facts: TalconfigFacts): string | HomeopsError {
  const h = value.trim();
  const dotted = dottedNodes(facts);
  // named as the others are, under the variable their domain comes from
  const suffix = variableSuffix(facts);
  const own = suffix && h.endsWith(suffix) ? h.slice(0, -suffix.length) : undefined;
  const asSiblings = own !== undefined && (isDnsLabel(own) || isDottedDnsName(own));
  if (!isDnsLabel(h) && !(dotted && isDottedDnsName(h)) && !asSiblings)
    return bad(
      'hostname',
      `"${value}" is not a valid hostname`,
      dotted
        ? 'use a DNS name like the other nodes: dot-separated labels of 1-63 lower-case letters, digits and "-", each starting and ending with a letter or digit (e.g. k8s-3.lan)'
        : h.includes('.') && facts.nodes.length > 0
          ? 'use one DNS label (e.g. k8s-3): 1-63 lower-case letters, digits and "-", starting and ending with a letter or digit; a dotted name is taken where most of the other nodes have one'
          : 'use 1-63 lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. k8s-3)',
    );
  if (facts.perNodePatches && RESERVED.includes(h))
    return bad(
      'hostname',
      `"${h}" is the name of a shared patch folder`,
      'pick another hostname, e.g. k8s-3',
    );
  const used = facts.nodes.find(
    (n) =>
      n.hostnameResolved.toLowerCase() === h.toLowerCase() ||
      n.hostname.toLowerCase() === h.toLowerCase(),
  );
  if (used)
    return taken(
      'hostname',
      `hostname "${h}" is already used by nodes[${used.index}]`,
      'pick a hostname no other node has',
    );
  return h;
}

export function checkIp(value: string, facts: TalconfigFacts): string | HomeopsError {
  const text = value.trim();
  const ip = parseIpv4(text);
  if (ip === undefined) {
    const bare = text.split('/')[0] ?? '';
    const fix =
      text.includes('/') && parseIpv4(bare) !== undefined
        ? `give the address alone (e.g. ${bare}); the prefix comes from the nodes' subnet`
        : 'give an IPv4 address like 192.168.1.14';
    return bad('ip', `"${value}" is not an IPv4 address`, fix);
  }
  const owner = facts.nodes.find(
    (n) => n.ipAddress === text || n.addresses.some((a) => a.split('/')[0] === text),
  );
  if (owner)
    return taken(
      'ip',
      `${text} is already used by node ${owner.hostnameResolved}`,
      "pick a free address in the nodes' subnet",
    );
  if (facts.vip === text)
    return taken('ip', `${text} is the control-plane VIP`, 'pick an address that is not the VIP');
  if (facts.gateway === text)
    return taken('ip', `${text} is the default gateway`, 'pick an address that is not the gateway');
  if (facts.endpoint?.host === text)
    return taken(
      'ip',
      `${text} is the cluster endpoint`,
      'pick an address that is not the endpoint',
    );
  const reserved = facts.reservedIps.find((r) => r.ip === text);
  if (reserved)
    return taken(
      'ip',
      `${text} is already taken by \${${reserved.name}}`,
      `pick an address that no variable (${reserved.name}) names`,
    );
  const subnet = facts.subnets.find((s) => inSubnet(ip, s));
  if (facts.subnets.length > 0 && !subnet) {
    const nets = facts.subnets.map(formatNetwork).join(', ');
    return bad('ip', `${text} is outside the nodes' subnet ${nets}`, `pick an address in ${nets}`);
  }
  if (
    subnet &&
    subnet.prefix < 31 &&
    (ip === networkAddress(subnet) || ip === broadcastAddress(subnet))
  ) {
    return bad(
      'ip',
      `${text} is the ${ip === networkAddress(subnet) ? 'network' : 'broadcast'} address of ${formatNetwork(subnet)}`,
      'pick a host address',
    );
  }
  const pool = facts.loadBalancerRanges.find((r) => inRange(ip, r));
  if (pool)
    return taken(
      'ip',
      `${text} is inside the load-balancer range ${pool.text}`,
      `pick an address outside ${formatIpv4(pool.first)}-${formatIpv4(pool.last)}`,
    );
  return text;
}

export function checkMac(value: string, facts: TalconfigFacts): string | HomeopsError {
  const mac = normalizeMac(value);
  if (!mac)
    return bad(
      'mac',
      `"${value}" is not a MAC address`,
      'give six hex pairs like aa:bb:cc:dd:ee:ff',
    );
  const problem = macProblem(mac);
  if (problem) return bad('mac', `${mac} ${problem}`, "give the MAC of the node's network card");
  const used = facts.nodes.find((n) => n.macs.includes(mac));
  if (used)
    return taken(
      'mac',
      `${mac} is already used by node ${used.hostnameResolved}`,
      'check the MAC of the new machine',
    );
  return mac;
}

const SELECTOR_KEYS = [
  'size',
  'name',
  'model',
  'serial',
  'modalias',
  'uuid',
  'wwid',
  'type',
  'busPath',
];

/** A Talos diskSelector size: `500GB`, `>= 1TB`, `<=2TiB`. */
const SIZE = /^([<>]=?\s*)?\d+(\.\d+)?\s*[KMGTP]i?B$/i;

export function checkDisk(value: string): DiskChoice | HomeopsError {
  const d = value.trim();
  const fix =
    'give a device path (/dev/sda, /dev/disk/by-id/...), a disk serial, or key:value (model:Samsung*, size:>=500GB, type:nvme)';
  if (d === '') return bad('disk', 'no install disk given', fix);
  if (d.startsWith('/')) {
    const problem = devicePathProblem(d);
    return problem ? bad('disk', problem, fix) : { kind: 'installDisk', value: d };
  }
  if (/^(sd[a-z]+|vd[a-z]+|hd[a-z]+|xvd[a-z]+|nvme\d+n\d+|mmcblk\d+)$/.test(d))
    return bad(
      'disk',
      `"${d}" looks like a device name, not a serial`,
      `give the full path: /dev/${d}`,
    );
  const empty = /^([A-Za-z]+)\s*[:=]\s*$/.exec(d);
  if (empty)
    return bad(
      'disk',
      `install disk selector "${empty[1]}" has no value`,
      `give a value after the colon, e.g. ${empty[1]}:<value>`,
    );
  const kv = /^([A-Za-z]+)\s*[:=]\s*(.+)$/.exec(d);
  const key = kv ? captured(kv, 1) : undefined;
  const given = kv ? captured(kv, 2).trim() : '';
  if (key === 'size' && !SIZE.test(given))
    return bad(
      'disk',
      `"${given}" is not a disk size`,
      'give a size like size:>=500GB, size:<=2TB or size:256GB',
    );
  if (key !== undefined && SELECTOR_KEYS.includes(key))
    return { kind: 'installDiskSelector', key, value: given };
  if (kv) {
    const known = SELECTOR_KEYS.find((k) => k.toLowerCase() === kv[1]?.toLowerCase());
    return bad(
      'disk',
      `"${kv[1]}" is not an install disk selector`,
      known ? `write it as ${known}:${kv[2]?.trim()}` : `use one of ${SELECTOR_KEYS.join(', ')}`,
    );
  }
  if (/^[<>]=?\s*\d+(\.\d+)?\s*[KMGTP]i?B$/i.test(d))
    return { kind: 'installDiskSelector', key: 'size', value: d };
  if (['nvme', 'ssd', 'hdd', 'sd'].includes(d.toLowerCase()))
    return { kind: 'installDiskSelector', key: 'type', value: d.toLowerCase() };
  if (/\s/.test(d)) return bad('disk', `"${d}" is not a disk serial`, fix);
  return { kind: 'installDiskSelector', key: 'serial', value: d };
}

export function checkSchematic(
  value: string | undefined,
): CheckedNodeInput['schematic'] | HomeopsError | undefined {
  const s = value?.trim() ?? '';
  if (s === '') return undefined;
  if (/^[0-9a-f]{64}$/.test(s)) return { id: s };
  const fix =
    'give the 64-hex schematic ID from factory.talos.dev, or an installer image name without tag';
  if (/^[0-9a-fA-F]+$/.test(s))
    return bad('schematic', `"${s}" is not a schematic ID (64 lower-case hex characters)`, fix);
  const last = s.split('/').at(-1) ?? '';
  if (s.includes('@') || last.includes(':'))
    return bad(
      'schematic',
      `"${s}" has a tag or digest`,
      'drop the :tag or @digest; talhelper appends the Talos version',
    );
  if (!/^[a-z0-9.-]+(:\d+)?(\/[a-z0-9._-]+)+$/.test(s))
    return bad('schematic', `"${s}" is not an image name`, fix);
  return { image: s };
}

export function checkRole(value: string): NodeRole | HomeopsError {
  const r = value.trim().toLowerCase();
  if (['controlplane', 'control-plane', 'controller', 'cp'].includes(r)) return 'controlplane';
  if (r === 'worker') return 'worker';
  return bad(
    'role',
    `"${value}" is not a node role`,
    'use controlplane or worker (cp, control-plane and controller mean controlplane)',
  );
}

/** Every input checked at once: the normalized input, or all the refusals. */
export function checkNodeInput(
  facts: TalconfigFacts,
  input: NodeInput,
): { value: CheckedNodeInput } | { errors: HomeopsError[] } {
  const hostname = checkHostname(input.hostname, facts);
  const ip = checkIp(input.ip, facts);
  const role = checkRole(input.role);
  const disk = checkDisk(input.disk);
  const mac = checkMac(input.mac, facts);
  const schematic = checkSchematic(input.schematic);
  const errors = [hostname, ip, role, disk, mac, schematic].filter(
    (r): r is HomeopsError => r instanceof HomeopsError,
  );
  if (errors.length > 0) return { errors };
  const value: CheckedNodeInput = {
    hostname: hostname as string,
    ip: ip as string,
    role: role as NodeRole,
    disk: disk as DiskChoice,
    mac: mac as string,
  };
  if (schematic) value.schematic = schematic as CheckedNodeInput['schematic'] & object;
  return { value };
}

/** The checked input, or the refusal thrown (one HomeopsError, or HomeopsErrors for several). */
export function checkedOrThrow(facts: TalconfigFacts, input: NodeInput): CheckedNodeInput {
  const checked = checkNodeInput(facts, input);
  if ('value' in checked) return checked.value;
  const [first, ...more] = checked.errors;
  throw more.length === 0 && first ? first : new HomeopsErrors(checked.errors);
}
