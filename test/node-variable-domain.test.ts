import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeDryRun } from './support/talos-repos.ts';
import { copyFixture } from './support/temp-repo.ts';

const TALCONFIG = 'talos/talconfig.yaml';

/** The Flux fixture's nodes named under a domain talhelper fills in: `k8s-0.${clusterDNSSuffix}`. */
function nodesUnderVariableDomain(): string {
  const repo = copyFixture('flux');
  const file = join(repo, TALCONFIG);
  let text = readFileSync(file, 'utf8');
  for (const n of [0, 1, 2])
    text = text.replace(`hostname: "k8s-${n}"`, `hostname: "k8s-${n}.\${clusterDNSSuffix}"`);
  expect(text).toContain('k8s-2.${clusterDNSSuffix}');
  writeFileSync(file, text);
  return repo;
}

const node = (repo: string, hostname: string) => nodeDryRun(repo, { hostname });

describe('a new node where the others are named under a variable domain', () => {
  it('is taken named so', async () => {
    const run = await node(nodesUnderVariableDomain(), 'k8s-3.${clusterDNSSuffix}');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('hostname: "k8s-3.${clusterDNSSuffix}"');
  });

  it("is refused another node's name, whatever its case", async () => {
    const run = await node(nodesUnderVariableDomain(), 'k8s-0.${clusterDNSSuffix}');
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/already used by nodes\[0\]/);
  });
});
