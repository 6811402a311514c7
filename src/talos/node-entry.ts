/**
 * Builds a new `nodes[]` entry in the shape of an existing node (the template): same key order,
 * same quoting, routes/MTU/VIP copied, the new node's own address, MAC, disk and image.
 */
import { isMap, isScalar, YAMLMap } from 'yaml';
import type { Document } from 'yaml';
import type { CheckedNodeInput } from './node-input.ts';
import { buildLevel, cidrOnce } from './node-interface.ts';
import { majorityScalarStyle } from './scalar-style.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import type { NodeFacts } from './talconfig-node.ts';
import { seqItems } from './talconfig-node.ts';
import { copy, scalar, seqLike } from './yaml-nodes.ts';

type AnyMap = YAMLMap<unknown, unknown>;

export interface NodeEntry {
  node: YAMLMap;
  warnings: string[];
  /** Per-node patch refs given to the new node (`@./patches/<hostname>/x.yaml`). */
  nodePatchRefs: string[];
  /** The node whose shape was followed, if any. */
  template?: NodeFacts;
  /** The node whose per-node patch refs were mirrored, if any. */
  patchSource?: NodeFacts;
}

/** Keys copied verbatim from the template: cluster-wide by nature. */
const COPIED = ['machineSpec', 'nameservers', 'disableSearchDomain'];
const CANONICAL = [
  'hostname',
  'ipAddress',
  'controlPlane',
  'installDisk',
  'talosImageURL',
  'networkInterfaces',
  'patches',
];
const SLOT: Record<string, string> = {
  installDiskSelector: 'installDisk',
  schematic: 'talosImageURL',
};

/** `@./patches/k8s-0/x.yaml` -> `@./patches/<hostname>/x.yaml` */
function renameFolder(ref: string, owner: NodeFacts, hostname: string): string {
  const segs = ref.split('/');
  return segs
    .map((seg, i) =>
      i < segs.length - 1 && (seg === owner.hostname || seg === owner.hostnameResolved)
        ? hostname
        : seg,
    )
    .join('/');
}

/**
 * The image key and value for the new node: from the schematic input, else like the others. A
 * sibling's own `schematic` is node-specific (GPU drivers...): not copied when the role's group
 * (`controlPlane:` / `worker:`) has one, else copied with a warning naming its extensions.
 */
function chooseImage(
  facts: TalconfigFacts,
  template: NodeFacts | undefined,
  t: AnyMap,
  input: CheckedNodeInput,
  warn: string[],
  groupSchematic: boolean,
  urlLike: unknown,
): [string, unknown] | undefined {
  if (input.schematic) {
    const url = facts.image.talosImageURL ?? '';
    const image =
      'image' in input.schematic
        ? input.schematic.image
        : /\/[0-9a-f]{64}$/.test(url)
          ? url.replace(/[0-9a-f]{64}$/, input.schematic.id)
          : `factory.talos.dev/installer/${input.schematic.id}`;
    if (template?.image === 'schematic')
      warn.push(
        `${template.hostname} uses an inline schematic; the new node uses talosImageURL ${image}`,
      );
    return ['talosImageURL', scalar(image, urlLike)];
  }
  if (template?.image === 'talosImageURL' && facts.image.talosImageURL)
    return ['talosImageURL', scalar(facts.image.talosImageURL, urlLike)];
  if (template?.image === 'schematic') {
    if (groupSchematic) return undefined;
    const extensions = officialExtensions(t.get('schematic', true));
    warn.push(
      `the schematic of ${template.hostname} was copied${extensions.length > 0 ? ` with its extensions ${extensions.join(', ')}` : ''}: remove what the new node does not need`,
    );
    return ['schematic', copy(t.get('schematic', true))];
  }
  return undefined;
}

/** `customization.systemExtensions.officialExtensions` of a schematic. */
function officialExtensions(schematic: unknown): string[] {
  const list = isMap(schematic)
    ? (schematic as AnyMap).getIn(['customization', 'systemExtensions', 'officialExtensions'], true)
    : undefined;
  return seqItems(list)
    .map((i) => (isScalar(i) ? String(i.value) : ''))
    .filter((x) => x !== '');
}

export function buildNodeEntry(
  doc: Document,
  facts: TalconfigFacts,
  input: CheckedNodeInput,
): NodeEntry {
  const cp = input.role === 'controlplane';
  const template = facts.nodes.find((n) => n.controlPlane === cp) ?? facts.nodes[0];
  const t = template
    ? (doc.getIn(['nodes', template.index], true) as AnyMap)
    : new YAMLMap<unknown, unknown>();
  const warn: string[] = [];
  const values = new Map<string, [string, unknown]>();
  const put = (slot: string, key: string, value: unknown): void =>
    void values.set(slot, [key, value]);

  /**
   * The template's scalar at `path`, else the first other node's, else the style most of the
   * nodes' strings have: new values are quoted like it.
   */
  const siblings = facts.nodes.map((n) => doc.getIn(['nodes', n.index], true));
  const like = (...path: string[]): unknown =>
    [template, ...facts.nodes.filter((n) => n !== template)]
      .map((n) => (n ? doc.getIn(['nodes', n.index, ...path], true) : undefined))
      .find(isScalar) ?? majorityScalarStyle(siblings);

  put('hostname', 'hostname', scalar(input.hostname, like('hostname')));
  put('ipAddress', 'ipAddress', scalar(input.ip, like('ipAddress'), true));
  if (cp || t.has('controlPlane')) put('controlPlane', 'controlPlane', doc.createNode(cp));
  if (input.disk.kind === 'installDisk')
    put('installDisk', 'installDisk', scalar(input.disk.value, like('installDisk')));
  else
    put(
      'installDisk',
      'installDiskSelector',
      doc.createNode({
        [input.disk.key]: scalar(input.disk.value, like('installDiskSelector', input.disk.key)),
      }),
    );

  const image = chooseImage(
    facts,
    template,
    t,
    input,
    warn,
    doc.hasIn([cp ? 'controlPlane' : 'worker', 'schematic']),
    like('talosImageURL'),
  );
  if (image) put('talosImageURL', ...image);
  for (const k of COPIED) if (t.has(k)) put(k, k, copy(t.get(k, true)));

  const ifaces = seqItems(t.get('networkInterfaces', true)).filter(isMap) as AnyMap[];
  const withVip = cp && !!template?.controlPlane;
  if (ifaces[0] && template) {
    const cidr = cidrOnce(input.ip, facts, ifaces[0], warn);
    if (ifaces.length > 1)
      warn.push(
        `${template.hostname} has ${ifaces.length} interfaces; only the first was mirrored`,
      );
    put(
      'networkInterfaces',
      'networkInterfaces',
      seqLike(t.get('networkInterfaces', true), [
        buildLevel(
          ifaces[0],
          { mac: input.mac, cidr, withVip, from: template.hostname, warn },
          true,
        ),
      ]),
    );
  } else {
    put(
      'networkInterfaces',
      'networkInterfaces',
      doc.createNode([
        { deviceSelector: { hardwareAddr: scalar(input.mac, undefined, true) }, dhcp: true },
      ]),
    );
    if (template)
      warn.push(
        `${template.hostname} has no networkInterfaces; the new node uses DHCP on ${input.mac}: reserve ${input.ip} for it`,
      );
  }

  // a patch folder of its own when most nodes have one: one odd node's (special hardware) is no rule
  const withFolders = facts.nodes.filter((n) => n.nodePatchRefs.length > 0).length;
  const mirror = withFolders * 2 >= facts.nodes.length;
  const source = !mirror
    ? undefined
    : template && template.nodePatchRefs.length > 0
      ? template
      : facts.nodes.find((n) => n.nodePatchRefs.length > 0);
  const nodePatchRefs = source
    ? source.nodePatchRefs.map((r) => renameFolder(r, source, input.hostname))
    : [];
  const refLike = source
    ? seqItems(doc.getIn(['nodes', source.index, 'patches'], true))[0]
    : undefined;
  if (nodePatchRefs.length > 0)
    put(
      'patches',
      'patches',
      seqLike(
        t.get('patches', true),
        nodePatchRefs.map((r) => scalar(r, refLike, true)),
      ),
    );

  const skipped = (template?.keys ?? []).filter(
    (k) => !values.has(SLOT[k] ?? k) && !['patches', 'networkInterfaces'].includes(k),
  );
  if (template && skipped.length > 0)
    warn.push(
      `not copied from ${template.hostname}: ${skipped.join(', ')} (add them by hand if the new node needs them)`,
    );
  if (template && template.patches.length > template.nodePatchRefs.length)
    warn.push(`${template.hostname}'s shared or inline patches were not copied`);

  const node = new YAMLMap();
  const order = [...(template?.keys ?? []).map((k) => SLOT[k] ?? k), ...CANONICAL, ...COPIED];
  for (const slot of new Set(order)) {
    const v = values.get(slot);
    if (v) node.set(v[0], v[1]);
  }
  return {
    node,
    warnings: warn,
    nodePatchRefs,
    ...(template && { template }),
    ...(source && { patchSource: source }),
  };
}
