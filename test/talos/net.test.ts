import { describe, expect, it } from 'vitest';
import {
  broadcastAddress,
  formatIpv4,
  formatNetwork,
  inRange,
  inSubnet,
  isDnsLabel,
  macProblem,
  networkAddress,
  normalizeMac,
  parseCidr,
  parseIpv4,
  parseIpv4Range,
} from '../../src/talos/net.ts';

describe('IPv4', () => {
  it('parses and formats dotted quads', () => {
    expect(formatIpv4(parseIpv4('192.168.1.11')!)).toBe('192.168.1.11');
    expect(parseIpv4('0.0.0.0')).toBe(0);
    expect(parseIpv4('255.255.255.255')).toBe(0xffffffff);
  });
  it.each([
    '192.168.1',
    '192.168.1.256',
    '192.168.01.1',
    ' 192.168.1.1',
    '1.2.3.4.5',
    'a.b.c.d',
    '',
    '192.168.1.1/24',
  ])('rejects %j', (t) => {
    expect(parseIpv4(t)).toBeUndefined();
  });
});

describe('CIDR and prefix math', () => {
  const c = parseCidr('192.168.1.11/24')!;
  it('keeps the address and prefix', () => {
    expect(formatIpv4(c.ip)).toBe('192.168.1.11');
    expect(c.prefix).toBe(24);
  });
  it('computes network and broadcast addresses', () => {
    expect(formatIpv4(networkAddress(c))).toBe('192.168.1.0');
    expect(formatIpv4(broadcastAddress(c))).toBe('192.168.1.255');
    expect(formatNetwork(parseCidr('10.1.2.3/20')!)).toBe('10.1.0.0/20');
    expect(formatNetwork(parseCidr('10.1.2.3/0')!)).toBe('0.0.0.0/0');
    expect(formatNetwork(parseCidr('10.1.2.3/32')!)).toBe('10.1.2.3/32');
  });
  it('tells whether an address is in the subnet', () => {
    expect(inSubnet(parseIpv4('192.168.1.200')!, c)).toBe(true);
    expect(inSubnet(parseIpv4('192.168.2.1')!, c)).toBe(false);
    expect(inSubnet(parseIpv4('10.1.15.255')!, parseCidr('10.1.2.3/20')!)).toBe(true);
    expect(inSubnet(parseIpv4('10.1.16.0')!, parseCidr('10.1.2.3/20')!)).toBe(false);
  });
  it.each(['192.168.1.0', '192.168.1.0/33', '192.168.1.0/', '/24', '192.168.1.0/24/1'])(
    'rejects %j',
    (t) => {
      expect(parseCidr(t)).toBeUndefined();
    },
  );
});

describe('IPv4 ranges', () => {
  it('reads a-b, a-lastOctet, CIDR and single addresses', () => {
    const r = parseIpv4Range('192.168.1.200-192.168.1.220')!;
    expect([formatIpv4(r.first), formatIpv4(r.last)]).toEqual(['192.168.1.200', '192.168.1.220']);
    const short = parseIpv4Range('192.168.1.200-220')!;
    expect(formatIpv4(short.last)).toBe('192.168.1.220');
    const cidr = parseIpv4Range('192.168.1.192/27')!;
    expect([formatIpv4(cidr.first), formatIpv4(cidr.last)]).toEqual([
      '192.168.1.192',
      '192.168.1.223',
    ]);
    expect(inRange(parseIpv4('192.168.1.210')!, r)).toBe(true);
    expect(inRange(parseIpv4('192.168.1.221')!, r)).toBe(false);
    expect(parseIpv4Range('192.168.1.5')!.first).toBe(parseIpv4('192.168.1.5'));
  });
  it.each(['192.168.1.220-192.168.1.200', '192.168.1.200-', 'x-y', '192.168.1.200-300'])(
    'rejects %j',
    (t) => {
      expect(parseIpv4Range(t)).toBeUndefined();
    },
  );
});

describe('MAC addresses', () => {
  it.each([
    ['AA:BB:CC:DD:EE:0F', 'aa:bb:cc:dd:ee:0f'],
    ['aa-bb-cc-dd-ee-0f', 'aa:bb:cc:dd:ee:0f'],
    ['aabb.ccdd.ee0f', 'aa:bb:cc:dd:ee:0f'],
    ['AABBCCDDEE0F', 'aa:bb:cc:dd:ee:0f'],
    [' aa:bb:cc:dd:ee:0f ', 'aa:bb:cc:dd:ee:0f'],
  ])('normalizes %j', (input, out) => {
    expect(normalizeMac(input)).toBe(out);
  });
  it.each([
    'aa:bb:cc:dd:ee',
    'aa:bb:cc:dd:ee:fg',
    'aa:bb-cc:dd:ee:ff',
    'aa:bb:cc:dd:ee:ff:00',
    '02:*',
    '',
  ])('rejects %j', (t) => {
    expect(normalizeMac(t)).toBeUndefined();
  });
  it('flags addresses a NIC cannot have', () => {
    expect(macProblem('00:00:00:00:00:00')).toMatch(/zeros/);
    expect(macProblem('ff:ff:ff:ff:ff:ff')).toMatch(/broadcast/);
    expect(macProblem('01:00:5e:00:00:01')).toMatch(/multicast/);
    expect(macProblem('02:00:00:00:00:01')).toBeUndefined();
  });
});

describe('hostnames', () => {
  it.each(['k8s-0', 'a', 'node1', 'x'.repeat(63)])('accepts %j', (h) =>
    expect(isDnsLabel(h)).toBe(true),
  );
  it.each(['K8S-0', '-a', 'a-', 'a_b', 'a.b', '', 'x'.repeat(64), 'k8s 0'])('rejects %j', (h) =>
    expect(isDnsLabel(h)).toBe(false),
  );
});
