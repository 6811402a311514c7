import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { HomeopsError, HomeopsErrors } from '../../src/errors.ts';
import { addNode } from '../../src/talos/add-node.ts';
import type { NodeInput } from '../../src/talos/node-input.ts';
import { readTalconfigFacts } from '../../src/talos/talconfig-facts.ts';
import type { TalconfigFactsOptions } from '../../src/talos/talconfig-facts.ts';
import { parseEnvFile } from '../../src/talos/vars.ts';
import { CT, TOOL } from './samples.ts';

const GOOD: NodeInput = {
  hostname: 'k8s-3',
  ip: '192.168.1.14',
  role: 'worker',
  disk: '/dev/sda',
  mac: 'aa:bb:cc:00:00:04',
};

/** The HomeopsError addNode throws for one bad input; also checks that nothing was changed. */
function refusal(
  change: Partial<NodeInput>,
  source = CT.talconfig,
  options: TalconfigFactsOptions = { talenv: CT.talenv },
  base: NodeInput = GOOD,
): HomeopsError {
  const doc = parseDocument(source);
  const before = doc.toString();
  try {
    addNode(doc, readTalconfigFacts(doc, options), { ...base, ...change }, { source });
  } catch (e) {
    expect(doc.toString()).toBe(before);
    if (e instanceof HomeopsError) return e;
    throw e;
  }
  throw new Error('addNode did not refuse');
}

const LABEL =
  'use 1-63 lower-case letters, digits and "-", starting and ending with a letter or digit (e.g. k8s-3)';

describe('addNode refusals', () => {
  it.each([
    ['K8S-3', 'INVALID_INPUT', '"K8S-3" is not a valid hostname', LABEL],
    ['k8s_3', 'INVALID_INPUT', '"k8s_3" is not a valid hostname', LABEL],
    [
      'global',
      'INVALID_INPUT',
      '"global" is the name of a shared patch folder',
      'pick another hostname, e.g. k8s-3',
    ],
    [
      'k8s-1',
      'CONFLICT',
      'hostname "k8s-1" is already used by nodes[1]',
      'pick a hostname no other node has',
    ],
  ])('hostname %j', (hostname, code, message, fix) => {
    expect(refusal({ hostname })).toMatchObject({ code, field: 'hostname', message, fix });
  });

  it.each([
    ['192.168.1', 'INVALID_INPUT', /not an IPv4 address/],
    ['fd00::1', 'INVALID_INPUT', /not an IPv4 address/],
    ['192.168.1.12', 'CONFLICT', /already used by node k8s-1/],
    ['192.168.1.10', 'CONFLICT', /VIP/],
    ['192.168.1.1', 'CONFLICT', /gateway/],
    ['10.0.0.5', 'INVALID_INPUT', /outside the nodes' subnet 192\.168\.1\.0\/24/],
    ['192.168.1.255', 'INVALID_INPUT', /broadcast address/],
    ['192.168.1.0', 'INVALID_INPUT', /network address/],
  ])('ip %j', (ip, code, message) => {
    const e = refusal({ ip });
    expect(e).toMatchObject({ code, field: 'ip' });
    expect(e.message).toMatch(message);
  });

  it('ip with a prefix says to drop it', () => {
    const e = refusal({ ip: '192.168.1.14/24' });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field: 'ip' });
    expect(e.fix).toMatch(/192\.168\.1\.14.*prefix comes from/);
  });

  it('ip inside a load-balancer range passed in options', () => {
    const e = refusal({ ip: '192.168.1.205' }, CT.talconfig, {
      talenv: CT.talenv,
      loadBalancerRanges: ['192.168.1.200-192.168.1.220'],
    });
    expect(e).toMatchObject({ code: 'CONFLICT', field: 'ip' });
    expect(e.message).toMatch(/load-balancer range 192\.168\.1\.200-192\.168\.1\.220/);
  });

  describe('ClusterTool vars', () => {
    const vars = { ...parseEnvFile(TOOL.clusterenv), DNS_IP: '192.168.10.53' };
    const base: NodeInput = {
      hostname: 'k8s-worker-2',
      ip: '192.168.10.112',
      role: 'worker',
      disk: '/dev/sda',
      mac: 'ac:1f:6b:2d:ba:30',
    };
    it.each([
      ['192.168.10.101', /already used by node k8s-control-1/], // ${MASTER1IP}
      ['192.168.10.200', /VIP/], // ${VIP}
      ['192.168.10.230', /load-balancer range/], // ${METALLB_RANGE}
      ['192.168.10.53', /\$\{DNS_IP\}/],
    ])('ip %j', (ip, message) => {
      const e = refusal({ ip }, TOOL.talconfig, { vars }, base);
      expect(e).toMatchObject({ code: 'CONFLICT', field: 'ip' });
      expect(e.message).toMatch(message);
    });
  });

  it.each([
    ['aa:bb:cc:00:00', 'INVALID_INPUT', /not a MAC address/],
    ['01:00:5e:00:00:01', 'INVALID_INPUT', /multicast/],
    ['ff:ff:ff:ff:ff:ff', 'INVALID_INPUT', /broadcast/],
    ['AA:BB:CC:00:00:02', 'CONFLICT', /already used by node k8s-1/],
  ])('mac %j', (mac, code, message) => {
    const e = refusal({ mac });
    expect(e).toMatchObject({ code, field: 'mac' });
    expect(e.message).toMatch(message);
  });

  it.each([
    ['', /no install disk/],
    ['   ', /no install disk/],
    ['/mnt/disk', /not a device path/],
    ['sda', /looks like a device name/],
    ['colour:blue', /not an install disk selector/],
    ['two words', /not a disk serial/],
  ])('disk %j', (disk, message) => {
    const e = refusal({ disk });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field: 'disk' });
    expect(e.message).toMatch(message);
  });

  it.each([
    ['abc123', /not a schematic ID/],
    [`factory.talos.dev/installer/${'a'.repeat(64)}:v1.11.3`, /tag or digest/],
    ['not an image', /not an image name/],
  ])('schematic %j', (schematic, message) => {
    const e = refusal({ schematic });
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field: 'schematic' });
    expect(e.message).toMatch(message);
  });

  it('role', () => {
    expect(refusal({ role: 'boss' })).toMatchObject({ code: 'INVALID_INPUT', field: 'role' });
  });

  it('reports every refused input at once', () => {
    const doc = parseDocument(CT.talconfig);
    const facts = readTalconfigFacts(doc);
    let thrown: unknown;
    try {
      addNode(
        doc,
        facts,
        { hostname: 'k8s-1', ip: 'x', role: 'worker', disk: '', mac: 'nope' },
        { source: CT.talconfig },
      );
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(HomeopsErrors);
    expect((thrown as HomeopsErrors).errors.map((e) => [e.field, e.message])).toEqual([
      ['hostname', 'hostname "k8s-1" is already used by nodes[1]'],
      ['ip', '"x" is not an IPv4 address'],
      ['disk', 'no install disk given'],
      ['mac', '"nope" is not a MAC address'],
    ]);
  });
});

describe('addNode without variable values', () => {
  it('accepts the node but warns that placeholders could not be checked', () => {
    const doc = parseDocument(TOOL.talconfig);
    const r = addNode(
      doc,
      readTalconfigFacts(doc),
      {
        hostname: 'k8s-worker-2',
        ip: '192.168.10.101',
        role: 'worker',
        disk: '/dev/sda',
        mac: 'ac:1f:6b:2d:ba:30',
      },
      { source: TOOL.talconfig },
    );
    expect(r.warnings).toEqual([
      expect.stringMatching(/^\$\{CLUSTERNAME\}, \$\{VIP\}, .*\$\{GATEWAY\} had no value/),
    ]);
  });
});
