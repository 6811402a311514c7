/**
 * Talos as templates with one file per node (minijinja, as onedr0p, bjw-s and buroa keep them): a
 * folder with shared templates (`machineconfig.yaml.j2`, `controlplane.yaml.j2`, `networking.yaml.j2`)
 * and `nodes/<node>.yaml.j2` or `nodes/<role>/<node>.yaml.j2`, merged by `talosctl machineconfig
 * patch`. Files are read with their template syntax masked; nothing is rendered.
 */
import { posix } from 'node:path';
import { isMap, isPair, isScalar, visit } from 'yaml';
import type { Document, Scalar } from 'yaml';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { nodeTemplateFiles } from '../find-talos.ts';
import { readNetworkFacts } from '../network-facts.ts';
import type { NetworkFacts } from '../network-facts.ts';
import { parseIpv4 } from '../net.ts';
import type { DiskChoice } from '../node-input.ts';
import { shapedFacts } from '../shaped-facts.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import { isMasked, maskTemplate } from '../template-mask.ts';
import type { MaskedText } from '../template-mask.ts';
import { parseTalosVersion } from '../talos-version.ts';
import type { TalosVersion } from '../talos-version.ts';
import { parseToml } from '../toml-text.ts';
import { documentsOf } from '../yaml-documents.ts';

export interface TemplateFile {
  path: string;
  text: string;
  masked: MaskedText;
  docs: Document.Parsed[];
}

export interface TemplateNode extends TemplateFile {
  /** The file name without its extensions (`k8s-0`, `192.168.42.10`). */
  stem: string;
  /** What the file name is: the node's address, its hostname, or something else. */
  nameIs: 'ip' | 'hostname' | 'other';
  /** The role folder (`nodes/controlplane/`), when the repo sorts nodes by role. */
  roleFolder?: string;
  /** The hostname as written (may be an FQDN) and its first label. */
  hostnameText?: string;
  hostname: string;
  ip?: string;
  controlPlane: boolean;
  network: NetworkFacts;
  disk?: DiskChoice;
}

export interface TemplatesRepo {
  dir: string;
  nodesDir: string;
  nodes: TemplateNode[];
  /** The shared templates of the folder (not the node files). */
  shared: TemplateFile[];
  facts: TalconfigFacts;
  version?: { version: TalosVersion; from: string };
}

const CP_FOLDERS = ['controlplane', 'control-plane', 'controller', 'controllers', 'master'];
const TEMPLATE = /\.(ya?ml\.)?(j2|jinja2?|tmpl)$/;
export const stemOf = (file: string): string =>
  posix
    .basename(file)
    .replace(/\.(ya?ml\.)?(j2|jinja2?|tmpl)$/, '')
    .replace(/\.ya?ml$/, '');

export function readTemplateFile(tree: RepoTree, path: string): TemplateFile {
  const text = tree.read(path) ?? '';
  const masked = maskTemplate(text);
  const docs = documentsOf(masked.text).filter((d) => d.errors.length === 0);
  return { path, text, masked, docs };
}

const data = (docs: readonly Document.Parsed[]): unknown[] => docs.map((d) => d.toJS());

/** `machine.install.disk` or `.diskSelector.<key>` of the file's v1alpha1 document. */
function diskOf(docs: readonly Document.Parsed[]): DiskChoice | undefined {
  for (const doc of docs) {
    const disk = doc.getIn(['machine', 'install', 'disk']);
    if (typeof disk === 'string' && !isMasked(disk)) return { kind: 'installDisk', value: disk };
    const selector = doc.getIn(['machine', 'install', 'diskSelector'], true);
    const first = isMap(selector) ? selector.items[0] : undefined;
    if (first && isScalar(first.key) && isScalar(first.value))
      return {
        kind: 'installDiskSelector',
        key: String(first.key.value),
        value: String((first.value as Scalar).value),
      };
  }
  return undefined;
}

function readNode(tree: RepoTree, nodesDir: string, path: string): TemplateNode {
  const file = readTemplateFile(tree, path);
  const stem = stemOf(path);
  const folder = posix.dirname(path) === nodesDir ? undefined : posix.basename(posix.dirname(path));
  const network = readNetworkFacts(data(file.docs));
  let type: string | undefined;
  for (const doc of file.docs) {
    const t = doc.getIn(['machine', 'type']);
    if (typeof t === 'string') type = t;
  }
  // the role folder, else machine.type, else the VIP: only control planes carry one
  const controlPlane = folder
    ? CP_FOLDERS.includes(folder)
    : type !== undefined
      ? type === 'controlplane' || type === 'init'
      : network.vips.length > 0;
  const hostnameText = network.hostname;
  const hostname = hostnameText?.split('.')[0] ?? stem;
  const ip = parseIpv4(stem) !== undefined ? stem : network.addresses[0]?.split('/')[0];
  const disk = diskOf(file.docs);
  return {
    ...file,
    stem,
    nameIs: parseIpv4(stem) !== undefined ? 'ip' : stem === hostname ? 'hostname' : 'other',
    ...(folder && { roleFolder: folder }),
    ...(hostnameText && { hostnameText }),
    hostname,
    ...(ip && { ip }),
    controlPlane,
    network,
    ...(disk && { disk }),
  };
}

/**
 * The Talos version: an installer image tag in the templates (`:v1.12.5`, or `:{{ ENV.TALOS_VERSION }}`
 * with the variable set in a mise file's [env] or an env file it loads), else the talos tool of a
 * mise file.
 */
function versionOf(
  tree: RepoTree,
  dir: string,
  files: readonly TemplateFile[],
): TemplatesRepo['version'] {
  const mises = [
    posix.join(dir, 'mise.toml'),
    posix.join(dir, '.mise.toml'),
    '.mise.toml',
    'mise.toml',
  ];
  for (const f of files) {
    const tag = /installer[^\n]*?:v?(\d+\.\d+\.\d+)\b/.exec(f.text);
    const version = tag ? parseTalosVersion(tag[1] ?? '') : undefined;
    if (version) return { version, from: `the installer image tag in ${f.path}` };
    const variable = /installer[^\n]*?:\{\{-?\s*ENV\.([A-Za-z_][A-Za-z0-9_]*)\s*-?\}\}/.exec(
      f.text,
    )?.[1];
    const set = variable ? miseEnv(tree, mises, variable) : undefined;
    const fromEnv = set ? parseTalosVersion(set.value) : undefined;
    if (fromEnv)
      return {
        version: fromEnv,
        from: `${variable} in ${set?.file} (the installer image tag in ${f.path})`,
      };
  }
  for (const file of mises) {
    const toml = parseToml(tree.read(file) ?? '');
    for (const [tool, spec] of Object.entries((toml?.['tools'] ?? {}) as Record<string, unknown>)) {
      if (!/(^|[:/])talos(ctl)?$/.test(tool)) continue;
      const version = parseTalosVersion(
        typeof spec === 'string' ? spec : String((spec as { version?: unknown })?.version ?? ''),
      );
      if (version) return { version, from: `${file} [tools] ${tool}` };
    }
  }
  return undefined;
}

/** A variable a mise file sets: in its [env], or in an env file its `_.file` loads (`{{config_root}}/...`). */
function miseEnv(
  tree: RepoTree,
  mises: readonly string[],
  name: string,
): { value: string; file: string } | undefined {
  for (const file of mises) {
    const env = parseToml(tree.read(file) ?? '')?.['env'] as Record<string, unknown> | undefined;
    if (!env) continue;
    if (typeof env[name] === 'string') return { value: env[name], file };
    const loaded = (env['_'] as { file?: unknown } | undefined)?.file;
    const envFiles = (Array.isArray(loaded) ? loaded : [loaded]).filter(
      (x): x is string => typeof x === 'string',
    );
    for (const envFile of envFiles) {
      const path = posix.normalize(
        envFile.replace(
          /^\{\{\s*config_root\s*\}\}\/?/,
          posix.dirname(file) === '.' ? '' : `${posix.dirname(file)}/`,
        ),
      );
      const line = new RegExp(`^\\s*(?:export\\s+)?${name}\\s*=\\s*["']?([^"'\\s#]+)`, 'm').exec(
        tree.read(path) ?? '',
      );
      if (line?.[1]) return { value: line[1], file: path };
    }
  }
  return undefined;
}

export function readTemplatesRepo(tree: RepoTree, dir: string): TemplatesRepo {
  const nodesDir = posix.join(dir, 'nodes');
  const nodes = nodeTemplateFiles(tree, nodesDir)
    .map((path) => readNode(tree, nodesDir, path))
    .filter((n) => n.docs.length > 0);
  const shared = tree
    .children(dir)
    .map((name) => posix.join(dir, name))
    .filter((p) => TEMPLATE.test(p) && tree.isFile(p) && !/schematic/.test(p))
    .map((p) => readTemplateFile(tree, p));
  const common = readNetworkFacts(data(shared.flatMap((f) => f.docs)));
  let endpoint: string | undefined;
  for (const doc of shared.flatMap((f) => f.docs)) {
    const e = doc.getIn(['cluster', 'controlPlane', 'endpoint']);
    if (typeof e === 'string' && !isMasked(e)) endpoint = e;
  }
  const facts = shapedFacts(
    nodes.map((n) => ({
      hostname: n.hostname,
      ...(n.ip && { ip: n.ip }),
      controlPlane: n.controlPlane,
      network: {
        ...n.network,
        gateways: [...n.network.gateways, ...common.gateways],
        mtus: [...n.network.mtus, ...common.mtus],
        vips: [...n.network.vips, ...common.vips],
        subnets: [...n.network.subnets, ...common.subnets],
      },
      ...(n.disk && { disk: n.disk }),
    })),
    { ...(endpoint && { endpoint }), subnets: common.subnets },
  );
  const version = versionOf(tree, dir, [...shared, ...nodes]);
  return { dir, nodesDir, nodes, shared, facts, ...(version && { version }) };
}

/** Every scalar of a file's documents with its range in the masked text. */
export function scalarsOf(file: TemplateFile): { scalar: Scalar; path: string[] }[] {
  const out: { scalar: Scalar; path: string[] }[] = [];
  for (const doc of file.docs) {
    visit(doc, {
      Scalar(key, node, ancestors) {
        if (key === 'key') return;
        const path = ancestors
          .filter(isPair)
          .map((p) => (isScalar(p.key) ? String(p.key.value) : ''));
        out.push({ scalar: node, path });
      },
    });
  }
  return out;
}
