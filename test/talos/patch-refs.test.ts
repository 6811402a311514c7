import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { HomeopsError } from '../../src/errors.ts';
import {
  addPatchRef,
  parsePatchTarget,
  refToPath,
  suggestPatchRef,
} from '../../src/talos/patch-refs.ts';
import { readTalconfigFacts } from '../../src/talos/talconfig-facts.ts';
import { parseEnvFile } from '../../src/talos/vars.ts';
import { CT, insertedAfter, TOOL } from './samples.ts';
import { hasSchemas, validateTalconfig } from './talos-schema.ts';

const add = (source: string, target: Parameters<typeof addPatchRef>[1], ref: string) =>
  addPatchRef(parseDocument(source), target, ref, { source });

describe('addPatchRef', () => {
  it('puts the ref in its sorted place in sorted top-level patches, then is a no-op', () => {
    const r = add(CT.talconfig, { scope: 'global' }, '@./patches/global/cilium.yaml');
    expect(r.text).toBe(
      insertedAfter(CT.talconfig, '\npatches:', '  - "@./patches/global/cilium.yaml"\n'),
    );
    expect(r).toMatchObject({
      added: true,
      exact: true,
      message: 'added "@./patches/global/cilium.yaml" to patches',
    });
    const again = add(r.text, { scope: 'global' }, 'patches/global/cilium.yaml');
    expect(again).toMatchObject({
      added: false,
      text: r.text,
      message: '"@./patches/global/cilium.yaml" is already in patches',
    });
  });

  it('appends to controlPlane.patches', () => {
    const r = add(TOOL.talconfig, { scope: 'controlPlane' }, '@./patches/cilium.yaml');
    expect(r.text).toBe(
      insertedAfter(
        TOOL.talconfig,
        '    - "@./patches/controlplane.yaml"',
        '    - "@./patches/cilium.yaml"\n',
      ),
    );
  });

  it('creates worker.patches when there is no worker section', () => {
    const r = add(CT.talconfig, { scope: 'worker' }, '@./patches/worker/gpu.yaml');
    // after a blank line, as the file's other sections
    expect(r.text).toBe(
      insertedAfter(
        CT.talconfig,
        '    - "@./patches/controller/cluster.yaml"',
        '\nworker:\n  patches:\n    - "@./patches/worker/gpu.yaml"\n',
      ),
    );
    expect(r.message).toBe('added "@./patches/worker/gpu.yaml" to worker.patches');
  });

  it('adds no blank line before a new section where the file has none between its sections', () => {
    const compact =
      'clusterName: k\ntalosVersion: v1.11.0\ncontrolPlane:\n  patches:\n    - "@./patches/controller/a.yaml"\n';
    expect(add(compact, { scope: 'worker' }, '@./patches/worker/gpu.yaml').text).toBe(
      `${compact}worker:\n  patches:\n    - "@./patches/worker/gpu.yaml"\n`,
    );
  });

  it('counts the sections that open a block, not the one-line settings above them', () => {
    const source = [
      '---',
      'clusterName: home',
      'talosVersion: v1.11.6',
      'kubernetesVersion: v1.34.1',
      'endpoint: https://192.168.7.5:6443',
      'additionalApiServerCertSans: &sans',
      '  - "192.168.7.5"',
      'additionalMachineCertSans: *sans',
      '',
      'nodes:',
      '  - hostname: home-1',
      '    ipAddress: 192.168.7.11',
      '',
      'patches:',
      '  - "@./patches/global/machine-time.yaml"',
      '',
      'controlPlane:',
      '  patches:',
      '    - "@./patches/controller/cluster.yaml"',
      '',
    ].join('\n');
    expect(add(source, { scope: 'worker' }, '@./patches/worker/gpu.yaml').text).toBe(
      `${source}\nworker:\n  patches:\n    - "@./patches/worker/gpu.yaml"\n`,
    );
  });

  it("appends to a node's patches, found by hostname", () => {
    const r = add(CT.talconfig, { scope: 'node', hostname: 'k8s-1' }, '@./patches/k8s-1/gpu.yaml');
    expect(r.text).toBe(
      insertedAfter(
        CT.talconfig,
        '      - "@./patches/k8s-1/node.yaml"',
        '      - "@./patches/k8s-1/gpu.yaml"\n',
      ),
    );
    expect(r.message).toBe('added "@./patches/k8s-1/gpu.yaml" to nodes[k8s-1].patches');
  });

  it('creates a node patches list, keeping the trailing comment below it', () => {
    const r = add(
      TOOL.talconfig,
      { scope: 'node', hostname: 'k8s-worker-1' },
      '@./patches/nvidia.yaml',
    );
    expect(r.text).toBe(
      TOOL.talconfig.replace(
        '${GATEWAY}\n    # - hostname: k8s-worker-2',
        '${GATEWAY}\n      patches:\n        - "@./patches/nvidia.yaml"\n    # - hostname: k8s-worker-2',
      ),
    );
  });

  it('finds a node whose hostname is a placeholder when vars are given', () => {
    const source = 'nodes:\n  - hostname: ${NODE1}\n    ipAddress: 10.0.0.1\n';
    const r = addPatchRef(parseDocument(source), { scope: 'node', hostname: 'n1' }, '@./p.yaml', {
      source,
      vars: { NODE1: 'n1' },
    });
    expect(r.text).toBe(`${source}    patches:\n      - "@./p.yaml"\n`);
  });

  it('adds to flow lists in place', () => {
    const source = 'controlPlane:\n  patches: []\nworker:\n  patches: ["@./a.yaml"] # shared\n';
    expect(add(source, { scope: 'controlPlane' }, '@./b.yaml').text).toBe(
      'controlPlane:\n  patches: ["@./b.yaml"]\nworker:\n  patches: ["@./a.yaml"] # shared\n',
    );
    expect(add(source, { scope: 'worker' }, '@./b.yaml').text).toBe(
      'controlPlane:\n  patches: []\nworker:\n  patches: ["@./a.yaml", "@./b.yaml"] # shared\n',
    );
  });

  it('replaces an empty patches: value', () => {
    const r = add('patches:\nnodes: []\n', { scope: 'global' }, '@./a.yaml');
    expect(r.doc.toJS()).toEqual({ patches: ['@./a.yaml'], nodes: [] });
  });

  it('refuses an unknown node and a bad ref', () => {
    const unknown = (() => {
      try {
        add(CT.talconfig, { scope: 'node', hostname: 'k8s-9' }, '@./x.yaml');
      } catch (e) {
        return e;
      }
    })();
    expect(unknown).toBeInstanceOf(HomeopsError);
    expect(unknown).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'target',
      message: 'no node "k8s-9" in talconfig.yaml',
      fix: 'give the hostname of an existing node',
    });
    expect(() => add(CT.talconfig, { scope: 'global' }, '@./my patch.yaml')).toThrow(
      expect.objectContaining({
        field: 'patch',
        message: '"@./my patch.yaml" is not a patch file reference',
        fix: 'give a path like @./patches/global/cilium.yaml',
      }),
    );
  });

  it.skipIf(!hasSchemas)('edited talconfigs still validate against talconfig.json', () => {
    let text = CT.talconfig;
    for (const target of [
      { scope: 'global' },
      { scope: 'controlPlane' },
      { scope: 'worker' },
      { scope: 'node', hostname: 'k8s-2' },
    ] as const) {
      text = add(text, target, '@./patches/extra.yaml').text;
    }
    expect(validateTalconfig(text)).toEqual([]);
  });
});

describe('parsePatchTarget and suggestPatchRef', () => {
  const ctFacts = readTalconfigFacts(parseDocument(CT.talconfig));
  const toolFacts = readTalconfigFacts(parseDocument(TOOL.talconfig), {
    vars: parseEnvFile(TOOL.clusterenv),
  });

  it('reads scopes and hostnames', () => {
    expect(parsePatchTarget('all')).toEqual({ scope: 'global' });
    expect(parsePatchTarget('control-plane')).toEqual({ scope: 'controlPlane' });
    expect(parsePatchTarget('Worker')).toEqual({ scope: 'worker' });
    expect(parsePatchTarget('k8s-1', ctFacts)).toEqual({ scope: 'node', hostname: 'k8s-1' });
    expect(() => parsePatchTarget('k8s-9', ctFacts)).toThrow(
      expect.objectContaining({ code: 'INVALID_INPUT', field: 'target' }),
    );
  });

  it('follows the folder layout of the file', () => {
    expect(suggestPatchRef(ctFacts, { scope: 'global' }, 'cilium.yaml')).toBe(
      '@./patches/global/cilium.yaml',
    );
    expect(suggestPatchRef(ctFacts, { scope: 'controlPlane' }, 'x.yaml')).toBe(
      '@./patches/controller/x.yaml',
    );
    expect(suggestPatchRef(ctFacts, { scope: 'worker' }, 'x.yaml')).toBe(
      '@./patches/worker/x.yaml',
    );
    expect(suggestPatchRef(ctFacts, { scope: 'node', hostname: 'k8s-1' }, 'x.yaml')).toBe(
      '@./patches/k8s-1/x.yaml',
    );
    expect(suggestPatchRef(toolFacts, { scope: 'global' }, 'cilium.yaml')).toBe(
      '@./patches/cilium.yaml',
    );
    expect(
      suggestPatchRef(toolFacts, { scope: 'node', hostname: 'k8s-worker-1' }, 'gpu.yaml'),
    ).toBe('@./patches/gpu.yaml');
    expect(refToPath('@./patches/global/cilium.yaml')).toBe('patches/global/cilium.yaml');
  });
});
