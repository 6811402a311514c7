import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flags } from './support/talos-repos.ts';
import { copyFixture, homeops } from './support/temp-repo.ts';

const TALCONFIG = 'talos/talconfig.yaml';
const node = {
  hostname: 'k8s-3',
  ip: '192.168.1.14',
  role: 'worker',
  disk: '/dev/nvme0n1',
  mac: 'bc:24:11:3a:5f:04',
};

/** The flux fixture with each node's interface address rewritten by `address` (the IP, then its CIDR). */
function withAddresses(address: (line: string) => string): string {
  const repo = copyFixture('flux');
  const file = join(repo, TALCONFIG);
  const text = readFileSync(file, 'utf8');
  const edited = text.replace(/^ {8}dhcp: false\n {8}addresses:\n {10}- "[\d.]+\/24"\n/gm, address);
  expect(edited).not.toBe(text);
  writeFileSync(file, edited);
  return repo;
}

describe('homeops node (talhelper): what the warnings say about the new address', () => {
  it('on DHCP (no addresses written), no prefix is assumed or warned about; the DHCP warning says what was checked', async () => {
    const repo = withAddresses(() => '        dhcp: true\n');
    const result = await homeops('node', '--dest', repo, ...flags(node));
    expect(result.code).toBe(0);
    expect(result.stderr).not.toMatch(/\/24|prefix/);
    expect(result.stderr).toContain(
      'warning: the repo writes no subnet for its nodes (DHCP): 192.168.1.14 was checked against the other nodes, the VIP and the load-balancer addresses only',
    );
    const text = readFileSync(join(repo, TALCONFIG), 'utf8');
    expect(text.slice(text.indexOf('hostname: "k8s-3"'))).not.toContain('192.168.1.14/');
  });

  it('where a /24 is written because nothing gave the prefix, the warning says so', async () => {
    const repo = withAddresses(
      (line) => line.replace(/\/24"/, '"'), // addresses without a prefix
    );
    const result = await homeops('node', '--dest', repo, ...flags(node));
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "warning: 192.168.1.14 is in no subnet of the other nodes' addresses, and the interface it follows writes no prefix: its address was written as 192.168.1.14/24; check that prefix",
    );
    expect(readFileSync(join(repo, TALCONFIG), 'utf8')).toContain(
      '          - "192.168.1.14/24"\n',
    );
  });
});
