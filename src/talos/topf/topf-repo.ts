/**
 * A topf cluster: `topf.yaml` (clusterName, clusterEndpoint, versions, `data:`, `nodes[]` of
 * `{host, ip, role, schematicId, data}`) and the patches beside it, merged in this order: `all/`,
 * `control-plane/` or `worker/`, `node/<host>/`; `*.yaml.tpl` files are Go templates over
 * `.Node.*` and `.Data.*`. Facts are read with the simple field references filled in per node
 * (`{{ .Node.IP }}`, `{{ .Data.gateway }}`); nothing is ever written rendered.
 */
import { posix } from 'node:path';
import { isMap, isSeq } from 'yaml';
import type { Document, YAMLMap } from 'yaml';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { parseYaml } from '../../yaml/parse-yaml.ts';
import { emptyNetwork, readNetworkFacts } from '../network-facts.ts';
import { normalizeMac } from '../net.ts';
import type { DiskChoice } from '../node-input.ts';
import { shapedFacts } from '../shaped-facts.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import { maskTemplate } from '../template-mask.ts';
import { parseTalosVersion } from '../talos-version.ts';
import type { TalosVersion } from '../talos-version.ts';
import { documentsOf } from '../yaml-documents.ts';

export type TopfScope =
  { kind: 'all' } | { kind: 'role'; dir: string } | { kind: 'node'; host: string };

export interface TopfNode {
  index: number;
  host: string;
  ip?: string;
  /** As written: `control-plane` or `worker`. */
  role: string;
  controlPlane: boolean;
  schematicId?: string;
  data: Record<string, unknown>;
}

export interface TopfPatch {
  path: string;
  /** The folder of `patchesDir` it is in: `all`, `control-plane`, `worker`, `node/<host>`. */
  folder: string;
  scope: TopfScope;
  text: string;
}

export interface TopfRepo {
  file: string;
  /** The folder of topf.yaml. */
  dir: string;
  /** Where the patch folders are (`patchesDir:` of topf.yaml, default its folder). */
  patchesDir: string;
  text: string;
  doc: Document.Parsed;
  nodes: TopfNode[];
  /** Cluster-wide `data:` (`.Data.<key>` in patches). */
  data: Record<string, unknown>;
  talosVersion?: { raw: string; version?: TalosVersion };
  patches: TopfPatch[];
  /** The `data:` keys nodes use or patches read (`.Node.Data.<key>`). */
  dataKeys: Set<string>;
  /** The `data:` key that holds a node's MAC (`macAddr`, or the repo's own: `mac`), if any. */
  macKey: string | undefined;
  facts: TalconfigFacts;
}

const MAC = /^(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}$/i;

/**
 * The key the nodes keep their MAC under: the one whose values are MACs in most nodes, else
 * topf's `macAddr` where the patches read it, else a key the patches read that says mac.
 */
function macKeyOf(nodes: readonly TopfNode[], dataKeys: ReadonlySet<string>): string | undefined {
  const counts = [...dataKeys].map((k) => ({
    k,
    n: nodes.filter((node) => MAC.test(String(node.data[k] ?? '').trim())).length,
  }));
  const best = counts.sort((a, b) => b.n - a.n)[0];
  if (best && best.n > 0) return best.k;
  if (dataKeys.has('macAddr')) return 'macAddr';
  return [...dataKeys].find((k) => /^(mac|macAddress|hwAddr|hardwareAddr)$/i.test(k));
}

const ROLE_DIRS = ['control-plane', 'worker'];
const PATCH_FILE = /\.ya?ml(\.tpl)?$/;
export const isControlPlane = (role: string): boolean =>
  role === 'control-plane' || role === 'controlplane';

function readPatches(tree: RepoTree, patchesDir: string): TopfPatch[] {
  const out: TopfPatch[] = [];
  const add = (folder: string, scope: TopfScope): void => {
    const dir = posix.join(patchesDir, folder);
    if (!tree.isDirectory(dir)) return;
    for (const name of tree.children(dir)) {
      const path = posix.join(dir, name);
      if (PATCH_FILE.test(name) && tree.isFile(path))
        out.push({ path, folder, scope, text: tree.read(path) ?? '' });
    }
  };
  add('all', { kind: 'all' });
  for (const dir of ROLE_DIRS) add(dir, { kind: 'role', dir });
  for (const host of tree.subfolders(posix.join(patchesDir, 'node')))
    add(`node/${host}`, { kind: 'node', host });
  return out;
}

/** Whether a patch reaches a node: every node, its role's folder, or its own folder. */
export const reaches = (scope: TopfScope, node: Pick<TopfNode, 'host' | 'controlPlane'>): boolean =>
  scope.kind === 'all' ||
  (scope.kind === 'role' && (scope.dir === 'control-plane') === node.controlPlane) ||
  (scope.kind === 'node' && scope.host === node.host);

const plain = (v: unknown): string | undefined =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;

/** `{{ .Node.IP }}`, `{{- .Data.gateway }}`, ... filled in for one node; anything else stays. */
function fillFields(
  text: string,
  repo: Pick<TopfRepo, 'data'>,
  node: TopfNode,
  top: Record<string, unknown>,
): string {
  const fields: Record<string, string | undefined> = {
    'Node.Host': node.host,
    'Node.IP': node.ip,
    'Node.Role': node.role,
    ClusterName: plain(top['clusterName']),
    ClusterEndpoint: plain(top['clusterEndpoint']),
    KubernetesVersion: plain(top['kubernetesVersion']),
    TalosVersion: plain(top['talosVersion']),
    SchematicID: plain(node.schematicId ?? top['schematicId']),
  };
  return text.replace(/\{\{-?\s*\.([A-Za-z.]+)\s*-?\}\}/g, (all, name: string) => {
    const value = name.startsWith('Node.Data.')
      ? plain(node.data[name.slice('Node.Data.'.length)])
      : name.startsWith('Data.')
        ? plain(repo.data[name.slice('Data.'.length)])
        : fields[name];
    return value ?? all;
  });
}

function diskOf(data: Record<string, unknown>): DiskChoice | undefined {
  const path = plain(data['installDisk']);
  if (path) return { kind: 'installDisk', value: path };
  const serial = plain(data['installDiskSerial']);
  return serial ? { kind: 'installDiskSelector', key: 'serial', value: serial } : undefined;
}

export function readTopfRepo(tree: RepoTree, file: string): TopfRepo {
  const text = tree.read(file) ?? '';
  const doc = parseYaml(text, file);
  const top = (doc.toJS() ?? {}) as Record<string, unknown>;
  const dir = posix.dirname(file) === '.' ? '' : posix.dirname(file);
  const patchesDir = posix.join(dir, plain(top['patchesDir']) ?? '.').replace(/^\.$/, '');
  const seq = doc.get('nodes', true);
  const nodes: TopfNode[] = (isSeq(seq) ? seq.items : []).flatMap((item, index) => {
    if (!isMap(item)) return [];
    const n = (item as YAMLMap).toJSON() as Record<string, unknown>;
    const role = plain(n['role']) ?? 'worker';
    const ip = plain(n['ip']);
    const schematicId = plain(n['schematicId']);
    return [
      {
        index,
        host: plain(n['host']) ?? '',
        ...(ip && { ip }),
        role,
        controlPlane: isControlPlane(role),
        ...(schematicId && { schematicId }),
        data: (n['data'] ?? {}) as Record<string, unknown>,
      },
    ];
  });
  const data = (top['data'] ?? {}) as Record<string, unknown>;
  const patches = readPatches(tree, patchesDir);
  const dataKeys = new Set(nodes.flatMap((n) => Object.keys(n.data)));
  for (const p of patches)
    for (const m of p.text.matchAll(/\.Node\.Data\.([A-Za-z0-9_]+)/g)) dataKeys.add(m[1] ?? '');
  const rawVersion = plain(top['talosVersion']);
  const version = rawVersion ? parseTalosVersion(rawVersion) : undefined;
  const repo: TopfRepo = {
    file,
    dir,
    patchesDir,
    text,
    doc,
    nodes,
    data,
    ...(rawVersion && { talosVersion: { raw: rawVersion, ...(version && { version }) } }),
    patches,
    dataKeys,
    macKey: macKeyOf(nodes, dataKeys),
    facts: shapedFacts([]),
  };
  const defaultSchematic = plain(top['schematicId']);
  repo.facts = shapedFacts(
    nodes.map((node) => {
      const network = emptyNetwork();
      const mac = normalizeMac(plain(node.data[repo.macKey ?? 'macAddr']) ?? '');
      if (mac) network.macs.push(mac);
      for (const p of patches.filter((patch) => reaches(patch.scope, node))) {
        const masked = maskTemplate(fillFields(p.text, repo, node, top)).text;
        const docs = documentsOf(masked);
        readNetworkFacts(
          docs.filter((d) => d.errors.length === 0).map((d) => d.toJS()),
          network,
        );
      }
      const disk = diskOf(node.data);
      const schematic = node.schematicId ?? defaultSchematic;
      return {
        hostname: node.host,
        ...(node.ip && { ip: node.ip }),
        controlPlane: node.controlPlane,
        network,
        ...(disk && { disk }),
        ...(schematic && { talosImageURL: `factory.talos.dev/installer/${schematic}` }),
      };
    }),
    { ...(plain(top['clusterEndpoint']) && { endpoint: plain(top['clusterEndpoint']) }) },
  );
  return repo;
}
