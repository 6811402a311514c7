import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { addNode } from '../../src/talos/add-node.ts';
import { readTalconfigFacts } from '../../src/talos/talconfig-facts.ts';
import { parseEnvFile } from '../../src/talos/vars.ts';
import { CT, insertedAfter, TOOL } from './samples.ts';
import {
  hasSchemas,
  TALOS_SCHEMA_VERSIONS,
  validateTalconfig,
  validateTalosPatch,
} from './talos-schema.ts';

const SCHEMATIC = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';
const NEW_SCHEMATIC = 'a'.repeat(64);

function ct() {
  const doc = parseDocument(CT.talconfig);
  return { doc, facts: readTalconfigFacts(doc, { talenv: CT.talenv }) };
}
function tool() {
  const doc = parseDocument(TOOL.talconfig);
  return { doc, facts: readTalconfigFacts(doc, { vars: parseEnvFile(TOOL.clusterenv) }) };
}

const CT_LAST_LINE = '      - "@./patches/k8s-2/node.yaml"';

describe('addNode: cluster-template style', () => {
  it('appends a worker in the shape of the existing nodes, keeping every other byte', () => {
    const { doc, facts } = ct();
    const r = addNode(
      doc,
      facts,
      {
        hostname: 'k8s-3',
        ip: '192.168.1.14',
        role: 'worker',
        disk: '/dev/sda',
        mac: 'AA-BB-CC-00-00-04',
      },
      { source: CT.talconfig },
    );
    const block = `  - hostname: "k8s-3"
    ipAddress: "192.168.1.14"
    installDisk: "/dev/sda"
    machineSpec:
      secureboot: false
    talosImageURL: factory.talos.dev/installer/${SCHEMATIC}
    controlPlane: false
    networkInterfaces:
      - deviceSelector:
          hardwareAddr: "aa:bb:cc:00:00:04"
        dhcp: false
        addresses:
          - "192.168.1.14/24"
        routes:
          - network: "0.0.0.0/0"
            gateway: "192.168.1.1"
        mtu: 1500
    patches:
      - "@./patches/k8s-3/node.yaml"
`;
    expect(r.text).toBe(insertedAfter(CT.talconfig, CT_LAST_LINE, block));
    expect(r.exact).toBe(true);
    expect(r.warnings).toEqual([]);
    expect(r.doc.toJS().nodes).toHaveLength(4);
    expect(r.patchFolder).toEqual({
      dir: 'patches/k8s-3',
      refs: ['@./patches/k8s-3/node.yaml'],
      files: [
        {
          path: 'patches/k8s-3/node.yaml',
          content:
            '---\n# Patch for node k8s-3 only (strategic merge).\n# See patches/k8s-0/node.yaml for what k8s-0 sets here.\nmachine: {}\n',
        },
      ],
    });
    expect(doc.toString()).toBe(parseDocument(CT.talconfig).toString()); // the input document is untouched
  });

  it('gives a control plane the VIP, a serial selector and a new schematic, and warns on an even count', () => {
    const { doc, facts } = ct();
    const r = addNode(
      doc,
      facts,
      {
        hostname: 'k8s-3',
        ip: '192.168.1.14',
        role: 'controlplane',
        disk: 'S4EVNX0N999999',
        mac: 'aa:bb:cc:00:00:04',
        schematic: NEW_SCHEMATIC,
      },
      { source: CT.talconfig },
    );
    const block = `  - hostname: "k8s-3"
    ipAddress: "192.168.1.14"
    installDiskSelector:
      serial: "S4EVNX0N999999"
    machineSpec:
      secureboot: false
    talosImageURL: factory.talos.dev/installer/${NEW_SCHEMATIC}
    controlPlane: true
    networkInterfaces:
      - deviceSelector:
          hardwareAddr: "aa:bb:cc:00:00:04"
        dhcp: false
        addresses:
          - "192.168.1.14/24"
        routes:
          - network: "0.0.0.0/0"
            gateway: "192.168.1.1"
        mtu: 1500
        vip:
          ip: "192.168.1.10"
    patches:
      - "@./patches/k8s-3/node.yaml"
`;
    expect(r.text).toBe(insertedAfter(CT.talconfig, CT_LAST_LINE, block));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/4 control planes.*odd/);
  });

  it('refuses the same node a second time', () => {
    const { doc, facts } = ct();
    const input = {
      hostname: 'k8s-3',
      ip: '192.168.1.14',
      role: 'worker',
      disk: '/dev/sda',
      mac: 'aa:bb:cc:00:00:04',
    };
    const r = addNode(doc, facts, input, { source: CT.talconfig });
    expect(() =>
      addNode(r.doc, readTalconfigFacts(r.doc, { talenv: CT.talenv }), input, { source: r.text }),
    ).toThrow(/already used/);
  });

  describe.skipIf(!hasSchemas)('against the official schemas', () => {
    it('the sample and the edited talconfig validate against talconfig.json', () => {
      const { doc, facts } = ct();
      expect(validateTalconfig(CT.talconfig)).toEqual([]);
      for (const role of ['worker', 'controlplane']) {
        const r = addNode(
          doc,
          facts,
          {
            hostname: 'k8s-3',
            ip: '192.168.1.14',
            role,
            disk: 'serial:ABC123',
            mac: 'aa:bb:cc:00:00:04',
          },
          { source: CT.talconfig },
        );
        expect(validateTalconfig(r.text)).toEqual([]);
      }
    });
    it('the per-node patch file validates on every Talos version', () => {
      const { doc, facts } = ct();
      const r = addNode(
        doc,
        facts,
        {
          hostname: 'k8s-3',
          ip: '192.168.1.14',
          role: 'worker',
          disk: '/dev/sda',
          mac: 'aa:bb:cc:00:00:04',
        },
        { source: CT.talconfig },
      );
      for (const v of TALOS_SCHEMA_VERSIONS)
        expect(validateTalosPatch(r.patchFolder!.files[0]!.content, v)).toEqual([]);
    });
  });
});

const TOOL_LAST_LINE = '              gateway: ${GATEWAY}\n    # - hostname: k8s-worker-2';

describe('addNode: ClusterTool style (${VAR} placeholders)', () => {
  it('appends a worker before the trailing comment, keeping placeholders as written', () => {
    const { doc, facts } = tool();
    const r = addNode(
      doc,
      facts,
      {
        hostname: 'k8s-worker-2',
        ip: '192.168.10.112',
        role: 'worker',
        disk: 'size:<= 600GB',
        mac: 'ac:1f:6b:2d:ba:30',
      },
      { source: TOOL.talconfig },
    );
    const block = `    - hostname: k8s-worker-2
      ipAddress: 192.168.10.112
      nameservers:
        - 1.1.1.1
        - 8.8.8.8
      installDiskSelector:
        size: <= 600GB
      networkInterfaces:
        - deviceSelector:
            hardwareAddr: "ac:1f:6b:2d:ba:30"
          addresses:
            - 192.168.10.112/24
          routes:
            - network: 0.0.0.0/0
              gateway: \${GATEWAY}
`;
    const at = TOOL.talconfig.indexOf(TOOL_LAST_LINE) + TOOL_LAST_LINE.indexOf('\n') + 1;
    expect(r.text).toBe(TOOL.talconfig.slice(0, at) + block + TOOL.talconfig.slice(at));
    expect(r.exact).toBe(true);
    expect(r.patchFolder).toBeUndefined();
    expect(r.warnings).toEqual([]);
  });

  it('copies the ${VIP} placeholder for a control plane and adds controlPlane: true', () => {
    const { doc, facts } = tool();
    const r = addNode(
      doc,
      facts,
      {
        hostname: 'k8s-control-2',
        ip: '192.168.10.102',
        role: 'controlplane',
        disk: '/dev/nvme0n1',
        mac: 'ac:1f:6b:2d:ba:31',
      },
      { source: TOOL.talconfig },
    );
    const node = r.doc.toJS().nodes[2];
    expect(node).toEqual({
      hostname: 'k8s-control-2',
      ipAddress: '192.168.10.102',
      controlPlane: true,
      nameservers: ['1.1.1.1', '8.8.8.8'],
      installDisk: '/dev/nvme0n1',
      networkInterfaces: [
        {
          deviceSelector: { hardwareAddr: 'ac:1f:6b:2d:ba:31' },
          addresses: ['192.168.10.102/24'],
          routes: [{ network: '0.0.0.0/0', gateway: '${GATEWAY}' }],
          vip: { ip: '${VIP}' },
        },
      ],
    });
    expect(r.text).toContain('            ip: ${VIP}\n    # - hostname: k8s-worker-2');
    expect(r.warnings).toEqual([expect.stringMatching(/2 control planes/)]);
  });

  it('without the source text, edits the re-rendered document the same way', () => {
    const { doc, facts } = tool();
    const input = {
      hostname: 'k8s-worker-2',
      ip: '192.168.10.112',
      role: 'worker',
      disk: 'S1',
      mac: 'ac:1f:6b:2d:ba:30',
    };
    const rendered = doc.toString({ lineWidth: 0 });
    const r = addNode(doc, facts, input);
    const withSource = addNode(parseDocument(rendered), facts, input, { source: rendered });
    expect(r.text).toBe(withSource.text);
    expect(r.doc.toJS()).toEqual(addNode(doc, facts, input, { source: TOOL.talconfig }).doc.toJS());
  });

  it.skipIf(!hasSchemas)('the edited talconfig validates against talconfig.json', () => {
    const { doc, facts } = tool();
    expect(validateTalconfig(TOOL.talconfig)).toEqual([]);
    const r = addNode(
      doc,
      facts,
      {
        hostname: 'k8s-worker-2',
        ip: '192.168.10.112',
        role: 'worker',
        disk: 'model:Samsung*',
        mac: 'ac:1f:6b:2d:ba:30',
      },
      { source: TOOL.talconfig },
    );
    expect(validateTalconfig(r.text)).toEqual([]);
  });
});

describe('addNode: other shapes', () => {
  it('follows flow lists, VLANs and non-indented sequences, and warns about what it does not copy', () => {
    const source = `clusterName: lab
nodes:
- hostname: cp-1
  ipAddress: 10.0.20.11
  controlPlane: true
  installDisk: /dev/sda
  schematic:
    customization:
      systemExtensions:
        officialExtensions: [siderolabs/intel-ucode]
  nodeLabels: {zone: a}
  networkInterfaces:
  - interface: eth0
    dhcp: false
    vlans:
    - vlanId: 20
      addresses: ["10.0.20.11/24"]
      routes: [{network: 0.0.0.0/0, gateway: 10.0.20.1}]
      vip: {ip: 10.0.20.10}
    bond: {mode: active-backup}
`;
    const doc = parseDocument(source);
    const facts = readTalconfigFacts(doc);
    const r = addNode(
      doc,
      facts,
      {
        hostname: 'cp-2',
        ip: '10.0.20.12',
        role: 'controlplane',
        disk: '/dev/sda',
        mac: '02:00:00:00:00:02',
      },
      { source },
    );
    expect(r.text).toBe(`${source}- hostname: cp-2
  ipAddress: 10.0.20.12
  controlPlane: true
  installDisk: /dev/sda
  schematic:
    customization:
      systemExtensions:
        officialExtensions: [siderolabs/intel-ucode]
  networkInterfaces:
  - deviceSelector:
      hardwareAddr: "02:00:00:00:00:02"
    dhcp: false
    vlans:
    - vlanId: 20
      addresses: ["10.0.20.12/24"]
      routes: [{network: 0.0.0.0/0, gateway: 10.0.20.1}]
      vip: {ip: 10.0.20.10}
`);
    expect(r.warnings).toEqual([
      'the schematic of cp-1 was copied with its extensions siderolabs/intel-ucode: remove what the new node does not need',
      'networkInterfaces bond of cp-1 not copied',
      'not copied from cp-1: nodeLabels (add them by hand if the new node needs them)',
      'the cluster will have 2 control planes: etcd tolerates no more failures with 2 members than with 1; use an odd number',
    ]);
  });

  it('gives DHCP nodes a MAC-selected DHCP interface and says to reserve the address', () => {
    const source =
      'nodes:\n  - hostname: w-1\n    ipAddress: 10.0.0.21\n    installDisk: /dev/sda\n';
    const doc = parseDocument(source);
    const r = addNode(
      doc,
      readTalconfigFacts(doc),
      {
        hostname: 'w-2',
        ip: '10.0.0.22',
        role: 'worker',
        disk: '/dev/sda',
        mac: '02:00:00:00:00:22',
      },
      { source },
    );
    expect(r.text).toBe(`${source}  - hostname: w-2
    ipAddress: 10.0.0.22
    installDisk: /dev/sda
    networkInterfaces:
      - deviceSelector:
          hardwareAddr: "02:00:00:00:00:22"
        dhcp: true
`);
    expect(r.warnings).toEqual([
      'w-1 has no networkInterfaces; the new node uses DHCP on 02:00:00:00:00:22: reserve 10.0.0.22 for it',
    ]);
  });
});

describe('addNode: copied parts', () => {
  it('drops anchors and comments from what it copies, and keeps aliases', () => {
    const source = `nodes:
  - hostname: a
    ipAddress: 10.0.0.1
    installDisk: /dev/sda
    nameservers: &dns # shared resolvers
      - 10.0.0.53
    networkInterfaces:
      - deviceSelector:
          hardwareAddr: "02:00:00:00:00:01"
        addresses: ["10.0.0.1/24"]
        # the default route
        routes: *routes
`;
    const withAnchor = `routes: &routes\n  - network: 0.0.0.0/0\n    gateway: 10.0.0.254\n${source}`;
    const doc = parseDocument(withAnchor);
    const r = addNode(
      doc,
      readTalconfigFacts(doc),
      { hostname: 'b', ip: '10.0.0.2', role: 'worker', disk: '/dev/sda', mac: '02:00:00:00:00:02' },
      { source: withAnchor },
    );
    expect(r.text).toBe(`${withAnchor}  - hostname: b
    ipAddress: 10.0.0.2
    installDisk: /dev/sda
    nameservers:
      - 10.0.0.53
    networkInterfaces:
      - deviceSelector:
          hardwareAddr: "02:00:00:00:00:02"
        addresses: ["10.0.0.2/24"]
        routes: *routes
`);
  });
});
