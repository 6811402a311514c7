import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PtySession } from './support/pty-session.ts';
import { copyFixture, ROOT } from './support/temp-repo.ts';

const DOWN = '\u001b[B';
const CLEAR = '\u0015'; // Ctrl-U clears the line

describe('npx plop node / patch, answered at a real terminal', () => {
  it('node: asks its questions, refuses a taken address at the prompt, offers the schematic of the other nodes, writes the node', async () => {
    const repo = copyFixture('flux-operator');
    const session = new PtySession('npx', ['plop', 'node', '--dest', repo], {
      cwd: ROOT,
      env: { CI: '' },
    });
    try {
      await session.answer('Node hostname', 'k8s-4');
      await session.answer('IP address', '10.0.10.12');
      await session.waitFor('10.0.10.12 is already used by node k8s-2');
      await session.answer('', `${CLEAR}10.0.10.14`);
      await session.answer('Role', DOWN);
      await session.answer('Install disk', '/dev/sda');
      await session.answer('MAC address', 'BC:24:11:7E:4A:14');
      await session.answer(
        /schematic ID.*\(ce4c980550dd2ab1b17bbf2b08801c7eb59418eafe8f279833297925d67c7515\)/,
        '',
      );
      await session.answer('Write this file? (Y/n/d)', '');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).toMatch(
      /node k8s-4 \(worker, 10\.0\.10\.14\) added to talos\/talconfig\.yaml/,
    );
    const talconfig = readFileSync(join(repo, 'talos/talconfig.yaml'), 'utf8');
    expect(talconfig).toContain(
      '  - hostname: k8s-4\n    ipAddress: 10.0.10.14\n    controlPlane: false\n    installDisk: /dev/sda\n',
    );
    // in the letter case of the sibling nodes' MACs
    expect(talconfig).toContain('          hardwareAddr: "BC:24:11:7E:4A:14"');
    expect(talconfig).toContain(
      'factory.talos.dev/installer/ce4c980550dd2ab1b17bbf2b08801c7eb59418eafe8f279833297925d67c7515\n    networkInterfaces:\n      - deviceSelector:\n          hardwareAddr: "BC:24:11:7E:4A:14"',
    );
  }, 60_000);

  it("patch: asks only the chosen patch's own values", async () => {
    const repo = copyFixture('flux');
    const session = new PtySession('npx', ['plop', 'patch', '--dest', repo], {
      cwd: ROOT,
      env: { CI: '' },
    });
    try {
      await session.answer('Patch', DOWN); // cilium -> max-pods
      await session.answer('Apply it to', DOWN); // all -> controlplane
      await session.answer(/Maximum pods per node \(200\)/, '250');
      await session.answer(/Write these \d+ files\? \(Y\/n\/d\)/, '');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).not.toContain('NTP servers, comma-separated'); // the time-servers prompt
    expect(session.screen).toContain('max-pods patch (Talos v1.11.3) for the control planes');
    expect(readFileSync(join(repo, 'talos/patches/controller/max-pods.yaml'), 'utf8')).toBe(
      '---\nmachine:\n  kubelet:\n    extraConfig:\n      maxPods: 250\n',
    );
    expect(readFileSync(join(repo, 'talos/talconfig.yaml'), 'utf8')).toContain(
      '    - "@./patches/controller/cluster.yaml"\n    - "@./patches/controller/max-pods.yaml"\n',
    );
  }, 60_000);
  it('node on a topf repo: asks its questions, refuses a taken MAC at the prompt, writes the entry into topf.yaml', async () => {
    const repo = copyFixture('talos-topf');
    const session = new PtySession('npx', ['plop', 'node', '--dest', repo], {
      cwd: ROOT,
      env: { CI: '' },
    });
    try {
      await session.answer('Node hostname', 'k8s-4');
      await session.answer('IP address', '192.168.20.15');
      await session.answer('Role', DOWN); // controlplane -> worker
      await session.answer('Install disk', 'S6PNNS0W4999999');
      await session.answer('MAC address', 'bc:24:11:8c:20:04');
      await session.waitFor('bc:24:11:8c:20:04 is already used by node k8s-3');
      await session.answer('', `${CLEAR}BC:24:11:8C:20:05`);
      await session.answer(
        /schematic ID.*\(376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba\)/,
        '',
      );
      await session.answer(/Write (this file|these \d+ files)\? \(Y\/n\/d\)/, '');
      expect(await session.exited).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).not.toContain('Cluster'); // one cluster: not asked
    expect(session.screen).toMatch(
      /node k8s-4 \(worker, 192\.168\.20\.15\) added to talos\/topf\.yaml/,
    );
    expect(session.screen).toContain('warning: not copied from k8s-3: data.kernelModules');
    expect(readFileSync(join(repo, 'talos/topf.yaml'), 'utf8')).toMatch(
      /nvidia_uvm\n\n {2}- host: k8s-4\n {4}ip: 192\.168\.20\.15\n {4}role: worker\n {4}schematicId: 376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba\n {4}data:\n {6}installDiskSerial: S6PNNS0W4999999\n {6}macAddr: bc:24:11:8c:20:05\n {6}mtu: 1500\n {6}encryptDisk: false\n$/,
    );
  }, 60_000);

  it("patch in a repo of several clusters: asks the cluster first, then offers that cluster's nodes", async () => {
    const repo = copyFixture('talos-talhelper-clusters');
    const session = new PtySession('npx', ['plop', 'patch', '--dest', repo], {
      cwd: ROOT,
      env: { CI: '' },
    });
    try {
      await session.answer('Cluster', DOWN); // lab -> prod
      await session.answer('Patch', `${DOWN}${DOWN}`); // cilium -> max-pods -> sysctls
      await session.answer(/Apply it to[\s\S]*prod-3/, `${DOWN}${DOWN}${DOWN}`); // all -> controlplane -> worker -> prod-1
      await session.answer(/Sysctls as key=value/, '');
      await session.answer(/Write (this file|these \d+ files)\? \(Y\/n\/d\)/, '');
      expect(await session.exited, session.screen).toBe(0);
    } finally {
      session.kill();
    }
    expect(session.screen).not.toContain('lab-gpu');
    expect(session.screen).toContain('sysctls patch (Talos v1.11.6) for node prod-1');
    expect(readFileSync(join(repo, 'talos/prod/talconfig.yaml'), 'utf8')).toContain(
      '          ip: 192.168.50.10\n    patches:\n      - "@./patches/sysctls-prod-1.yaml"\n  - hostname: prod-2\n',
    );
    expect(readFileSync(join(repo, 'talos/prod/patches/sysctls-prod-1.yaml'), 'utf8')).toContain(
      'fs.inotify.max_user_watches: "1048576"',
    );
  }, 60_000);
});
