import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDryRun } from './support/talos-repos.ts';
import { copyFixture, homeops } from './support/temp-repo.ts';

const GATEWAYS = 'kubernetes/apps/network/envoy-gateway/app/gateways.yaml';

/**
 * The Flux fixture, its external Gateway asking for its address in `spec.addresses` and pinning
 * the same address by an alias of it, as repos keep the two in step; the internal one by its
 * `spec.addresses` alone.
 */
function gatewaysByAlias(): string {
  const repo = copyFixture('flux');
  const file = join(repo, GATEWAYS);
  const text = readFileSync(file, 'utf8')
    .replace(
      'spec:\n  gatewayClassName: envoy\n  infrastructure:\n    annotations:\n      external-dns.alpha.kubernetes.io/hostname: external.${SECRET_DOMAIN}\n      lbipam.cilium.io/ips: "192.168.1.22"',
      'spec:\n  gatewayClassName: envoy\n  addresses:\n    - type: IPAddress\n      value: &address 192.168.1.30\n  infrastructure:\n    annotations:\n      external-dns.alpha.kubernetes.io/hostname: external.${SECRET_DOMAIN}\n      lbipam.cilium.io/ips: *address',
    )
    .replace(
      '      lbipam.cilium.io/ips: "192.168.1.21"',
      '      external-dns.alpha.kubernetes.io/ttl: "60"\n  addresses:\n    - value: 192.168.1.31',
    );
  expect(text).toContain('*address');
  writeFileSync(file, text);
  return repo;
}

const node = (repo: string, ip: string) => nodeDryRun(repo, { ip });

describe('a new node', () => {
  it('is refused the address a Gateway pins through an alias', async () => {
    const run = await node(gatewaysByAlias(), '192.168.1.30');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/192\.168\.1\.30 is a load-balancer address/);
    expect(run.stderr).toContain(GATEWAYS);
  });

  it('is refused the address a Gateway asks for in spec.addresses', async () => {
    const run = await node(gatewaysByAlias(), '192.168.1.31');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/192\.168\.1\.31 is a load-balancer address \(spec\.addresses/);
  });
});

describe('the next free address homeops info offers', () => {
  it('is not one a Gateway pins', async () => {
    const repo = gatewaysByAlias();
    const file = join(repo, GATEWAYS);
    // the address after the nodes' (192.168.1.14) pinned to the external Gateway
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('&address 192.168.1.30', '&address 192.168.1.14'),
    );
    const run = await homeops('info', '--dest', repo, '--json');
    expect(run.code, run.stderr).toBe(0);
    const info = JSON.parse(run.stdout) as { talos: { clusters: { freeAddress: string }[] } };
    expect(info.talos.clusters[0]?.freeAddress).toBe('192.168.1.15');
    const offered = await node(repo, '192.168.1.15');
    expect(offered.code, offered.stderr).toBe(0);
  });
});
