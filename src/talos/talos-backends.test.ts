import { describe, expect, it } from 'vitest';
import { expectGoldenFiles } from '../../test/support/golden.ts';
import { memoryRepo, plannedFiles } from '../../test/support/memory-repo.ts';
import type { NodeInput } from './node-input.ts';
import { TalosContext } from './talos-context.ts';

/**
 * One back end's planNode alone, on a fixture in memory: what it wrote and what it said. The
 * schematic defaults to the one the other nodes use, as the generator's input does.
 */
function planNode(fixture: string, input: NodeInput) {
  const repo = memoryRepo(fixture);
  const ctx = new TalosContext(repo);
  const backend = ctx.backend({});
  const schematic = input.schematic ?? backend.defaultSchematic();
  const result = backend.planNode(repo.tree, {
    input: schematic === undefined ? input : { ...input, schematic },
    facts: ctx.factsWithout({}, input.hostname),
  });
  const files = plannedFiles(repo.tree);
  return { result, files, changed: Object.keys(files) };
}

describe('Talos back ends, one plan step in memory', () => {
  it('topf: a host entry in topf.yaml, byte for byte the CLI golden', () => {
    const { result, files, changed } = planNode('talos-topf', {
      hostname: 'k8s-4',
      ip: '192.168.20.15',
      role: 'worker',
      disk: 'S6PNNS0W4999999',
      mac: 'BC:24:11:8C:20:05',
    });
    expect(changed).toEqual(['talos/topf.yaml']);
    expectGoldenFiles('node/talos-topf', files, changed);
    expect(result.summary).toContain('k8s-4');
  });

  it('talhelper: a nodes[] entry in talconfig.yaml, byte for byte the CLI golden', () => {
    const { files, changed } = planNode('flux', {
      hostname: 'k8s-3',
      ip: '192.168.1.14',
      role: 'controlplane',
      disk: '/dev/nvme0n1',
      mac: 'BC:24:11:3A:5F:04',
    });
    expectGoldenFiles('node/flux', files, changed);
  });

  it('talhelper: an alias of the role (cp) is the controlplane role', () => {
    const { files } = planNode('flux', {
      hostname: 'k8s-3',
      ip: '192.168.1.14',
      role: 'cp',
      disk: '/dev/nvme0n1',
      mac: 'BC:24:11:3A:5F:04',
    });
    expect(files['talos/talconfig.yaml']).toMatch(
      /- hostname: "k8s-3"\n {4}ipAddress: "192\.168\.1\.14"\n[\s\S]*? {4}controlPlane: true\n/,
    );
  });
});
