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
});
