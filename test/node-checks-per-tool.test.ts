/**
 * The node checks of talconfig repos (address taken, outside the subnet, the VIP, the gateway, a
 * load-balancer address, a MAC taken) on every Talos tool whose files give those facts: topf,
 * per-node templates, talhelper at a path of its own and per cluster. Each refusal exits 1, names
 * the field and writes nothing; a DHCP cluster, which gives no subnet, says so instead.
 */
import { describe, expect, it } from 'vitest';
import { flags } from './support/talos-repos.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

interface Tool {
  fixture: string;
  base: Record<string, string>;
  /** An address and a MAC of an existing node, and that node. */
  taken: { ip: string; mac: string; node: string };
  outside: string;
  subnet: string;
  vip: string;
  gateway: string;
  /** An address of a load-balancer pool or pinned by a Service, with the words of the refusal. */
  lb: [string, string];
}

const TOOLS: Record<string, Tool> = {
  topf: {
    fixture: 'talos-topf',
    base: {
      hostname: 'k8s-4',
      ip: '192.168.20.15',
      role: 'worker',
      disk: 'S6PNNS0W4999999',
      mac: 'BC:24:11:8C:20:05',
    },
    taken: { ip: '192.168.20.12', mac: 'bc:24:11:8c:20:02', node: 'k8s-1' },
    outside: '10.0.0.5',
    subnet: '192.168.20.0/24',
    vip: '192.168.20.10',
    gateway: '192.168.20.1',
    lb: ['192.168.20.210', 'is inside the load-balancer range 192.168.20.200-192.168.20.220'],
  },
  'per-node templates': {
    fixture: 'talos-templates',
    base: {
      hostname: 'k8s-4',
      ip: '192.168.42.14',
      role: 'controlplane',
      disk: '/dev/nvme0n1',
      mac: 'bc:24:11:42:00:05',
    },
    taken: { ip: '192.168.42.11', mac: 'bc:24:11:42:00:02', node: 'k8s-1' },
    outside: '10.0.0.5',
    subnet: '192.168.42.0/24',
    vip: '192.168.42.100',
    gateway: '192.168.42.1',
    lb: ['192.168.42.210', 'is inside the load-balancer range 192.168.42.200-192.168.42.250'],
  },
  'talhelper at setup/talos': {
    fixture: 'talos-talhelper-setup',
    base: {
      hostname: 'lab-worker-2',
      ip: '10.20.0.22',
      role: 'worker',
      disk: '/dev/sda',
      mac: '52:54:00:20:00:22',
    },
    taken: { ip: '10.20.0.21', mac: '52:54:00:20:00:21', node: 'lab-worker-1' },
    outside: '10.30.0.5',
    subnet: '10.20.0.0/24',
    vip: '10.20.0.10',
    gateway: '10.20.0.1',
    lb: ['10.20.0.50', 'is a load-balancer address'],
  },
  'talhelper per cluster': {
    fixture: 'talos-talhelper-clusters',
    base: {
      cluster: 'lab',
      hostname: 'lab-4',
      ip: '192.168.60.14',
      role: 'cp',
      disk: 'model:Samsung SSD 870*',
      mac: 'bc:24:11:60:00:14',
    },
    taken: { ip: '192.168.60.12', mac: 'bc:24:11:60:00:12', node: 'lab-2' },
    outside: '10.0.0.5',
    subnet: '192.168.60.0/24',
    vip: '192.168.60.10',
    gateway: '192.168.60.1',
    lb: ['192.168.60.220', 'is inside the load-balancer range 192.168.60.200-192.168.60.240'],
  },
};

const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

const rows = Object.entries(TOOLS).flatMap(([tool, t]) =>
  (
    [
      [
        'an address taken',
        { ip: t.taken.ip },
        `--ip: ${t.taken.ip} is already used by node ${t.taken.node}`,
      ],
      [
        'an address outside the subnet',
        { ip: t.outside },
        `--ip: ${t.outside} is outside the nodes' subnet ${t.subnet}`,
      ],
      ['the VIP', { ip: t.vip }, `--ip: ${t.vip} is the control-plane VIP`],
      ['the gateway', { ip: t.gateway }, `--ip: ${t.gateway} is the default gateway`],
      ['a load-balancer address', { ip: t.lb[0] }, `--ip: ${t.lb[0]} ${t.lb[1]}`],
      [
        'a MAC taken',
        { mac: t.taken.mac.toUpperCase() },
        `--mac: ${t.taken.mac} is already used by node ${t.taken.node}`,
      ],
    ] as const
  ).map(([what, change, message]) => [`${tool}: ${what}`, t, change, message] as const),
);

describe('homeops node: the same checks on every Talos tool', () => {
  it.each(rows)('%s', async (_what, tool, change, message) => {
    const repo = copyFixture(tool.fixture);
    const before = snapshotFiles(repo);
    const result = await homeops('node', '--dest', repo, ...flags({ ...tool.base, ...change }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(new RegExp(esc(message)));
    expect(result.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('a DHCP cluster of templates refuses a taken address and a pool address, and says it could check no subnet', async () => {
    const base = {
      cluster: 'main',
      hostname: 'w1',
      ip: '192.168.10.21',
      role: 'worker',
      disk: 'model:WD Blue SN580*',
      mac: 'bc:24:11:10:00:21',
    };
    const taken = await homeops(
      'node',
      '--dest',
      copyFixture('talos-templates-clusters'),
      ...flags({ ...base, ip: '192.168.10.11' }),
    );
    expect(taken.stderr).toMatch(/--ip: 192\.168\.10\.11 is already used by node m1/);
    const ok = await homeops(
      'node',
      '--dest',
      copyFixture('talos-templates-clusters'),
      '--dry-run',
      ...flags(base),
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(
      'warning: the nodes take their addresses by DHCP: 192.168.10.21 is written nowhere',
    );
  });
});
