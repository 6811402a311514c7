/**
 * A talosctl + mise repo's Talos files: `.mise.toml` (its [env] node addresses and tasks) and the
 * patches folder (per-node `network-<node>.yaml`, shared patches such as the installer image).
 * The nodes are read into talconfig facts, so the same node checks apply as in talhelper repos.
 */
import { Document } from 'yaml';
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { NodeRole } from '../node-input.ts';
import { readTalconfigFacts } from '../talconfig-facts.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import { parseTalosVersion } from '../talos-version.ts';
import type { TalosVersion } from '../talos-version.ts';
import { parseToml } from '../toml-text.ts';
import type { TomlData } from '../toml-text.ts';
import { readNetworkPatch } from './mise-network.ts';
import type { NetworkPatch } from './mise-network.ts';
import { documentsOf } from '../yaml-documents.ts';
import { captured } from '../../captured.ts';
import { escapeRegExp } from '../../text/escape-reg-exp.ts';

/** Where a talosctl + mise repo keeps its patches and its tasks. */
export interface MisePlace {
  patchesDir: string;
  miseFile: string;
}

export interface MiseNode {
  /** The name in file and task names: `network-<name>.yaml`, `apply-<name>`. */
  name: string;
  hostname: string;
  /** From the per-node config file the tasks use (`controlplane-<name>.yaml` / `worker-<name>.yaml`). */
  role: NodeRole | undefined;
  /** Its [env] address variable, when there is one (`URD_IP`). */
  varName: string | undefined;
  patch: NetworkPatch;
}

export interface MiseRepo {
  patchesDir: string;
  miseFile: string;
  miseText: string;
  toml: TomlData;
  /** The string values of [env]. */
  env: Record<string, string>;
  nodes: MiseNode[];
  facts: TalconfigFacts;
  /** `machine.install` of the shared patches: the installer image and disk every node gets. */
  install: { disk?: string; image?: string; file?: string };
  /** The Talos version, from [tools] or the installer image tag. */
  version?: { version: TalosVersion; from: string };
  /** Whether the repo's patch files start with a `---` line. */
  documentMarkers: boolean;
}

/** Patch text in the repo's style: without the leading `---` when its patch files have none. */
export const inRepoStyle = (text: string, markers: boolean): string =>
  markers ? text : text.replace(/^---\n/, '');

/** `k8s-4` -> `K8S_4_IP`, the shape of `URD_IP`. */
export const nodeVarName = (name: string): string =>
  `${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_IP`;

function roleOf(miseText: string, name: string): NodeRole | undefined {
  const m = new RegExp(`\\b(controlplane|worker)-${escapeRegExp(name)}\\.yaml`).exec(miseText);
  return m ? (m[1] as NodeRole) : undefined;
}

function sharedInstall(tree: RepoTree, dir: string, files: string[]): MiseRepo['install'] {
  const install: MiseRepo['install'] = {};
  for (const name of files.filter((f) => !f.startsWith('network-'))) {
    for (const doc of documentsOf(tree.read(`${dir}/${name}`) ?? '')) {
      if (doc.errors.length > 0) continue;
      const disk = doc.getIn(['machine', 'install', 'disk']);
      const image = doc.getIn(['machine', 'install', 'image']);
      if (typeof disk === 'string') Object.assign(install, { disk, file: `${dir}/${name}` });
      if (typeof image === 'string') Object.assign(install, { image, file: `${dir}/${name}` });
    }
  }
  return install;
}

function talosVersion(
  toml: TomlData,
  install: MiseRepo['install'],
  miseFile: string,
): MiseRepo['version'] {
  for (const [tool, spec] of Object.entries((toml['tools'] ?? {}) as Record<string, unknown>)) {
    if (!/(^|[:/])talos(ctl)?$/.test(tool)) continue;
    const text =
      typeof spec === 'string'
        ? spec
        : typeof spec === 'object' && spec !== null
          ? String((spec as { version?: unknown }).version ?? '')
          : '';
    const version = parseTalosVersion(text);
    if (version) return { version, from: `${miseFile} [tools] ${tool}` };
  }
  const tag = /:(v?\d+\.\d+\.\d+[^@\s]*)$/.exec(install.image ?? '');
  const version = tag ? parseTalosVersion(captured(tag, 1)) : undefined;
  return version ? { version, from: `the installer image tag in ${install.file}` } : undefined;
}

export function readMiseRepo(tree: RepoTree, layout: MisePlace): MiseRepo {
  const miseText = tree.read(layout.miseFile);
  if (miseText === undefined) {
    throw new HomeopsError('LAYOUT', `${layout.miseFile} does not exist`, {
      file: layout.miseFile,
      fix: 'run at the root of the talosctl + mise repo, or pass --dest',
    });
  }
  const toml = parseToml(miseText);
  if (!toml)
    throw new HomeopsError('LAYOUT', `${layout.miseFile} is not valid TOML`, {
      file: layout.miseFile,
      fix: `fix ${layout.miseFile} (mise tasks ls shows the error), then run again`,
    });
  const env = Object.fromEntries(
    Object.entries((toml['env'] ?? {}) as Record<string, unknown>).filter(
      (e): e is [string, string] => typeof e[1] === 'string',
    ),
  );
  const dir = layout.patchesDir;
  const files = tree.isDirectory(dir)
    ? tree.children(dir).filter((f) => /\.ya?ml$/.test(f) && tree.isFile(`${dir}/${f}`))
    : [];
  const nodes: MiseNode[] = files
    .filter((f) => /^network-.+\.ya?ml$/.test(f))
    .map((f) => {
      const path = dir === '' ? f : `${dir}/${f}`;
      const patch = readNetworkPatch(path, tree.read(path) ?? '');
      const varName =
        env[nodeVarName(patch.name)] !== undefined ? nodeVarName(patch.name) : undefined;
      return {
        name: patch.name,
        hostname: patch.hostname,
        role: roleOf(miseText, patch.name),
        varName,
        patch,
      };
    });
  const endpoint =
    env['CONTROL_PLANE_ENDPOINT'] ??
    Object.values(env).find((v) => /^https:\/\/[^/\s]+:\d+\/?$/.test(v));
  const doc = new Document({
    ...(endpoint && { endpoint }),
    nodes: nodes.map((n) => ({
      ...n.patch.node,
      ...(n.patch.node['ipAddress'] === undefined && n.varName && { ipAddress: env[n.varName] }),
      controlPlane: n.role !== 'worker',
    })),
  });
  const facts = readTalconfigFacts(doc, { vars: env });
  const install = sharedInstall(tree, dir, files);
  const version = talosVersion(toml, install, layout.miseFile);
  const documentMarkers = files.some((f) => (tree.read(`${dir}/${f}`) ?? '').startsWith('---'));
  return {
    patchesDir: dir,
    miseFile: layout.miseFile,
    miseText,
    toml,
    env,
    nodes,
    facts,
    install,
    ...(version && { version }),
    documentMarkers,
  };
}
