/**
 * Where a repo keeps its Talos nodes, found by file names and content wherever they are: talhelper
 * `talconfig.yaml` files, topf `topf.yaml` files, per-node template folders (`nodes/*.yaml.j2`),
 * talosctl patches with mise tasks (`network-<node>.yaml`). One place per cluster. What homeops
 * cannot edit (Omni cluster templates, OpenTofu/Terraform) is found too, to say so.
 */
import type { RepoTree } from '../tree/repo-tree.ts';
import type { TalosTool } from './backend.ts';

export interface TalosPlace {
  tool: TalosTool;
  /** talconfig.yaml / topf.yaml; the templates' folder (holding nodes/); the patches folder (mise). */
  path: string;
  /** The mise file whose tasks run talosctl (talosctl-mise only). */
  miseFile?: string;
}

export interface ElsewherePlace {
  what: string;
  where: string;
}

export interface RepoTalosFiles {
  places: TalosPlace[];
  /** Talos definitions homeops does not edit; looked for only when no place was found. */
  elsewhere(): ElsewherePlace[];
}

/** Folders that never hold a live cluster definition: VCS, dependencies, generated configs, examples. */
const SKIP = new Set([
  'examples',
  'example',
  'docs',
  'archive',
  'node_modules',
  'vendor',
  'dist',
  'clusterconfig',
  'generated',
  '.git',
  '.terraform',
  '.venv',
  '.cache',
  '.direnv',
  '.task',
]);
const MAX_DEPTH = 8;
const TEMPLATE_FILE = /\.(ya?ml\.)?(j2|jinja2?|tmpl)$/;
const MISE_FILES = ['.mise.toml', 'mise.toml', '.mise/config.toml', 'mise/config.toml'];

function walk(
  tree: RepoTree,
  dir: string,
  depth: number,
  visit: (dir: string, names: string[]) => void,
): void {
  const names = tree.children(dir);
  visit(dir, names);
  if (depth >= MAX_DEPTH) return;
  for (const name of names) {
    if (SKIP.has(name) || (name.startsWith('.') && name !== '.mise')) continue;
    const path = dir === '' ? name : `${dir}/${name}`;
    if (tree.isDirectory(path)) walk(tree, path, depth + 1, visit);
  }
}

const join = (dir: string, name: string): string => (dir === '' ? name : `${dir}/${name}`);

/** Talos machine-config content: a v1alpha1 partial config or a typed document. */
const looksLikeTalos = (text: string): boolean =>
  /^\s*(machine|cluster):\s*$/m.test(text) || /^\s*apiVersion:\s*v1alpha1\s*$/m.test(text);

/** Template files of a `nodes` folder and of its role subfolders (`nodes/controlplane/k8s-0.yaml.j2`). */
export function nodeTemplateFiles(tree: RepoTree, nodesDir: string): string[] {
  const out: string[] = [];
  for (const name of tree.children(nodesDir)) {
    const path = join(nodesDir, name);
    if (tree.isDirectory(path)) {
      for (const inner of tree.children(path))
        if (TEMPLATE_FILE.test(inner) && tree.isFile(join(path, inner)))
          out.push(join(path, inner));
    } else if (TEMPLATE_FILE.test(name)) out.push(path);
  }
  return out;
}

export function findTalosFiles(tree: RepoTree): RepoTalosFiles {
  const places: TalosPlace[] = [];
  const networkDirs: string[] = [];
  const miseFiles = MISE_FILES.filter((f) => tree.isFile(f));
  walk(tree, '', 0, (dir, names) => {
    for (const name of names) {
      const path = join(dir, name);
      if (/^talconfig\.ya?ml$/.test(name) && /^(nodes|clusterName):/m.test(tree.read(path) ?? ''))
        places.push({ tool: 'talhelper', path });
      else if (/^topf\.ya?ml$/.test(name) && /^nodes:/m.test(tree.read(path) ?? ''))
        places.push({ tool: 'topf', path });
      else if (name === 'nodes' && tree.isDirectory(path)) {
        const files = nodeTemplateFiles(tree, path);
        if (files.some((f) => looksLikeTalos(tree.read(f) ?? '')))
          places.push({ tool: 'templates', path: dir });
      } else if (name === 'mise.toml' && dir !== '' && !miseFiles.includes(path))
        miseFiles.push(path);
    }
    if (
      names.some(
        (n) => /^network-.+\.ya?ml$/.test(n) && looksLikeTalos(tree.read(join(dir, n)) ?? ''),
      )
    )
      networkDirs.push(dir);
  });
  for (const dir of networkDirs) {
    const miseFile = miseFiles.find((f) => {
      const text = tree.read(f) ?? '';
      return text.includes('talosctl') && text.includes(dir === '' ? 'network-' : `${dir}/`);
    });
    if (miseFile) places.push({ tool: 'talosctl-mise', path: dir, miseFile });
  }
  return { places, elsewhere: () => findElsewhere(tree) };
}

/** A Talos machine config or patch at the top level: `machine:`, or a typed v1alpha1 document. */
const isMachineConfig = (text: string): boolean =>
  /^machine:[ \t]*$/m.test(text) ||
  (/^apiVersion:[ \t]*v1alpha1[ \t]*$/m.test(text) && /^kind:[ \t]*\w+Config[ \t]*$/m.test(text));

/**
 * Omni cluster templates and OpenTofu/Terraform Talos definitions; without those, the folders of
 * plain Talos machine configs and patches (talosctl with envsubst, `talosctl gen config` output).
 */
function findElsewhere(tree: RepoTree): ElsewherePlace[] {
  const out = new Map<string, ElsewherePlace>();
  const configs = new Set<string>();
  walk(tree, '', 0, (dir, names) => {
    for (const name of names) {
      const path = join(dir, name);
      if (!tree.isFile(path)) continue;
      if (/\.(tf|tofu)$/.test(name)) {
        const text = tree.read(path) ?? '';
        if (
          /siderolabs\/talos|talos_machine_(configuration|secrets)|talos_machine_configuration_apply/.test(
            text,
          )
        )
          out.set(`tf:${dir}`, {
            what: 'OpenTofu/Terraform (the siderolabs/talos provider)',
            where: dir || '.',
          });
      } else if (/\.ya?ml$/.test(name)) {
        const text = tree.read(path) ?? '';
        if (
          /^kind:\s*Cluster\s*$/m.test(text) &&
          /^kind:\s*(ControlPlane|Workers|Machine)\s*$/m.test(text)
        )
          out.set(`omni:${dir}`, { what: 'Omni cluster templates', where: path });
        else if (isMachineConfig(text)) configs.add(dir);
      } else if (
        /\.ya?ml\.(j2|jinja2?|tmpl|tpl)$/.test(name) &&
        isMachineConfig(tree.read(path) ?? '')
      )
        configs.add(dir);
    }
  });
  if (out.size === 0)
    for (const dir of configs)
      if (![...configs].some((d) => d !== dir && (d === '' || dir.startsWith(`${d}/`)))) {
        const list = nodeList(tree, dir);
        out.set(
          `configs:${dir}`,
          list
            ? { what: NODE_LIST, where: list }
            : { what: 'plain talosctl machine configs and patches', where: dir || '.' },
        );
      }
  // one OpenTofu/Terraform root: its modules' folders are part of it
  const places = [...out.values()];
  return places.filter(
    (p) =>
      !p.what.startsWith('OpenTofu') ||
      !places.some(
        (q) =>
          q !== p && q.what === p.what && (q.where === '.' || p.where.startsWith(`${q.where}/`)),
      ),
  );
}

/** Machine templates rendered once per node of a list (`nodes.yaml`: hostname, ip, mac, disk). */
export const NODE_LIST = 'machine templates rendered from a list of nodes';

/**
 * The file beside the templates (in their folder or the one above) that lists the nodes, as a
 * `nodes:` map or list whose entries carry an address: the templates are rendered from it.
 */
function nodeList(tree: RepoTree, dir: string): string | undefined {
  const parent = dir.includes('/') ? dir.slice(0, dir.lastIndexOf('/')) : '';
  for (const folder of [...new Set([dir, parent])])
    for (const name of tree.children(folder)) {
      if (!/^nodes\.ya?ml$/.test(name)) continue;
      const file = folder ? `${folder}/${name}` : name;
      const text = tree.read(file) ?? '';
      if (/^nodes:[ \t]*$/m.test(text) && /^\s+-?\s*(ip|address|ipAddress):/m.test(text))
        return file;
    }
  return undefined;
}
