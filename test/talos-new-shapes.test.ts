/**
 * node and patch in repos shaped unlike the fixtures, as a new user brings them: topf in one folder
 * per cluster with patches numbered in tens, a commented topf.yaml, talhelper under
 * kubernetes/<cluster>/talos/ with one-line settings at the top. Each case is a fix found that way.
 */
import { describe, expect, it } from 'vitest';
import { flatTemplates, SCHEMATIC, topfClusters, writeRepo } from './support/new-shape-repos.ts';
import { addedLines, changedFiles, flags } from './support/talos-repos.ts';
import { homeops, snapshotFiles } from './support/temp-repo.ts';

describe('topf in one folder per cluster, patches numbered in tens', () => {
  it('node: the entry goes into the chosen cluster only; a DHCP cluster says what it could not check', async () => {
    const repo = writeRepo(topfClusters());
    const before = snapshotFiles(repo);
    const node = { hostname: 'dione', ip: '10.1.0.14', role: 'worker', disk: '/dev/nvme0n1' };
    const home = await homeops(
      'node',
      '--dest',
      repo,
      '--cluster=home',
      ...flags(node),
      '--mac=aa:bb:cc:00:00:14',
    );
    expect(home.code, home.stderr).toBe(0);
    const after = snapshotFiles(repo);
    expect(changedFiles(before, after)).toEqual(['clusters/home/talos/topf.yaml']);
    expect(
      addedLines(
        before['clusters/home/talos/topf.yaml'] ?? '',
        after['clusters/home/talos/topf.yaml'] ?? '',
      ),
    ).toEqual([
      '  - host: dione',
      '    ip: 10.1.0.14',
      '    role: worker',
      `    schematicId: ${SCHEMATIC}`,
      '    data:',
      '      installDisk: /dev/nvme0n1',
      '      macAddr: "aa:bb:cc:00:00:14"',
    ]);
    const outside = await homeops(
      'node',
      '--dest',
      repo,
      '--cluster=home',
      ...flags({ ...node, hostname: 'eos', ip: '172.16.5.21' }),
      '--mac=aa:bb:cc:00:00:15',
    );
    expect(outside.stderr).toMatch(
      /--ip: 172\.16\.5\.21 is outside the nodes' subnet 10\.1\.0\.0\/24/,
    );
    // the MAC is only in data.macAddr here (no patch names it)
    const mac = await homeops(
      'node',
      '--dest',
      repo,
      '--cluster=home',
      ...flags({ ...node, hostname: 'eos', ip: '10.1.0.15' }),
      '--mac=AA:BB:CC:00:00:12',
    );
    expect(mac.stderr).toMatch(/--mac: aa:bb:cc:00:00:12 is already used by node boreas/);
    const lab = await homeops(
      'node',
      '--dest',
      repo,
      '--cluster=lab',
      '--dry-run',
      ...flags({ ...node, hostname: 'lab-w1', ip: '172.16.5.21' }),
      '--mac=aa:bb:cc:00:05:21',
    );
    expect(lab.code, lab.stderr).toBe(0);
    expect(lab.stderr).toMatch(
      /writes no subnet for its nodes \(DHCP\): 172\.16\.5\.21 was checked against the other nodes.*not against a subnet or gateway/,
    );
  });

  it('patch: the next file is 40- after 10-, 20-, 30-, and 20- in a folder that has 10-', async () => {
    const repo = writeRepo(topfClusters());
    const all = await homeops(
      'patch',
      '--dest',
      repo,
      '--cluster=home',
      '--patch=sysctls',
      '--target=all',
      '--sysctls=vm.max_map_count=262144',
    );
    expect(all.code, all.stderr).toBe(0);
    expect(all.stdout).toContain('clusters/home/talos/all/40-sysctls.yaml');
    const cp = await homeops(
      'patch',
      '--dest',
      repo,
      '--cluster=home',
      '--patch=kubeprism',
      '--target=controlplane',
      '--yes',
    );
    expect(cp.code, cp.stderr).toBe(0);
    expect(cp.stdout).toContain('clusters/home/talos/control-plane/20-kubeprism.yaml');
    const pods = await homeops(
      'patch',
      '--dest',
      repo,
      '--cluster=home',
      '--patch=max-pods',
      '--target=boreas',
      '--maxPods=300',
    );
    expect(pods.stderr).toMatch(
      /all\/20-kubelet\.yaml already sets machine\.kubelet\.extraConfig\.maxPods/,
    );
  });
});

describe('topf nodes that keep their MAC under a key of their own', () => {
  it('writes the new MAC under that key (data.mac), refuses one taken under it', async () => {
    const files = topfClusters();
    const home = 'clusters/home/talos/topf.yaml';
    files[home] = (files[home] ?? '').replaceAll('      macAddr: ', '      mac: ');
    files['clusters/home/talos/all/40-link.yaml.tpl'] =
      '---\napiVersion: v1alpha1\nkind: LinkAliasConfig\nname: net0\nselector:\n  match: mac(link.permanent_addr) == "{{ .Node.Data.mac }}"\n';
    const repo = writeRepo(files);
    const node = { hostname: 'dione', ip: '10.1.0.14', role: 'worker', disk: '/dev/nvme0n1' };
    const taken = await homeops(
      'node',
      '--dest',
      repo,
      '--cluster=home',
      ...flags(node),
      '--mac=aa:bb:cc:00:00:12',
    );
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('aa:bb:cc:00:00:12');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'node',
      '--dest',
      repo,
      '--cluster=home',
      ...flags(node),
      '--mac=aa:bb:cc:00:00:14',
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('do not name their MAC');
    const added = addedLines(before[home] ?? '', snapshotFiles(repo)[home] ?? '');
    expect(added).toContain('      mac: "aa:bb:cc:00:00:14"');
    expect((added ?? []).join('\n')).not.toContain('macAddr');
  });
});

describe('a topf.yaml with comments and quoted values', () => {
  it('keeps the blank line between entries where a comment heads each entry', async () => {
    const text = [
      '---',
      'clusterName: "k8s"   # the cluster',
      'clusterEndpoint: "https://k8s.home.arpa:6443"',
      'talosVersion: "v1.13.1"',
      '',
      'nodes:',
      '  # control planes',
      '  - host: "cp-a"',
      '    ip: "192.168.50.10"',
      '    role: "control-plane"',
      '    data:',
      '      installDiskSerial: "S6PN1"   # samsung',
      '',
      '  # workers',
      '  - host: "wk-a"',
      '    ip: "192.168.50.20"',
      '    role: "worker"',
      '    data:',
      '      installDiskSerial: "S6PN2"',
      '# end of nodes',
      '',
      'secretsPath: secrets.sops.yaml',
      '',
    ].join('\n');
    const repo = writeRepo({
      'talos/topf.yaml': text,
      'talos/all/00-network.yaml.tpl':
        '---\napiVersion: v1alpha1\nkind: LinkConfig\nname: net0\naddresses:\n  - address: "{{ .Node.IP }}/24"\n',
    });
    const run = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({
        hostname: 'wk-b',
        ip: '192.168.50.21',
        role: 'worker',
        disk: 'S6PN3',
        mac: 'bc:24:11:00:50:21',
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(snapshotFiles(repo)['talos/topf.yaml']).toBe(
      text.replace(
        '# end of nodes',
        '\n  - host: "wk-b"\n    ip: "192.168.50.21"\n    role: "worker"\n    data:\n      installDiskSerial: "S6PN3"\n# end of nodes',
      ),
    );
  });
});

describe('per-node templates in one flat folder, without machine.type', () => {
  const node = (hostname: string, ip: string, role: string, mac?: string) =>
    homeops(
      'node',
      '--dest',
      writeRepo(flatTemplates()),
      '--dry-run',
      ...flags({
        hostname,
        ip,
        role,
        disk: '/dev/nvme0n1',
        mac: mac ?? `de:ad:be:ef:01:${ip.split('.')[3] ?? ''}`,
      }),
    );

  it('takes the nodes with the VIP for the control planes: a control plane copies one, a worker copies the worker', async () => {
    const cp = await node('zeta', '10.9.0.14', 'controlplane');
    expect(cp.code, cp.stderr).toBe(0);
    expect(cp.stdout).toContain('copied from kubernetes/bootstrap/talos/nodes/alpha.yaml.j2');
    expect(cp.stdout).toContain('+          ip: 10.9.0.50');
    expect(cp.stderr).toContain('the cluster will have 4 control planes');
    expect(cp.stderr).not.toContain('no other controlplane to copy');
    const worker = await node('eta', '10.9.0.24', 'worker');
    expect(worker.stdout).toContain('copied from kubernetes/bootstrap/talos/nodes/delta.yaml.j2');
    expect(worker.stdout).not.toContain('10.9.0.50');
    expect(worker.stdout).toContain('add eta where line 5 of Taskfile.yaml lists the other nodes');
  });

  it('refuses the VIP, the gateway and a taken MAC, as for talconfig nodes', async () => {
    expect((await node('eta', '10.9.0.50', 'worker')).stderr).toMatch(
      /--ip: 10\.9\.0\.50 is the control-plane VIP/,
    );
    expect((await node('eta', '10.9.0.1', 'worker')).stderr).toMatch(
      /--ip: 10\.9\.0\.1 is the default gateway/,
    );
    const mac = await node('eta', '10.9.0.24', 'worker', 'de:ad:be:ef:00:21');
    expect(mac.stderr).toMatch(/--mac: de:ad:be:ef:00:21 is already used by node delta/);
  });
});

describe('per-node templates with their tasks in .taskfiles/', () => {
  it('adds the node to a list of a task file kept in a folder of its own', async () => {
    const list =
      'version: "3"\nvars:\n  NODES:\n    - alpha\n    - beta\n    - gamma\n    - delta\ntasks: {}\n';
    const repo = writeRepo({ ...flatTemplates(), '.taskfiles/talos/Taskfile.yaml': list });
    const run = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({
        hostname: 'eta',
        ip: '10.9.0.24',
        role: 'worker',
        disk: '/dev/sda',
        mac: 'de:ad:be:ef:01:24',
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(snapshotFiles(repo)['.taskfiles/talos/Taskfile.yaml']).toBe(
      list.replace('    - delta\n', '    - delta\n    - eta\n'),
    );
  });
});

describe('per-node templates whose installer tag is a mise variable', () => {
  it('reads the Talos version from the env file the mise file loads', async () => {
    const files = flatTemplates();
    const config = 'kubernetes/bootstrap/talos/machineconfig.yaml.j2';
    files[config] = (files[config] ?? '').replace(':v1.11.5', ':{{ ENV.TALOS_VERSION }}');
    files['.mise.toml'] =
      '[env]\n_.file = [\n  "{{config_root}}/kubernetes/versions.env"\n]\n\n[tools]\n"aqua:go-task/task" = "3.44.0"\n';
    files['kubernetes/versions.env'] =
      '# renovate: datasource=docker depName=ghcr.io/siderolabs/installer\nTALOS_VERSION=v1.11.5\n';
    const repo = writeRepo(files);
    const run = await homeops(
      'patch',
      '--dest',
      repo,
      '--yes',
      '--dry-run',
      '--patch=max-pods',
      '--target=all',
      '--maxPods=200',
    );
    expect(run.stderr).not.toContain('could not tell the Talos version');
    expect(run.code, run.stderr).toBe(0);
  });
});

describe('per-node templates that match their link without a MAC', () => {
  it('says the MAC was written nowhere, and its next step does not claim the file has it', async () => {
    const files = flatTemplates();
    for (const [path, text] of Object.entries(files))
      if (path.includes('/nodes/'))
        files[path] = text.replace(
          /deviceSelector:\n {10}hardwareAddr: "[^"]+"\n/,
          'interface: eth0\n',
        );
    const repo = writeRepo(files);
    const run = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({
        hostname: 'eta',
        ip: '10.9.0.24',
        role: 'worker',
        disk: '/dev/sda',
        mac: 'de:ad:be:ef:01:24',
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr + run.stdout).toContain('de:ad:be:ef:01:24 is written nowhere');
    expect(run.stdout).toContain(
      "it is delta's file with eta's hostname, address and install disk",
    );
  });
});
