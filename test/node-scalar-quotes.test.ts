import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flags } from './support/talos-repos.ts';
import { copyFixture, homeops } from './support/temp-repo.ts';

const node = {
  hostname: 'k8s-3',
  ip: '192.168.1.14',
  role: 'worker',
  disk: '/dev/nvme0n1',
  mac: 'bc:24:11:3a:5f:04',
};

/** The new entry of the talconfig.yaml: from its hostname line to the next top-level line. */
const entryOf = (text: string, hostname: string): string => {
  const at = text.search(new RegExp(`  - hostname: "?${hostname}"?\\n`));
  expect(at).toBeGreaterThan(0);
  return text.slice(at, text.indexOf('\n\n', at));
};

describe('homeops node (talhelper): a value whose key no sibling has is quoted as their other strings are', () => {
  it('quoted installDisk where every sibling has an installDiskSelector and quotes its strings', async () => {
    const repo = copyFixture('flux');
    const file = join(repo, 'talos/talconfig.yaml');
    let serial = 0;
    const text = readFileSync(file, 'utf8').replace(
      /^ {4}installDisk: "\/dev\/nvme0n1"\n/gm,
      () => `    installDiskSelector:\n      serial: "S6PNNS0W41234${serial++}Y"\n`,
    );
    expect(serial).toBe(2);
    writeFileSync(file, text);
    const result = await homeops('node', '--dest', repo, ...flags(node));
    expect(result.code).toBe(0);
    const entry = entryOf(readFileSync(file, 'utf8'), 'k8s-3');
    expect(entry).toContain('  - hostname: "k8s-3"\n    ipAddress: "192.168.1.14"\n');
    expect(entry).toContain('    installDisk: "/dev/nvme0n1"\n');
  });

  it('plain where most sibling strings are plain; strings YAML must quote (">= 200GB") do not count', async () => {
    const repo = copyFixture('clustertool');
    const result = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({ ...node, hostname: 'k8s-worker-2', ip: '192.168.10.91', disk: '/dev/sda' }),
    );
    expect(result.code).toBe(0);
    const text = readFileSync(join(repo, 'clusters/main/talos/talconfig.yaml'), 'utf8');
    expect(entryOf(text, 'k8s-worker-2')).toContain('    installDisk: /dev/sda\n');
  });
});
