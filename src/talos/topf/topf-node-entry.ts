/**
 * A new `nodes[]` entry of topf.yaml in the shape of a sibling of the same role: its keys in its
 * order and quoting (`host`, `ip`, `role`, `schematicId`, `data`), its cluster-wide data copied
 * (`mtu`, `encryptDisk`), the new node's own host, address, MAC, install disk and schematic.
 */
import { isMap, isScalar, YAMLMap } from 'yaml';
import { HomeopsError } from '../../errors.ts';
import type { CheckedNodeInput } from '../node-input.ts';
import { copy, keyText, scalar } from '../yaml-nodes.ts';
import type { TopfNode, TopfRepo } from './topf-repo.ts';

/** `data:` keys that say how the cluster is built rather than which machine it is. */
const COPIED_DATA = ['mtu', 'encryptDisk'];
/** Node keys copied as they are (image variant, platform). */
const COPIED = ['secureboot', 'talosVersion', 'factory', 'platform'];
const DISK_KEYS = ['installDisk', 'installDiskSerial'];

export interface TopfEntry {
  node: YAMLMap;
  template?: TopfNode;
  warnings: string[];
}

/** The `data:` key and value of the install disk, or a refusal naming the keys the repo reads. */
function diskData(repo: TopfRepo, input: CheckedNodeInput): [string, string] {
  const { disk } = input;
  const key =
    disk.kind === 'installDisk'
      ? 'installDisk'
      : disk.key === 'serial'
        ? 'installDiskSerial'
        : undefined;
  const known = DISK_KEYS.filter((k) => repo.dataKeys.has(k));
  if (key && (known.length === 0 || known.includes(key))) return [key, disk.value];
  const takes = known
    .map((k) =>
      k === 'installDisk' ? 'a device path (installDisk)' : 'a disk serial (installDiskSerial)',
    )
    .join(' or ');
  throw new HomeopsError(
    'INVALID_INPUT',
    `the nodes of ${repo.file} name their install disk by ${takes || 'installDisk or installDiskSerial'}, not ${disk.kind === 'installDisk' ? 'a device path' : `${disk.key}:`}`,
    { field: 'disk', fix: `give ${takes || 'a device path or a disk serial'}` },
  );
}

export function buildTopfEntry(repo: TopfRepo, input: CheckedNodeInput): TopfEntry {
  const cp = input.role === 'controlplane';
  const template = repo.nodes.find((n) => n.controlPlane === cp) ?? repo.nodes[0];
  const t = template ? repo.doc.getIn(['nodes', template.index], true) : undefined;
  const tmap = isMap(t) ? (t as YAMLMap<unknown, unknown>) : new YAMLMap<unknown, unknown>();
  const warnings: string[] = [];
  /** The sibling's scalar at `path` (else any node's): new values are quoted like it. */
  const like = (...path: string[]): unknown =>
    [template, ...repo.nodes]
      .map((n) => (n ? repo.doc.getIn(['nodes', n.index, ...path], true) : undefined))
      .find(isScalar);
  const roleText =
    repo.nodes.find((n) => n.controlPlane === cp)?.role ?? (cp ? 'control-plane' : 'worker');
  const [diskKey, diskValue] = diskData(repo, input);

  const values = new Map<string, unknown>();
  values.set('host', scalar(input.hostname, like('host')));
  values.set('ip', scalar(input.ip, like('ip')));
  values.set('role', scalar(roleText, like('role')));
  const schematic = input.schematic && 'id' in input.schematic ? input.schematic.id : undefined;
  if (input.schematic && 'image' in input.schematic)
    throw new HomeopsError(
      'INVALID_INPUT',
      `topf takes a schematic ID, not an installer image (${input.schematic.image})`,
      {
        field: 'schematic',
        fix: 'give the 64-hex schematic ID from factory.talos.dev',
      },
    );
  if (schematic) values.set('schematicId', scalar(schematic, like('schematicId')));
  else if (tmap.has('schematicId')) values.set('schematicId', copy(tmap.get('schematicId', true)));
  for (const k of COPIED) if (tmap.has(k)) values.set(k, copy(tmap.get(k, true)));

  const tdata = tmap.get('data', true);
  const data = new YAMLMap();
  const skipped: string[] = [];
  const putDisk = () => data.set(diskKey, scalar(diskValue, like('data', diskKey)));
  const macKey = repo.macKey ?? 'macAddr';
  const putMac = () => {
    const sibling = like('data', macKey);
    const text = isScalar(sibling) ? String(sibling.value) : '';
    const mac = /[A-F]/.test(text) && !/[a-f]/.test(text) ? input.mac.toUpperCase() : input.mac;
    data.set(macKey, scalar(mac, sibling, true));
  };
  let disk = false;
  let mac = false;
  for (const { key, value } of isMap(tdata) ? tdata.items : []) {
    const k = keyText(key);
    if (DISK_KEYS.includes(k)) {
      if (!disk) putDisk();
      disk = true;
    } else if (k === macKey) {
      putMac();
      mac = true;
    } else if (COPIED_DATA.includes(k)) data.set(k, copy(value));
    else skipped.push(`data.${k}`);
  }
  if (!disk) {
    // the install disk leads the data, as in the siblings that have one
    putDisk();
    const pair = data.items.pop();
    if (pair) data.items.unshift(pair);
  }
  if (!mac && repo.macKey) putMac();
  values.set('data', data);

  const node = new YAMLMap();
  const order = [
    ...tmap.items.map((p) => keyText(p.key)),
    'host',
    'ip',
    'role',
    'schematicId',
    'data',
  ];
  for (const k of new Set(order)) if (values.has(k)) node.set(k, values.get(k));
  const otherKeys = tmap.items.map((p) => keyText(p.key)).filter((k) => !values.has(k));
  skipped.unshift(...otherKeys);
  if (template && skipped.length > 0)
    warnings.push(
      `not copied from ${template.host}: ${skipped.join(', ')} (add them by hand if ${input.hostname} needs them)`,
    );
  if (!repo.macKey)
    warnings.push(
      `the nodes of ${repo.file} do not name their MAC (no data.macAddr): ${input.mac} was only checked against the other nodes`,
    );
  return { node, ...(template && { template }), warnings };
}
