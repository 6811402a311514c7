import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addedLines, changedFiles, copyMise112, flags } from './support/talos-repos.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';
import { expectGoldenFiles } from './support/golden.ts';
import { hasSchemas, repoSchemaVersion, validateTalosFile } from './talos/talos-schema.ts';
import type { TalosSchemaVersion } from './talos/talos-schema.ts';

interface Case {
  fixture: () => string;
  talosVersion: TalosSchemaVersion;
  /** The existing file that gains the node's lines (talconfig.yaml, topf.yaml, .mise.toml, a node list). */
  edited?: string;
  inputs: Record<string, string>;
}

const SCHEMATIC = 'a'.repeat(64);

const CASES: Record<string, Case> = {
  flux: {
    fixture: () => copyFixture('flux'),
    talosVersion: 'v1.11',
    edited: 'talos/talconfig.yaml',
    inputs: {
      hostname: 'k8s-3',
      ip: '192.168.1.14',
      role: 'controlplane',
      disk: '/dev/nvme0n1',
      mac: 'BC:24:11:3A:5F:04',
    },
  },
  'flux-operator': {
    fixture: () => copyFixture('flux-operator'),
    talosVersion: 'v1.12',
    edited: 'talos/talconfig.yaml',
    inputs: {
      hostname: 'k8s-4',
      ip: '10.0.10.14',
      role: 'worker',
      disk: 'serial:S6PNNS0W412345Y',
      mac: 'bc:24:11:7e:4a:14',
    },
  },
  clustertool: {
    fixture: () => copyFixture('clustertool'),
    talosVersion: 'v1.11',
    edited: 'clusters/main/talos/talconfig.yaml',
    inputs: {
      hostname: 'k8s-control-2',
      ip: '192.168.10.102',
      role: 'controlplane',
      disk: '/dev/nvme0n1',
      mac: 'bc:24:11:4e:7a:03',
    },
  },
  'argocd-mise': {
    fixture: () => copyFixture('argocd-mise'),
    talosVersion: 'v1.11',
    edited: '.mise.toml',
    inputs: {
      hostname: 'k8s-4',
      ip: '192.168.0.123',
      role: 'worker',
      disk: '/dev/nvme0n1',
      mac: '58:47:ca:71:0a:23',
    },
  },
  'argocd-mise-1.12': {
    fixture: copyMise112,
    talosVersion: 'v1.12',
    edited: '.mise.toml',
    inputs: {
      hostname: 'norn',
      ip: '192.168.0.123',
      role: 'controlplane',
      disk: 'S4EVNX0N999999',
      mac: '58:47:ca:71:0a:23',
      schematic: SCHEMATIC,
    },
  },
  // topf: a nodes[] entry of talos/topf.yaml, nothing else
  'talos-topf': {
    fixture: () => copyFixture('talos-topf'),
    talosVersion: 'v1.13',
    edited: 'talos/topf.yaml',
    inputs: {
      hostname: 'k8s-4',
      ip: '192.168.20.15',
      role: 'worker',
      disk: 'S6PNNS0W4999999',
      mac: 'BC:24:11:8C:20:05',
    },
  },
  // per-node templates: a new nodes/controlplane/<node>.yaml.j2, and the CI matrix that lists every node
  'talos-templates': {
    fixture: () => copyFixture('talos-templates'),
    talosVersion: 'v1.12',
    edited: '.github/workflows/talos-config.yaml',
    inputs: {
      hostname: 'k8s-4',
      ip: '192.168.42.14',
      role: 'controlplane',
      disk: '/dev/nvme0n1',
      mac: 'bc:24:11:42:00:05',
    },
  },
  // several clusters of templates, files named by address, DHCP: only the new file
  'talos-templates-clusters': {
    fixture: () => copyFixture('talos-templates-clusters'),
    talosVersion: 'v1.13',
    inputs: {
      cluster: 'main',
      hostname: 'w1',
      ip: '192.168.10.21',
      role: 'worker',
      disk: 'model:WD Blue SN580*',
      mac: 'bc:24:11:10:00:21',
    },
  },
  'talos-talhelper-setup': {
    fixture: () => copyFixture('talos-talhelper-setup'),
    talosVersion: 'v1.12',
    edited: 'setup/talos/talconfig.yaml',
    inputs: {
      hostname: 'lab-worker-2',
      ip: '10.20.0.22',
      role: 'worker',
      disk: '/dev/sda',
      mac: '52:54:00:20:00:22',
    },
  },
  'talos-talhelper-clusters': {
    fixture: () => copyFixture('talos-talhelper-clusters'),
    talosVersion: 'v1.13',
    edited: 'talos/lab/talconfig.yaml',
    inputs: {
      cluster: 'lab',
      hostname: 'lab-4',
      ip: '192.168.60.14',
      role: 'cp',
      disk: 'model:Samsung SSD 870*',
      mac: 'bc:24:11:60:00:14',
    },
  },
};

describe.each(Object.keys(CASES))('homeops node: %s', (name) => {
  const c = CASES[name]!;
  const run = (repo: string, ...extra: string[]) =>
    homeops('node', '--dest', repo, ...flags(c.inputs), ...extra);

  it('adds the node in the repo shape (golden files, exactly the changed files), adding lines only to existing files', async () => {
    const repo = c.fixture();
    const before = snapshotFiles(repo);
    const result = await run(repo);
    expect(result.code, result.stderr).toBe(0);
    const after = snapshotFiles(repo);
    const changed = changedFiles(before, after);
    expectGoldenFiles(`node/${name}`, after, changed);
    if (c.edited) expect(changed).toContain(c.edited);
    expect(Object.keys(before).filter((f) => !(f in after))).toEqual([]);
    for (const file of changed.filter((f) => before[f] !== undefined))
      // undefined: a line of the file was dropped or changed
      expect(
        addedLines(before[file] ?? '', after[file] ?? '')?.length,
        `${file} keeps every line and adds some`,
      ).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/next steps:\n/);
  });

  it.skipIf(!hasSchemas)(
    'writes documents valid for the official schemas (talconfig.json, Talos of the repo version)',
    async () => {
      const repo = c.fixture();
      expect(repoSchemaVersion(repo, c.inputs['cluster']), 'the repo Talos version').toBe(
        c.talosVersion,
      );
      const before = snapshotFiles(repo);
      expect((await run(repo)).code).toBe(0);
      const after = snapshotFiles(repo);
      const changed = changedFiles(before, after);
      expect(changed.length).toBeGreaterThan(0);
      for (const file of changed)
        expect(validateTalosFile(file, after[file] ?? '', c.talosVersion), file).toEqual([]);
    },
  );

  it('changes nothing on a second run with the same inputs, and says so', async () => {
    const repo = c.fixture();
    await run(repo);
    const once = snapshotFiles(repo);
    const again = await run(repo);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change: node .* already/);
    expect(snapshotFiles(repo)).toEqual(once);
  });

  it('prints the diff and writes nothing with --dry-run', async () => {
    const repo = c.fixture();
    const before = snapshotFiles(repo);
    const result = await run(repo, '--dry-run');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`+++ b/${c.edited ?? ''}`);
    expect(result.stdout).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops node: what it writes per layout', () => {
  it('flux: a control plane gets the VIP, and no patch folder of its own: only k8s-0 of three nodes has one', async () => {
    const repo = copyFixture('flux');
    const result = await homeops('node', '--dest', repo, ...flags(CASES['flux']!.inputs));
    expect(result.stdout).not.toContain('talos/patches/k8s-3');
    const talconfig = snapshotFiles(repo)['talos/talconfig.yaml']!;
    expect(talconfig).toMatch(
      /hostname: "k8s-3"[\s\S]*vip:\n {10}ip: "192\.168\.1\.10"\n\n# Global patches/,
    );
  });

  it('flux: a node gets its own (empty) patch folder, like its siblings, when most nodes have one', async () => {
    const repo = copyFixture('flux');
    const file = join(repo, 'talos/talconfig.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '  - hostname: "k8s-2"',
        '    patches:\n      - "@./patches/k8s-1/machine-kernel.yaml"\n  - hostname: "k8s-2"',
      ),
    );
    mkdirSync(join(repo, 'talos/patches/k8s-1'));
    writeFileSync(
      join(repo, 'talos/patches/k8s-1/machine-kernel.yaml'),
      readFileSync(join(repo, 'talos/patches/k8s-0/machine-kernel.yaml'), 'utf8'),
    );
    const result = await homeops('node', '--dest', repo, ...flags(CASES['flux']!.inputs));
    expect(result.stdout).toContain('created  talos/patches/k8s-3/machine-kernel.yaml');
    expect(snapshotFiles(repo)['talos/talconfig.yaml']!).toContain(
      '      - "@./patches/k8s-3/machine-kernel.yaml"\n\n# Global patches',
    );
  });

  it('clustertool: keeps ${VAR} placeholders, never touches clusterenv.yaml, and says which variables to check and add with sops', async () => {
    const repo = copyFixture('clustertool');
    const before = snapshotFiles(repo);
    const result = await homeops('node', '--dest', repo, ...flags(CASES['clustertool']!.inputs));
    expect(snapshotFiles(repo)['clusters/main/clusterenv.yaml']).toBe(
      before['clusters/main/clusterenv.yaml'],
    );
    expect(snapshotFiles(repo)['clusters/main/talos/talconfig.yaml']).toContain(
      '            gateway: ${GATEWAY}\n        vip:\n          ip: ${VIP}\ncontrolPlane:',
    );
    expect(result.stderr).toMatch(
      /clusterenv\.yaml is SOPS-encrypted: 192\.168\.10\.102 could not be checked against VIP, MASTER1IP, GATEWAY, METALLB_RANGE/,
    );
    expect(result.stdout).toContain(
      'run `sops -d clusters/main/clusterenv.yaml` and make sure 192.168.10.102 is none of VIP',
    );
    expect(result.stdout).toContain(
      'add MASTER2IP: 192.168.10.102 with `sops clusters/main/clusterenv.yaml`',
    );
  }, 60_000);

  it('argocd-mise: the env variable and apply task follow the existing ones; the next steps give the gen-config line', async () => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const result = await homeops('node', '--dest', repo, ...flags(CASES['argocd-mise']!.inputs));
    expect(addedLines(before['.mise.toml']!, snapshotFiles(repo)['.mise.toml']!)).toEqual([
      'K8S_4_IP = "192.168.0.123"',
      '[tasks.apply-k8s-4]',
      'description = "Apply config to k8s-4 only"',
      'run = "talosctl apply-config --nodes ${K8S_4_IP} --file worker-k8s-4.yaml"',
      '', // the blank line between it and the next block
    ]);
    expect(result.stdout).toContain(
      'add `talosctl machineconfig patch worker.yaml --patch @src/talos/patches/network-k8s-4.yaml --output worker-k8s-4.yaml` to gen-config and setup-networking',
    );
    expect(result.stdout).toContain('mise run apply-k8s-4');
  });

  it('argocd-mise on Talos 1.12: typed documents, read back for the next node', async () => {
    const repo = copyMise112();
    expect(
      (await homeops('node', '--dest', repo, ...flags(CASES['argocd-mise-1.12']!.inputs))).code,
    ).toBe(0);
    const patch = snapshotFiles(repo)['src/talos/patches/network-norn.yaml']!;
    expect(patch).toMatch(
      /^apiVersion: v1alpha1\nkind: HostnameConfig\nauto: off\nhostname: norn\n---\n/,
    );
    expect(patch).toContain('match: mac(link.permanent_addr) == "58:47:ca:71:0a:23"');
    expect(patch).not.toContain('network:');
    const next = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({ ...CASES['argocd-mise']!.inputs, hostname: 'k8s-5', ip: '192.168.0.124' }),
    );
    expect(next.code).toBe(1);
    expect(next.stderr).toMatch(/--mac: 58:47:ca:71:0a:23 is already used by node norn/);
  });

  it('warns when the control-plane count becomes even, not when it stays odd', async () => {
    const flux = await homeops(
      'node',
      '--dest',
      copyFixture('flux'),
      ...flags(CASES['flux']!.inputs),
    );
    expect(flux.stderr).toContain(
      'warning: the cluster will have 4 control planes: etcd tolerates no more failures with 4 members than with 3; use an odd number',
    );
    const mise = await homeops(
      'node',
      '--dest',
      copyFixture('argocd-mise'),
      ...flags({ ...CASES['argocd-mise']!.inputs, role: 'controlplane' }),
    );
    expect(mise.stderr).toContain('warning: the cluster will have 4 control planes');
    const worker = await homeops(
      'node',
      '--dest',
      copyFixture('flux'),
      ...flags({ ...CASES['flux']!.inputs, role: 'worker' }),
    );
    expect(worker.code).toBe(0);
    expect(worker.stderr).not.toContain('control planes');
  });
});

describe('homeops node: what it takes from the sibling nodes', () => {
  const worker = {
    hostname: 'k8s-worker-2',
    ip: '192.168.10.91',
    role: 'worker',
    disk: '/dev/sda',
    mac: 'bc:24:11:4e:7a:09',
  };
  const newNode = (talconfig: string): string =>
    talconfig.slice(
      talconfig.indexOf('  - hostname: k8s-worker-2'),
      talconfig.indexOf('\ncontrolPlane:'),
    );

  it("clustertool: a worker does not get a sibling's own schematic when worker: has one", async () => {
    const repo = copyFixture('clustertool');
    const result = await homeops('node', '--dest', repo, ...flags(worker));
    expect(result.code).toBe(0);
    const entry = newNode(snapshotFiles(repo)['clusters/main/talos/talconfig.yaml']!);
    expect(entry).toContain('hardwareAddr: "bc:24:11:4e:7a:09"');
    expect(entry).not.toContain('schematic');
    expect(entry).not.toContain('nvidia');
  });

  it("clustertool: without a worker: schematic, the sibling's schematic is copied with a warning naming its extensions", async () => {
    const repo = copyFixture('clustertool');
    const file = join(repo, 'clusters/main/talos/talconfig.yaml');
    const text = readFileSync(file, 'utf8');
    const at = text.indexOf('worker:\n  patches:');
    writeFileSync(
      file,
      text.slice(0, at) + text.slice(at).replace(/ {2}schematic:\n( {4}.*\n)+/, ''),
    );
    const result = await homeops('node', '--dest', repo, ...flags(worker));
    expect(result.code).toBe(0);
    expect(newNode(snapshotFiles(repo)['clusters/main/talos/talconfig.yaml']!)).toContain(
      '- siderolabs/nonfree-kmod-nvidia-lts',
    );
    expect(result.stderr).toContain(
      'warning: the schematic of k8s-worker-1 was copied with its extensions siderolabs/iscsi-tools, siderolabs/util-linux-tools, siderolabs/nonfree-kmod-nvidia-lts, siderolabs/nvidia-container-toolkit-lts: remove what the new node does not need',
    );
  });

  it('quotes ipAddress, addresses and installDisk like the sibling nodes write them; MACs stay quoted', async () => {
    const tool = copyFixture('clustertool');
    await homeops('node', '--dest', tool, ...flags(worker));
    const entry = newNode(snapshotFiles(tool)['clusters/main/talos/talconfig.yaml']!);
    expect(entry).toContain('    ipAddress: 192.168.10.91\n');
    expect(entry).toContain('          - 192.168.10.91/24\n');
    expect(entry).toContain('hardwareAddr: "bc:24:11:4e:7a:09"');
    const flux = copyFixture('flux');
    await homeops('node', '--dest', flux, ...flags(CASES['flux']!.inputs));
    expect(snapshotFiles(flux)['talos/talconfig.yaml']).toContain(
      '  - hostname: "k8s-3"\n    ipAddress: "192.168.1.14"\n    installDisk: "/dev/nvme0n1"\n',
    );
    const mise = copyFixture('argocd-mise');
    await homeops('node', '--dest', mise, ...flags(CASES['argocd-mise']!.inputs));
    expect(snapshotFiles(mise)['src/talos/patches/network-k8s-4.yaml']).toContain(
      '        addresses:\n          - 192.168.0.123/24\n',
    );
  });

  it('argocd-mise: a disk selector for one node while the shared image.yaml sets install.disk is a warning that says what to do', async () => {
    const result = await homeops(
      'node',
      '--dest',
      copyFixture('argocd-mise'),
      ...flags({ ...CASES['argocd-mise']!.inputs, disk: 'serial:ABC' }),
    );
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "warning: src/talos/patches/image.yaml sets machine.install.disk: /dev/nvme0n1 for every node, so k8s-4 gets both that disk and the install.diskSelector of src/talos/patches/network-k8s-4.yaml: move disk: /dev/nvme0n1 from src/talos/patches/image.yaml into the other nodes' network patches, or give k8s-4 a device path (--disk=/dev/...)",
    );
    const path = await homeops(
      'node',
      '--dest',
      copyFixture('argocd-mise'),
      ...flags(CASES['argocd-mise']!.inputs),
    );
    expect(path.stderr).not.toContain('install.diskSelector');
  });

  it('a second run with the same hostname but another schematic is refused, not "nothing to change"', async () => {
    const repo = copyFixture('flux');
    await homeops('node', '--dest', repo, ...flags(CASES['flux']!.inputs));
    const once = snapshotFiles(repo);
    const again = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({ ...CASES['flux']!.inputs, schematic: SCHEMATIC }),
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      /--hostname: hostname "k8s-3" is already used by nodes\[3\] \(its image is factory\.talos\.dev\/installer\/3765\w+, not schematic a{64}\)/,
    );
    expect(snapshotFiles(repo)).toEqual(once);
  });
});

describe('homeops node: refusals exit 1, name the field, write nothing', () => {
  const base = (fixture: string) =>
    fixture === 'flux'
      ? CASES['flux']!.inputs
      : fixture === 'clustertool'
        ? CASES['clustertool']!.inputs
        : CASES['argocd-mise']!.inputs;
  const cases: [string, string, Record<string, string | undefined>, RegExp][] = [
    [
      'a hostname that is not a DNS label',
      'flux',
      { hostname: 'K8s_3' },
      /--hostname: "K8s_3" is not a valid hostname/,
    ],
    [
      'a hostname already used (other inputs)',
      'flux',
      { hostname: 'k8s-1' },
      /--hostname: hostname "k8s-1" is already used by nodes\[1\] \(its ip is 192\.168\.1\.12/,
    ],
    [
      'a hostname already used (mise)',
      'argocd-mise',
      { hostname: 'urd' },
      /network-urd\.yaml: --hostname: .* already exists and differs from what these inputs generate/,
    ],
    ['an invalid IP', 'flux', { ip: '192.168.1' }, /--ip: "192\.168\.1" is not an IPv4 address/],
    [
      'an IP with a prefix',
      'flux',
      { ip: '192.168.1.14/24' },
      /--ip: "192\.168\.1\.14\/24" is not an IPv4 address/,
    ],
    [
      'an IP already used',
      'flux',
      { ip: '192.168.1.12' },
      /--ip: 192\.168\.1\.12 is already used by node k8s-1/,
    ],
    [
      'an IP already used (mise)',
      'argocd-mise',
      { ip: '192.168.0.121' },
      /--ip: 192\.168\.0\.121 is already used by node verdandi/,
    ],
    [
      'an IP already used (clustertool)',
      'clustertool',
      { ip: '192.168.10.90' },
      /--ip: 192\.168\.10\.90 is already used by node k8s-worker-1/,
    ],
    [
      "an IP outside the nodes' subnet",
      'flux',
      { ip: '10.0.0.5' },
      /--ip: 10\.0\.0\.5 is outside the nodes' subnet 192\.168\.1\.0\/24/,
    ],
    ['the VIP', 'flux', { ip: '192.168.1.10' }, /--ip: 192\.168\.1\.10 is the control-plane VIP/],
    ['the gateway', 'flux', { ip: '192.168.1.1' }, /--ip: 192\.168\.1\.1 is the default gateway/],
    [
      'the gateway (mise)',
      'argocd-mise',
      { ip: '192.168.0.1' },
      /--ip: 192\.168\.0\.1 is the default gateway/,
    ],
    [
      'a load-balancer address pinned by a Gateway',
      'flux',
      { ip: '192.168.1.20' },
      /--ip: 192\.168\.1\.20 is a load-balancer address \(lbipam\.cilium\.io\/ips in kubernetes\/apps\/network\/k8s-gateway\/app\/helmrelease\.yaml\)/,
    ],
    [
      'an address of the load-balancer pool',
      'argocd-mise',
      { ip: '192.168.0.230' },
      /--ip: 192\.168\.0\.230 is inside the load-balancer range 192\.168\.0\.200-192\.168\.0\.253/,
    ],
    ['a bad MAC', 'flux', { mac: 'aa:bb:cc' }, /--mac: "aa:bb:cc" is not a MAC address/],
    [
      'a multicast MAC',
      'flux',
      { mac: '01:00:5e:00:00:01' },
      /--mac: 01:00:5e:00:00:01 is a multicast address/,
    ],
    [
      'a duplicate MAC',
      'flux',
      { mac: 'BC-24-11-3A-5F-02' },
      /--mac: bc:24:11:3a:5f:02 is already used by node k8s-1/,
    ],
    [
      'a duplicate MAC (mise)',
      'argocd-mise',
      { mac: '58:47:CA:71:0A:22' },
      /--mac: 58:47:ca:71:0a:22 is already used by node skuld/,
    ],
    ['no install disk', 'flux', { disk: undefined }, /missing required input: --disk/],
    ['an empty install disk', 'argocd-mise', { disk: '' }, /missing required input: --disk/],
    [
      'a device name without /dev',
      'flux',
      { disk: 'sda' },
      /--disk: "sda" looks like a device name/,
    ],
    [
      'a size selector that is not a size',
      'flux',
      { disk: 'size:abc' },
      /--disk: "abc" is not a disk size/,
    ],
    [
      'an unknown role',
      'flux',
      { role: 'master' },
      /--role: "master" is not a node role\n {2}fix: use controlplane or worker \(cp, control-plane and controller mean controlplane\)/,
    ],
    [
      'a bad schematic',
      'flux',
      { schematic: 'abc123' },
      /--schematic: "abc123" is not a schematic ID/,
    ],
  ];
  it.each(cases)('%s', async (_what, fixture, change, message) => {
    const repo = copyFixture(fixture);
    const before = snapshotFiles(repo);
    const result = await homeops('node', '--dest', repo, ...flags({ ...base(fixture), ...change }));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('reports every refused input at once', async () => {
    const result = await homeops(
      'node',
      '--dest',
      copyFixture('flux'),
      ...flags({
        hostname: 'Bad',
        ip: '192.168.1.10',
        role: 'worker',
        disk: '/dev/sda',
        mac: 'nope',
      }),
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/--hostname:[\s\S]*--ip:[\s\S]*--mac:/);
  });

  it('refuses a repo without Talos configuration (argocd layout)', async () => {
    const repo = copyFixture('argocd');
    const before = snapshotFiles(repo);
    const result = await homeops('node', '--dest', repo, ...flags(CASES['flux']!.inputs));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: no Talos configuration in this repo: no talconfig.yaml (talhelper), topf.yaml (topf), nodes/<node>.yaml.j2 templates, or network-<node>.yaml patches with mise tasks\n  fix: if the nodes are defined in another repo, run homeops there; if they are here under other names, pin them in .homeops.yaml: talos: { tool: talhelper, path: talos/talconfig.yaml }',
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });
});

describe('homeops node: the role and the cluster', () => {
  it('takes cp, control-plane and controller for controlplane (the aliases are reachable)', async () => {
    for (const role of ['cp', 'control-plane', 'controller']) {
      const repo = copyFixture('talos-topf');
      const result = await homeops(
        'node',
        '--dest',
        repo,
        ...flags({ ...CASES['talos-topf']!.inputs, role, hostname: 'k8s-5', ip: '192.168.20.16' }),
      );
      expect(result.code, result.stderr).toBe(0);
      expect(snapshotFiles(repo)['talos/topf.yaml']).toContain(
        '  - host: k8s-5\n    ip: 192.168.20.16\n    role: control-plane\n',
      );
    }
  });

  it.each(Object.keys(CASES))(
    '%s: --role=cp writes what --role=controlplane writes',
    async (name) => {
      const c = CASES[name]!;
      const written = async (role: string) => {
        const repo = c.fixture();
        const result = await homeops('node', '--dest', repo, ...flags({ ...c.inputs, role }));
        expect(result.code, `--role=${role}: ${result.stderr}`).toBe(0);
        return snapshotFiles(repo);
      };
      const cp = await written('cp');
      expect(cp).toEqual(await written('controlplane'));
      expect(cp).not.toEqual(await written('worker'));
    },
  );

  it('asks nothing about the cluster in a repo of one, and refuses a missing or unknown one in a repo of several', async () => {
    const missing = await homeops(
      'node',
      '--dest',
      copyFixture('talos-talhelper-clusters'),
      ...flags({ ...CASES['talos-talhelper-clusters']!.inputs, cluster: undefined }),
    );
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('error: missing required input: --cluster\n');
    expect(missing.stderr).not.toContain('--ip');
    const unknown = await homeops(
      'node',
      '--dest',
      copyFixture('talos-talhelper-clusters'),
      ...flags({ ...CASES['talos-talhelper-clusters']!.inputs, cluster: 'staging' }),
    );
    expect(unknown.stderr).toContain(
      'error: --cluster: "staging" is not one of lab, prod\n  fix: pass one of: lab, prod',
    );
  });

  it("checks a node against its own cluster only: another cluster's subnet, nodes and pools are not its", async () => {
    const repo = copyFixture('talos-templates-clusters');
    const base = CASES['talos-templates-clusters']!.inputs;
    // 10.0.5.0/24 is edge's subnet
    const other = await homeops('node', '--dest', repo, ...flags({ ...base, ip: '10.0.5.30' }));
    expect(other.stderr).toContain("--ip: 10.0.5.30 is outside the nodes' subnet 192.168.10.0/24");
    // main's pool is 192.168.10.224/27; edge's 10.0.5.200-250 does not reach main
    const pool = await homeops('node', '--dest', repo, ...flags({ ...base, ip: '192.168.10.230' }));
    expect(pool.stderr).toContain(
      '--ip: 192.168.10.230 is inside the load-balancer range 192.168.10.224/27',
    );
    const edge = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({
        ...base,
        cluster: 'edge',
        hostname: 'cabin-2',
        ip: '10.0.5.12',
        disk: 'type:nvme',
      }),
    );
    expect(edge.code, edge.stderr).toBe(0);
    expect(snapshotFiles(repo)['talos/edge/nodes/10.0.5.12.yaml.j2']).toContain(
      'hostname: cabin-2.lan.example.net\n',
    );
  });
});

describe('homeops node: what each Talos tool gets', () => {
  it('topf: the entry follows a sibling of its role; node-specific data is named, not copied', async () => {
    const result = await homeops(
      'node',
      '--dest',
      copyFixture('talos-topf'),
      ...flags(CASES['talos-topf']!.inputs),
    );
    expect(result.stderr).toContain(
      'warning: not copied from k8s-3: data.kernelModules (add them by hand if k8s-4 needs them)',
    );
    expect(result.stdout).toContain(
      'apply its config while it waits in maintenance mode: just talos apply-node k8s-4\n',
    );
  });

  it('topf: refuses a disk the repo has no data key for, and an installer image instead of a schematic ID', async () => {
    const repo = copyFixture('talos-topf');
    const before = snapshotFiles(repo);
    const model = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({ ...CASES['talos-topf']!.inputs, disk: 'model:Samsung*' }),
    );
    expect(model.code).toBe(1);
    expect(model.stderr).toContain(
      'error: --disk: the nodes of talos/topf.yaml name their install disk by a device path (installDisk) or a disk serial (installDiskSerial), not model:\n  fix: give a device path (installDisk) or a disk serial (installDiskSerial)',
    );
    const image = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({ ...CASES['talos-topf']!.inputs, schematic: 'factory.talos.dev/installer/abc' }),
    );
    expect(image.stderr).toContain(
      'error: --schematic: topf takes a schematic ID, not an installer image',
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('topf: the same host with other inputs is refused, naming what differs', async () => {
    const repo = copyFixture('talos-topf');
    await homeops('node', '--dest', repo, ...flags(CASES['talos-topf']!.inputs));
    const again = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({ ...CASES['talos-topf']!.inputs, ip: '192.168.20.16' }),
    );
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(
      'error: talos/topf.yaml: --hostname: host "k8s-4" is already in talos/topf.yaml (its ip is 192.168.20.15, not 192.168.20.16)',
    );
  });

  it("per-node templates: the new file is the sibling's with the node's values, its template syntax kept, never rendered", async () => {
    const repo = copyFixture('talos-templates');
    const result = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({
        hostname: 'k8s-5',
        ip: '192.168.42.15',
        role: 'worker',
        disk: '/dev/nvme0n1',
        mac: 'bc:24:11:42:00:06',
      }),
    );
    expect(result.code, result.stderr).toBe(0);
    const sibling = readFileSync(join(repo, 'talos/nodes/worker/k8s-3.yaml.j2'), 'utf8');
    expect(sibling).toContain('{% if ENV.WITH_LOCAL_STORAGE %}');
    expect(readFileSync(join(repo, 'talos/nodes/worker/k8s-5.yaml.j2'), 'utf8')).toBe(
      sibling
        .replace('disk: /dev/sda', 'disk: /dev/nvme0n1')
        .replace('hostname: k8s-3', 'hostname: k8s-5')
        .replace('"bc:24:11:42:00:04"', '"bc:24:11:42:00:06"')
        .replace('192.168.42.13/24', '192.168.42.15/24'),
    );
  });

  it('per-node templates: a one-line list of the nodes is a next step (its line would change), a DHCP cluster says what it could not check', async () => {
    const one = await homeops(
      'node',
      '--dest',
      copyFixture('talos-templates'),
      ...flags(CASES['talos-templates']!.inputs),
    );
    expect(one.stdout).toContain('add k8s-4 where line 18 of talos/mod.just lists the other nodes');
    const dhcp = await homeops(
      'node',
      '--dest',
      copyFixture('talos-templates-clusters'),
      ...flags(CASES['talos-templates-clusters']!.inputs),
    );
    expect(dhcp.stderr).toContain(
      'warning: the nodes take their addresses by DHCP: 192.168.10.21 is written nowhere; reserve it for bc:24:11:10:00:21 on your DHCP server',
    );
    expect(dhcp.stderr).toContain(
      "warning: talos/main/nodes/192.168.10.20.yaml.j2 selects its network link without a MAC: bc:24:11:10:00:21 is written nowhere; check how w1's link is matched",
    );
    expect(dhcp.stdout).toContain(
      'add w1 where line 6 of talos/main/node-mapping.yaml lists the other nodes',
    );
    expect(dhcp.stdout).toContain('just talos apply-node main 192.168.10.21 --insecure');
  });

  it.each([
    [
      'talos-omni',
      /error: omni\/cluster-template\.yaml: this repo keeps its Talos machines in Omni cluster templates \(omni\/cluster-template\.yaml\): homeops does not edit those/,
    ],
    [
      'talos-tofu',
      /error: tofu\/talos: this repo keeps its Talos machines in OpenTofu\/Terraform \(the siderolabs\/talos provider\) \(tofu\/talos\): homeops does not edit those/,
    ],
  ])(
    '%s: says where the nodes are and that homeops does not edit them',
    async (fixture, message) => {
      const repo = copyFixture(fixture);
      const before = snapshotFiles(repo);
      const result = await homeops('node', '--dest', repo, ...flags(CASES['flux']!.inputs));
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toContain('does not exist');
      expect(snapshotFiles(repo)).toEqual(before);
    },
  );
});
