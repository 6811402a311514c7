/**
 * Synthetic repos shaped unlike the fixtures (written for the project), as a new user brings them:
 * topf in one folder per cluster numbered in tens, per-node templates in one flat folder.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const SCHEMATIC = '376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba';

export function writeRepo(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'homeops-new-shape-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const topfNode = (host: string, ip: string, role: string, mac: string) =>
  `  - host: ${host}\n    ip: ${ip}\n    role: ${role}\n    schematicId: ${SCHEMATIC}\n    data:\n      installDisk: /dev/sda\n      macAddr: "${mac}"\n`;

/** topf in clusters/<cluster>/talos/, its patches numbered 10-, 20-, 30-. */
export const topfClusters = (): Record<string, string> => ({
  'clusters/home/talos/topf.yaml': `clusterName: home\nclusterEndpoint: https://10.1.0.5:6443\nkubernetesVersion: v1.34.1\ntalosVersion: v1.12.3\nnodes:\n${topfNode('atlas', '10.1.0.11', 'control-plane', 'aa:bb:cc:00:00:11')}${topfNode('boreas', '10.1.0.12', 'worker', 'aa:bb:cc:00:00:12')}`,
  'clusters/home/talos/all/10-network.yaml.tpl':
    '---\napiVersion: v1alpha1\nkind: LinkConfig\nname: eth0\naddresses:\n  - address: "{{ .Node.IP }}/24"\nroutes:\n  - gateway: 10.1.0.1\n',
  'clusters/home/talos/all/20-kubelet.yaml':
    '---\nmachine:\n  kubelet:\n    extraConfig:\n      maxPods: 250\n',
  'clusters/home/talos/all/30-install.yaml.tpl':
    '---\nmachine:\n  install:\n    disk: {{ .Node.Data.installDisk }}\n',
  'clusters/home/talos/control-plane/10-vip.yaml':
    '---\napiVersion: v1alpha1\nkind: Layer2VIPConfig\nname: 10.1.0.5\nlink: eth0\n',
  'clusters/lab/talos/topf.yaml':
    'clusterName: lab\nclusterEndpoint: https://lab.internal:6443\nkubernetesVersion: v1.34.1\ntalosVersion: v1.11.5\nnodes:\n  - host: lab-cp1\n    ip: 172.16.5.20\n    role: control-plane\n    data:\n      installDisk: /dev/vda\n',
});

/** Per-node templates in one flat folder, Talos 1.11 legacy network, no machine.type: the VIP says who is a control plane. */
export function flatTemplates(): Record<string, string> {
  const files: Record<string, string> = {
    'kubernetes/bootstrap/talos/machineconfig.yaml.j2':
      '---\nversion: v1alpha1\nmachine:\n  install:\n    image: factory.talos.dev/installer/{{ ENV.SCHEMATIC_ID }}:v1.11.5\ncluster:\n  controlPlane:\n    endpoint: https://10.9.0.50:6443\n',
    'Taskfile.yaml':
      'version: "3"\ntasks:\n  upgrade-all:\n    cmds:\n      - for: [alpha, beta, gamma, delta]\n        cmd: talosctl -n {{.ITEM}} upgrade\n',
  };
  for (const [host, octet, cp] of [
    ['alpha', 11, true],
    ['beta', 12, true],
    ['gamma', 13, true],
    ['delta', 21, false],
  ] as const)
    files[`kubernetes/bootstrap/talos/nodes/${host}.yaml.j2`] =
      `---\nmachine:\n  install:\n    disk: /dev/sda\n  network:\n    hostname: ${host}\n    interfaces:\n      - deviceSelector:\n          hardwareAddr: "de:ad:be:ef:00:${octet}"\n        addresses:\n          - 10.9.0.${octet}/24\n        routes:\n          - network: 0.0.0.0/0\n            gateway: 10.9.0.1\n${cp ? '        vip:\n          ip: 10.9.0.50\n' : ''}`;
  return files;
}
