import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { HomeopsError } from '../../src/errors.ts';
import { readTalconfigFacts } from '../../src/talos/talconfig-facts.ts';
import { parseTalosVersion } from '../../src/talos/talos-version.ts';
import { parseEnvFile, placeholderNames, resolvePlaceholders } from '../../src/talos/vars.ts';
import { CT, TOOL } from './samples.ts';

const toolVars = parseEnvFile(TOOL.clusterenv, 'clusterenv.yaml');

describe('placeholders', () => {
  it('finds and resolves ${VAR} forms', () => {
    expect(placeholderNames('https://${VIP}:6443 ${VIP} ${A:-x}')).toEqual(['VIP', 'A']);
    expect(resolvePlaceholders('https://${VIP}:6443', { VIP: '10.0.0.1' })).toBe(
      'https://10.0.0.1:6443',
    );
    expect(resolvePlaceholders('${A:-def}/${B=x}', {})).toBe('def/x');
    expect(resolvePlaceholders('${A:-def}', { A: '' })).toBe('def');
    expect(resolvePlaceholders('${A-def}', { A: '' })).toBe('');
    expect(resolvePlaceholders('${MISSING}/24', {})).toBeUndefined();
  });
  it('reads env files, keeping version-like numbers as written', () => {
    expect(parseEnvFile('a: 1.10\nb: v1.2.3\nnested: {x: 1}\n')).toEqual({
      a: '1.10',
      b: 'v1.2.3',
    });
    const err = (() => {
      try {
        parseEnvFile('a: 1\n b: [\n', 'talos/talenv.yaml');
      } catch (e) {
        return e;
      }
    })() as HomeopsError;
    expect(err).toBeInstanceOf(HomeopsError);
    expect(err).toMatchObject({
      code: 'YAML',
      file: 'talos/talenv.yaml',
      line: 1,
      message: 'Nested mappings are not allowed in compact mappings at line 1, column 4',
      fix: 'fix the YAML syntax of this file, then run the generator again',
    });
  });
});

describe('talos versions', () => {
  it('parses v-prefixed and pre-release versions', () => {
    expect(parseTalosVersion('v1.11.3')).toEqual({ major: 1, minor: 11, patch: 3 });
    expect(parseTalosVersion('1.12')).toEqual({ major: 1, minor: 12 });
    expect(parseTalosVersion('v1.13.0-beta.1')).toEqual({ major: 1, minor: 13, patch: 0 });
    expect(parseTalosVersion('${talosVersion}')).toBeUndefined();
  });
});

describe('readTalconfigFacts: cluster-template style', () => {
  const doc = parseDocument(CT.talconfig);
  const facts = readTalconfigFacts(doc, { talenv: CT.talenv });

  it('resolves ${talosVersion} from talenv.yaml', () => {
    expect(facts.talosVersion).toEqual({
      raw: '${talosVersion}',
      resolved: 'v1.11.3',
      version: { major: 1, minor: 11, patch: 3 },
    });
    expect(facts.placeholders).toEqual(['talosVersion', 'kubernetesVersion']);
    expect(facts.unresolved).toEqual([]);
  });
  it('keeps the placeholder when there is no talenv', () => {
    const bare = readTalconfigFacts(doc);
    expect(bare.talosVersion).toEqual({ raw: '${talosVersion}' });
    expect(bare.unresolved).toEqual(['talosVersion', 'kubernetesVersion']);
  });
  it('reads the nodes', () => {
    expect(facts.nodes.map((n) => [n.hostname, n.ipAddress, n.controlPlane, n.macs])).toEqual([
      ['k8s-0', '192.168.1.11', true, ['aa:bb:cc:00:00:01']],
      ['k8s-1', '192.168.1.12', true, ['aa:bb:cc:00:00:02']],
      ['k8s-2', '192.168.1.13', true, ['aa:bb:cc:00:00:03']],
    ]);
    expect(facts.nodes.map((n) => n.disk)).toEqual([
      { kind: 'installDisk', value: '/dev/sda' },
      { kind: 'installDiskSelector', keys: ['serial'] },
      { kind: 'installDisk', value: '/dev/nvme0n1' },
    ]);
    expect(facts.nodes[0]!.keys).toEqual([
      'hostname',
      'ipAddress',
      'installDisk',
      'machineSpec',
      'talosImageURL',
      'controlPlane',
      'networkInterfaces',
      'patches',
    ]);
  });
  it('reads the shared network, image and patch layout', () => {
    expect(facts.subnets.map((s) => s.prefix)).toEqual([24]);
    expect(facts).toMatchObject({
      clusterName: 'kubernetes',
      endpoint: { raw: 'https://192.168.1.10:6443', host: '192.168.1.10' },
      vip: '192.168.1.10',
      gateway: '192.168.1.1',
      mtu: 1500,
      image: {
        style: 'talosImageURL',
        talosImageURL:
          'factory.talos.dev/installer/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba',
      },
      perNodePatches: true,
    });
    expect(facts.nodes[1]!.nodePatchRefs).toEqual(['@./patches/k8s-1/node.yaml']);
    expect(facts.patchRefs.global).toHaveLength(5);
    expect(facts.patchRefs.controlPlane).toEqual([
      '@./patches/controller/admission-controller-patch.yaml',
      '@./patches/controller/cluster.yaml',
    ]);
    expect(facts.patchRefs.worker).toEqual([]);
  });
  it('takes load-balancer pools from options', () => {
    const withPool = readTalconfigFacts(doc, {
      loadBalancerRanges: ['192.168.1.200-192.168.1.220', 'garbage'],
    });
    expect(withPool.loadBalancerRanges.map((r) => r.text)).toEqual(['192.168.1.200-192.168.1.220']);
  });
});

describe('readTalconfigFacts: ClusterTool style', () => {
  const doc = parseDocument(TOOL.talconfig);

  it('resolves ${VAR} values from clusterenv vars', () => {
    const facts = readTalconfigFacts(doc, { vars: toolVars });
    expect(
      facts.nodes.map((n) => [n.hostname, n.ipAddressRaw, n.ipAddress, n.controlPlane]),
    ).toEqual([
      ['k8s-control-1', '${MASTER1IP}', '192.168.10.101', true],
      ['k8s-worker-1', '192.168.10.111', '192.168.10.111', false],
    ]);
    expect(facts.nodes[0]!.addresses).toEqual(['192.168.10.101/24']);
    expect(facts).toMatchObject({
      vip: '192.168.10.200',
      gateway: '192.168.10.1',
      endpoint: { host: '192.168.10.200' },
      clusterName: 'main',
    });
    expect(facts.talosVersion?.version).toEqual({ major: 1, minor: 12, patch: 4 });
    expect(facts.image.style).toBe('none');
    expect(facts.perNodePatches).toBe(false);
    expect(facts.loadBalancerRanges.map((r) => r.text)).toEqual(['192.168.10.220-192.168.10.250']);
    expect(facts.reservedIps.map((r) => r.name)).toEqual([
      'VIP',
      'MASTER1IP',
      'GATEWAY',
      'NGINX_INTERNAL_IP',
      'BLOCKY_IP',
    ]);
    expect(facts.patchRefs.worker).toEqual([
      '@./patches/worker.yaml',
      '@./patches/garbagecollection.yaml',
    ]);
  });
  it('compares literally without vars', () => {
    const facts = readTalconfigFacts(doc);
    expect(facts.nodes[0]!.ipAddress).toBeUndefined();
    expect(facts.nodes[0]!.addresses).toEqual(['${MASTER1IP}/24']);
    expect(facts.vip).toBe('${VIP}');
    expect(facts.subnets).toHaveLength(1);
    expect(facts.unresolved).toEqual([
      'CLUSTERNAME',
      'VIP',
      'PODNET',
      'SVCNET',
      'MASTER1IP',
      'GATEWAY',
    ]);
  });
});
