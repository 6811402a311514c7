/**
 * IPv4, CIDR, MAC and hostname helpers for Talos node inputs. Pure: parse functions return
 * undefined for bad input; callers turn that into a HomeopsError naming their own field.
 */
import { captured } from '../captured.ts';

/** An IPv4 address as an unsigned 32-bit number. */
export type Ipv4 = number;

export interface Cidr {
  /** The address as written (`192.168.1.11` in `192.168.1.11/24`). */
  ip: Ipv4;
  prefix: number;
}

export interface Ipv4Range {
  first: Ipv4;
  last: Ipv4;
  /** As written, for messages. */
  text: string;
}

const OCTET = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** `192.168.1.11` -> number; undefined for anything else (no leading zeros, no spaces). */
export function parseIpv4(text: string): Ipv4 | undefined {
  const parts = text.split('.');
  if (parts.length !== 4 || !parts.every((p) => OCTET.test(p))) return undefined;
  return parts.reduce((acc, p) => acc * 256 + Number(p), 0);
}

export function formatIpv4(ip: Ipv4): string {
  return [ip >>> 24, (ip >>> 16) & 255, (ip >>> 8) & 255, ip & 255].join('.');
}

/** `192.168.1.11/24` -> {ip, prefix}; a bare IP is not a CIDR. */
export function parseCidr(text: string): Cidr | undefined {
  const m = /^([^/]+)\/(\d{1,2})$/.exec(text);
  if (!m) return undefined;
  const ip = parseIpv4(captured(m, 1));
  const prefix = Number(m[2]);
  if (ip === undefined || prefix > 32) return undefined;
  return { ip, prefix };
}

export function prefixMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function networkAddress(cidr: Cidr): Ipv4 {
  return (cidr.ip & prefixMask(cidr.prefix)) >>> 0;
}

export function broadcastAddress(cidr: Cidr): Ipv4 {
  return (networkAddress(cidr) | ~prefixMask(cidr.prefix)) >>> 0;
}

/** `192.168.1.0/24` for `192.168.1.11/24`. */
export function formatNetwork(cidr: Cidr): string {
  return `${formatIpv4(networkAddress(cidr))}/${cidr.prefix}`;
}

export function inSubnet(ip: Ipv4, cidr: Cidr): boolean {
  const mask = prefixMask(cidr.prefix);
  return (ip & mask) >>> 0 === (cidr.ip & mask) >>> 0;
}

/**
 * A load-balancer pool: `192.168.1.200-192.168.1.220`, `192.168.1.200-220` or a CIDR.
 * A CIDR covers its whole block, network and broadcast included.
 */
export function parseIpv4Range(text: string): Ipv4Range | undefined {
  const t = text.trim();
  const cidr = parseCidr(t);
  if (cidr) return { first: networkAddress(cidr), last: broadcastAddress(cidr), text: t };
  const m = /^([\d.]+)\s*-\s*([\d.]+)$/.exec(t);
  if (!m) {
    const single = parseIpv4(t);
    return single === undefined ? undefined : { first: single, last: single, text: t };
  }
  const first = parseIpv4(captured(m, 1));
  const end = captured(m, 2);
  let last = parseIpv4(end);
  if (first === undefined) return undefined;
  if (last === undefined && OCTET.test(end)) last = ((first & 0xffffff00) | Number(end)) >>> 0;
  if (last === undefined || last < first) return undefined;
  return { first, last, text: t };
}

export const inRange = (ip: Ipv4, range: Ipv4Range): boolean =>
  ip >= range.first && ip <= range.last;

/**
 * A NIC's MAC in lower-case colon form, from `AA:BB:..`, `aa-bb-..`, `aabb.ccdd.eeff` or
 * `aabbccddeeff`. Undefined for malformed input.
 */
export function normalizeMac(text: string): string | undefined {
  const t = text.trim().toLowerCase();
  let hex: string | undefined;
  if (/^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/.test(t)) hex = t.replace(/[:-]/g, '');
  else if (/^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/.test(t)) hex = t.replace(/\./g, '');
  else if (/^[0-9a-f]{12}$/.test(t)) hex = t;
  if (!hex) return undefined;
  return hex.replace(/(..)(?!$)/g, '$1:'); // 12 hex digits: pairs joined by colons
}

/** Why a well-formed MAC cannot be a NIC's own address, or undefined when it can. */
export function macProblem(mac: string): string | undefined {
  if (mac === '00:00:00:00:00:00') return 'is all zeros';
  if (mac === 'ff:ff:ff:ff:ff:ff') return 'is the broadcast address';
  if (parseInt(mac.slice(0, 2), 16) & 1) return 'is a multicast address (first octet is odd)';
  return undefined;
}

/** A DNS-1123 label: lower-case letters, digits and `-`, 1-63 characters, alphanumeric ends. */
export function isDnsLabel(text: string): boolean {
  return /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(text);
}

/** A dotted DNS name (`kmain01.cin.macro.network`): two or more labels, 253 characters at most. */
export function isDottedDnsName(text: string): boolean {
  const labels = text.split('.');
  return text.length <= 253 && labels.length > 1 && labels.every(isDnsLabel);
}
