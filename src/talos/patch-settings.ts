/**
 * What a patch sets, as leaf paths, so a new patch can be checked against the patches that already
 * reach the same nodes. Documents are matched by kind: a v1alpha1 partial config gives paths like
 * `machine.kubelet.extraConfig.maxPods`; a typed document gives `<Kind>[<name>].<leaf>`, except
 * the kinds that replace a v1alpha1 section (TimeSyncConfig is `machine.time`). List items keyed by
 * `path` or `name` (machine.files, kernel modules) are one setting each; other lists are one leaf.
 * One setting written in two forms has one path: kubelet `extraArgs.max-pods` is
 * `extraConfig.maxPods`, a TimeSyncConfig is `machine.time`, a RegistryMirrorConfig is
 * `machine.registries.mirrors.<name>`. Template syntax (`{{ }}`, `{% %}`) is masked, never rendered;
 * JSON 6902 patches (`op: add`, `path: /machine/...`) set the paths they add or replace.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { Document, Node } from 'yaml';
import { maskTemplate } from './template-mask.ts';
import { keyText } from './yaml-nodes.ts';
import { documentsOf } from './yaml-documents.ts';

export interface PatchSetting {
  path: string[];
  /** As a user reads it: `machine.files[/etc/cri/conf.d/20-customization.part]`, `TimeSyncConfig`. */
  label: string;
}

/** Typed documents that stand for a whole v1alpha1 section (Talos 1.12+). */
const SECTION_OF: Record<string, (name: string | undefined) => string[]> = {
  TimeSyncConfig: () => ['machine', 'time'],
  RegistryMirrorConfig: (name) => ['machine', 'registries', 'mirrors', ...(name ? [name] : [])],
  RegistryAuthConfig: (name) => [
    'machine',
    'registries',
    'config',
    ...(name ? [name] : []),
    'auth',
  ],
  RegistryTLSConfig: (name) => ['machine', 'registries', 'config', ...(name ? [name] : []), 'tls'],
  HostnameConfig: () => ['machine', 'network', 'hostname'],
  KubeSpanConfig: () => ['machine', 'network', 'kubespan'],
  EnvironmentConfig: () => ['machine', 'env'],
  UnattendedInstallConfig: () => ['machine', 'install'],
};

/** Typed documents whose fields replace v1alpha1 fields one by one (ResolverConfig nameservers). */
const FIELDS_OF: Record<string, Record<string, string[]>> = {
  ResolverConfig: {
    nameservers: ['machine', 'network', 'nameservers'],
    searchDomains: ['machine', 'network', 'searchDomains'],
  },
};

/** Kubelet flags whose KubeletConfiguration field is not the flag in camelCase. */
const KUBELET_FIELD: Record<string, string> = {
  'image-gc-high-threshold': 'imageGCHighThresholdPercent',
  'image-gc-low-threshold': 'imageGCLowThresholdPercent',
  'rotate-server-certificates': 'serverTLSBootstrap',
  'max-open-files': 'maxOpenFiles',
  'cgroup-driver': 'cgroupDriver',
};
const camel = (flag: string): string =>
  flag.replace(/-([a-z0-9])/g, (_m, c: string) => c.toUpperCase());

/**
 * The one path of a setting however it is written: kubelet flags as their config fields, an install
 * disk selector as the install disk it picks (`install.disk` and `install.diskSelector` together
 * leave Talos one of them to ignore).
 */
export function canonicalPath(path: readonly string[]): string[] {
  const [a, b, c, flag, ...rest] = path;
  if (a === 'machine' && b === 'kubelet' && c === 'extraArgs' && flag !== undefined)
    return ['machine', 'kubelet', 'extraConfig', KUBELET_FIELD[flag] ?? camel(flag), ...rest];
  if (a === 'machine' && b === 'install' && c === 'diskSelector')
    return ['machine', 'install', 'disk'];
  return [...path];
}

/** Talconfig keys (node, controlPlane/worker or top level) that talhelper turns into config paths. */
const TALCONFIG_KEYS: Record<string, string[]> = {
  machineFiles: ['machine', 'files'],
  cniConfig: ['cluster', 'network', 'cni'],
  allowSchedulingOnControlPlanes: ['cluster', 'allowSchedulingOnControlPlanes'],
  nodeLabels: ['machine', 'nodeLabels'],
  kernelModules: ['machine', 'kernel', 'modules'],
  installDisk: ['machine', 'install', 'disk'],
  installDiskSelector: ['machine', 'install', 'diskSelector'],
};

const ITEM_KEYS = ['path', 'name'];

const labelOf = (path: string[]): string =>
  path.map((s, i) => (s.startsWith('[') || i === 0 ? s : `.${s}`)).join('');

function leaves(node: unknown, path: string[], out: PatchSetting[]): void {
  if (isMap(node)) {
    for (const { key, value } of node.items) {
      const k = keyText(key);
      if (!/^\$+patch$/.test(k)) leaves(value, [...path, k], out);
    }
    return;
  }
  if (isSeq(node)) {
    if (node.items.length === 0) return;
    const key = ITEM_KEYS.find((k) =>
      node.items.every((i) => isMap(i) && isScalar(i.get(k, true))),
    );
    if (key)
      for (const item of node.items)
        out.push(
          settingAt([...path, `[${String((item as { get(k: string): unknown }).get(key))}]`]),
        );
    else out.push(settingAt(path));
    return;
  }
  if (path.length > 0) out.push(settingAt(path));
}

const settingAt = (path: string[]): PatchSetting => ({
  path: canonicalPath(path),
  label: labelOf(path),
});

/** `- op: add / path: /machine/kubelet/extraArgs / value: {max-pods: "300"}`: what it adds or replaces. */
function jsonPatchSettings(root: Node): PatchSetting[] {
  const out: PatchSetting[] = [];
  for (const op of isSeq(root) ? root.items : []) {
    if (!isMap(op) || !['add', 'replace'].includes(String(op.get('op')))) continue;
    const segments = String(op.get('path') ?? '')
      .split('/')
      .slice(1)
      .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
    const value = op.get('value', true);
    const last = segments.at(-1);
    if (last !== undefined && (last === '-' || /^\d+$/.test(last)) && isMap(value)) {
      // an item added to a list: keyed by its path or name, like a strategic merge list item
      const key = ITEM_KEYS.map((k) => value.get(k)).find((v) => typeof v === 'string');
      if (key !== undefined) out.push(settingAt([...segments.slice(0, -1), `[${String(key)}]`]));
      continue;
    }
    leaves(value, segments, out);
  }
  return out;
}

function documentSettings(doc: Document.Parsed): PatchSetting[] {
  const root = doc.contents;
  if (isSeq(root)) return jsonPatchSettings(root);
  if (!isMap(root)) return [];
  const kind = root.get('kind');
  if (typeof kind !== 'string') {
    const out: PatchSetting[] = [];
    leaves(root, [], out);
    return out;
  }
  const name = typeof root.get('name') === 'string' ? String(root.get('name')) : undefined;
  const section = SECTION_OF[kind];
  if (section) return [{ path: section(name), label: name ? `${kind} ${name}` : kind }];
  const out: PatchSetting[] = [];
  for (const { key, value } of root.items) {
    const k = keyText(key);
    const field = FIELDS_OF[kind]?.[k];
    if (field) out.push({ path: field, label: `${kind} ${k}` });
    else if (!['apiVersion', 'kind', 'name'].includes(k))
      leaves(value, [name ? `${kind}[${name}]` : kind, k], out);
  }
  return out;
}

/** The settings of a (multi-document) patch file; unparsable documents set nothing here. */
export function patchSettings(text: string): PatchSetting[] {
  return documentsOf(maskTemplate(text).text)
    .filter((d) => d.errors.length === 0)
    .flatMap(documentSettings);
}

/** The settings a talconfig map (a node, `controlPlane:`, `worker:` or the top level) makes itself. */
export function talconfigSettings(map: unknown, where: string): PatchSetting[] {
  if (!isMap(map)) return [];
  const out: PatchSetting[] = [];
  for (const [key, path] of Object.entries(TALCONFIG_KEYS)) {
    const value = map.get(key, true) as Node | undefined;
    if (value === undefined) continue;
    const found: PatchSetting[] = [];
    leaves(value, path, found);
    out.push(
      ...found.map((s) => ({
        path: s.path,
        label: `${where ? `${where}.` : ''}${key}${s.label.slice(labelOf(path).length)}`,
      })),
    );
  }
  return out;
}

/** Two settings collide when they are the same path, or one lies under the other. */
const overlaps = (a: string[], b: string[]): boolean =>
  a.slice(0, Math.min(a.length, b.length)).every((s, i) => s === b[i]);

export interface SettingSource {
  /** The file that sets it (a patch file, or talconfig.yaml). */
  file: string;
  /** Where in it, for messages, when it is not the whole file (`talconfig.yaml, inline patch of patches`). */
  label?: string;
  settings: PatchSetting[];
}

export interface SettingClash {
  file: string;
  label: string;
  existing: PatchSetting;
  added: PatchSetting;
}

/** The first setting of `added` that a source already sets, if any. */
export function findClash(
  added: readonly PatchSetting[],
  sources: readonly SettingSource[],
): SettingClash | undefined {
  for (const a of added) {
    for (const source of sources) {
      const existing = source.settings.find((s) => overlaps(s.path, a.path));
      if (existing)
        return { file: source.file, label: source.label ?? source.file, existing, added: a };
    }
  }
  return undefined;
}
