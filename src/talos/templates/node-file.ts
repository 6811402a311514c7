/**
 * A new per-node template in the shape of a sibling's: the sibling's file with its own values
 * (hostname, address, MAC, install disk, schematic) replaced by the new node's, in place, and every
 * other byte kept, template syntax (`{{ }}`, `{% %}`, `#{ }#`) included, never rendered.
 */
import { posix } from 'node:path';
import { isMap, isScalar } from 'yaml';
import { HomeopsError } from '../../errors.ts';
import type { Document, Pair, Scalar } from 'yaml';
import { formatIpv4, normalizeMac, parseIpv4 } from '../net.ts';
import type { CheckedNodeInput } from '../node-input.ts';
import { isMasked } from '../template-mask.ts';
import { keyText } from '../yaml-nodes.ts';
import { scalarsOf } from './templates-repo.ts';
import type { TemplateNode, TemplatesRepo } from './templates-repo.ts';
import { documentsOf } from '../yaml-documents.ts';
import { escapeRegExp } from '../../text/escape-reg-exp.ts';

export interface NodeFile {
  path: string;
  content: string;
  template: TemplateNode;
  warnings: string[];
}

interface Edit {
  from: number;
  to: number;
  text: string;
}

const IPV4 = /(?<![\d.])(\d{1,3}(?:\.\d{1,3}){3})(?![\d.])/g;

/** The same-role sibling to copy (the first of that role), else any node. */
export function templateFor(repo: TemplatesRepo, controlPlane: boolean): TemplateNode | undefined {
  return repo.nodes.find((n) => n.controlPlane === controlPlane) ?? repo.nodes[0];
}

/** Where the new file goes and how it is named: like its sibling (by address or by hostname). */
function pathFor(repo: TemplatesRepo, t: TemplateNode, node: CheckedNodeInput): string {
  const name = t.nameIs === 'ip' ? node.ip : node.hostname;
  const ext = posix.basename(t.path).slice(t.stem.length);
  const cp = node.role === 'controlplane';
  const folder =
    t.controlPlane === cp
      ? posix.dirname(t.path)
      : t.roleFolder
        ? posix.join(
            repo.nodesDir,
            repo.nodes.find((n) => n.controlPlane === cp)?.roleFolder ??
              (cp ? 'controlplane' : 'worker'),
          )
        : posix.dirname(t.path);
  return posix.join(folder, `${name}${ext}`);
}

/** A MAC in the letter case of the sibling's. */
const inCaseOf = (mac: string, sibling: string): string =>
  /[A-F]/.test(sibling) && !/[a-f]/.test(sibling) ? mac.toUpperCase() : mac;

/** The text a string scalar gets for the new node, and what was guessed on the way. */
function replaced(
  value: string,
  path: string[],
  t: TemplateNode,
  node: CheckedNodeInput,
  warn: string[],
): string {
  let out = value;
  if (t.hostnameText && value === t.hostnameText)
    out = [node.hostname, ...t.hostnameText.split('.').slice(1)].join('.');
  else if (value === t.hostname) out = node.hostname;
  if (t.ip) {
    const own = parseIpv4(t.ip) ?? 0;
    out = out.replace(IPV4, (ip) => {
      if (ip === t.ip) return node.ip;
      const other = parseIpv4(ip);
      // another subnet's address with the node's host part (a VLAN, a BGP router ID): keep the pattern
      if (other !== undefined && (other & 255) === (own & 255) && other >>> 8 !== own >>> 8) {
        const next = formatIpv4(((other & 0xffffff00) | ((parseIpv4(node.ip) ?? 0) & 255)) >>> 0);
        warn.push(
          `${ip} in ${t.path} ends like ${t.hostname}'s address, so ${node.hostname} got ${next}: check it`,
        );
        return next;
      }
      return ip;
    });
  }
  for (const mac of t.network.macs) {
    out = out.replace(new RegExp(escapeRegExp(mac), 'gi'), (m) => inCaseOf(node.mac, m));
  }
  const last = path.at(-1);
  const underInstall = path[0] === 'machine' && path[1] === 'install';
  if (underInstall && last === 'disk' && node.disk.kind === 'installDisk') out = node.disk.value;
  if (
    underInstall &&
    path[2] === 'diskSelector' &&
    node.disk.kind === 'installDiskSelector' &&
    last === node.disk.key
  )
    out = node.disk.value;
  if (underInstall && last === 'image' && node.schematic && 'id' in node.schematic)
    out = out.replace(/[0-9a-f]{64}/, node.schematic.id);
  if (path[0] === 'machine' && last === 'type' && path.length === 2)
    out = node.role === 'controlplane' ? 'controlplane' : 'worker';
  return out;
}

/** The source text of a scalar with its value replaced, keeping its quotes. */
function scalarEdit(masked: string, scalar: Scalar, next: string): Edit | undefined {
  const range = scalar.range;
  if (!range) return undefined;
  const source = masked.slice(range[0], range[1]);
  const value = String(scalar.value);
  if (!source.includes(value)) return undefined;
  return { from: range[0], to: range[1], text: source.replace(value, next) };
}

/** `disk: /dev/x` <-> `diskSelector: {key: value}`: the install pair rewritten when the kinds differ. */
function diskPairEdit(
  masked: string,
  docs: readonly Document.Parsed[],
  node: CheckedNodeInput,
): Edit | undefined {
  for (const doc of docs) {
    const install = doc.getIn(['machine', 'install'], true);
    if (!isMap(install)) continue;
    const pair = (install.items as Pair[]).find((p) =>
      ['disk', 'diskSelector'].includes(keyText(p.key)),
    );
    if (!pair || !isScalar(pair.key) || !pair.key.range) continue;
    const kind = keyText(pair.key);
    const same =
      (kind === 'disk' && node.disk.kind === 'installDisk') ||
      (kind === 'diskSelector' &&
        node.disk.kind === 'installDiskSelector' &&
        isMap(pair.value) &&
        pair.value.items.length === 1 &&
        pair.value.has(node.disk.key));
    if (same) return undefined;
    const from = pair.key.range[0];
    let end =
      (pair.value as { range?: [number, number, number] } | null)?.range?.[1] ?? pair.key.range[1];
    while (end > from && /\s/.test(masked[end - 1] ?? '')) end--;
    const col = from - (masked.lastIndexOf('\n', from - 1) + 1);
    const pad = ' '.repeat(col);
    const text =
      node.disk.kind === 'installDisk'
        ? `disk: ${node.disk.value}`
        : `diskSelector:\n${pad}  ${node.disk.key}: ${node.disk.value}`;
    return { from, to: end, text };
  }
  return undefined;
}

/** Settings copied as they are that usually differ per machine: named in a warning. */
function copiedAsIs(t: TemplateNode): string[] {
  const out: string[] = [];
  const NETWORK = [
    'HostnameConfig',
    'LinkAliasConfig',
    'LinkConfig',
    'BondConfig',
    'VLANConfig',
    'Layer2VIPConfig',
    'DHCPv4Config',
    'DHCPv6Config',
    'ResolverConfig',
  ];
  for (const doc of t.docs) {
    const kind = doc.get('kind');
    if (typeof kind === 'string') {
      if (!NETWORK.includes(kind))
        out.push(`${kind}${doc.get('name') ? ` ${String(doc.get('name'))}` : ''}`);
      continue;
    }
    const machine = doc.get('machine', true);
    for (const p of isMap(machine) ? machine.items : [])
      if (!['type', 'install', 'network'].includes(keyText(p.key)))
        out.push(`machine.${keyText(p.key)}`);
  }
  return out;
}

export function buildNodeFile(repo: TemplatesRepo, node: CheckedNodeInput): NodeFile | undefined {
  const cp = node.role === 'controlplane';
  const t = templateFor(repo, cp);
  if (!t) return undefined;
  const warnings: string[] = [];
  const masked = t.masked.text;
  const edits: Edit[] = [];
  for (const { scalar, path } of scalarsOf(t)) {
    if (typeof scalar.value !== 'string' || isMasked(scalar.value)) continue;
    const next = replaced(scalar.value, path, t, node, warnings);
    if (next === scalar.value) continue;
    const edit = scalarEdit(masked, scalar, next);
    if (edit) edits.push(edit);
  }
  const pair = diskPairEdit(masked, t.docs, node);
  if (pair) {
    for (let i = edits.length - 1; i >= 0; i--) {
      const e = edits[i];
      if (e && e.from >= pair.from && e.to <= pair.to) edits.splice(i, 1);
    }
    edits.push(pair);
  }
  let text = masked;
  for (const e of [...edits].sort((a, b) => b.from - a.from))
    text = text.slice(0, e.from) + e.text + text.slice(e.to);
  const bad = documentsOf(text).find((d) => d.errors.length > 0);
  if (bad)
    throw new HomeopsError(
      'YAML',
      `could not write ${node.hostname}'s file in the shape of ${t.path}: ${bad.errors[0]?.message.split('\n')[0] ?? 'invalid YAML'}`,
      {
        file: t.path,
        fix: `copy ${t.path} by hand for ${node.hostname}, and report this with the file`,
      },
    );

  if (t.controlPlane !== cp)
    warnings.push(
      `no other ${node.role} to copy: ${node.hostname}'s file is ${t.hostname}'s (a ${t.controlPlane ? 'control plane' : 'worker'}) with its values; ${t.controlPlane ? 'remove what only control planes have (a VIP, labels)' : 'add what control planes have (the VIP, labels) by hand'}`,
    );
  if (t.network.macs.length === 0)
    warnings.push(
      `${t.path} selects its network link without a MAC: ${node.mac} is written nowhere; check how ${node.hostname}'s link is matched`,
    );
  if (!t.disk)
    warnings.push(
      `${t.path} sets no install disk (the shared templates do): ${node.disk.value} was not written for ${node.hostname}`,
    );
  const asIs = copiedAsIs(t);
  if (asIs.length > 0)
    warnings.push(
      `copied from ${t.hostname} as they are: ${asIs.join(', ')}; check them for ${node.hostname}`,
    );
  const macs = t.network.macs.map((m) => normalizeMac(m)).filter(Boolean);
  if (macs.length > 1)
    warnings.push(`${t.path} names ${macs.length} MACs; each was replaced by ${node.mac}`);
  return { path: pathFor(repo, t, node), content: t.masked.unmask(text), template: t, warnings };
}
