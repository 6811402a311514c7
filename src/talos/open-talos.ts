/**
 * The Talos back ends of a repo, one per cluster: what `findTalosFiles` finds, narrowed by the
 * `talos:` pin of `.homeops.yaml`. A repo whose Talos lives where homeops does not edit (Omni,
 * OpenTofu/Terraform, another repo) gets a message saying so, and where.
 */
import { HomeopsError } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import type { TalosBackend } from './backend.ts';
import { TOOL_TITLES } from './backend.ts';
import { findTalosFiles, NODE_LIST } from './find-talos.ts';
import type { ElsewherePlace, TalosPlace } from './find-talos.ts';
import { MiseBackend } from './mise/mise-backend.ts';
import { TalhelperBackend } from './talhelper/talhelper-backend.ts';
import type { TalosPin } from './talos-pin.ts';
import { TemplatesBackend } from './templates/templates-backend.ts';
import { TopfBackend } from './topf/topf-backend.ts';
import { EDITED_SHAPES, placesInWords } from './places-in-words.ts';

const PIN_EXAMPLE = `${CONFIG_FILE}: talos: { tool: talhelper, path: talos/talconfig.yaml }`;

function backendFor(tree: RepoTree, place: TalosPlace, cluster: string): TalosBackend {
  switch (place.tool) {
    case 'talhelper':
      return new TalhelperBackend(tree, place.path, cluster);
    case 'topf':
      return new TopfBackend(tree, place.path, cluster);
    case 'templates':
      return new TemplatesBackend(tree, place.path, cluster);
    case 'talosctl-mise':
      return new MiseBackend(tree, place.path, place.miseFile ?? '.mise.toml', cluster);
  }
}

/** The folder a place is in (the file's folder for talconfig.yaml / topf.yaml). */
const folderOf = (place: TalosPlace): string =>
  place.tool === 'talhelper' || place.tool === 'topf'
    ? place.path.split('/').slice(0, -1).join('/')
    : place.path;

/**
 * Cluster names: the folder that tells the places apart (`talos/<cluster>/`, `clusters/<cluster>/`);
 * for a single place, the cluster name its file gives, else `main`.
 */
function clusterNames(tree: RepoTree, places: readonly TalosPlace[]): string[] {
  if (places.length === 1) {
    const place = places[0];
    const text = place && place.tool !== 'templates' ? (tree.read(place.path) ?? '') : '';
    const name = /^clusterName:\s*["']?([a-z0-9][a-z0-9.-]*)["']?\s*$/m.exec(text)?.[1];
    return [name ?? 'main'];
  }
  const split = places.map((p) => folderOf(p).split('/'));
  const at = split[0]?.findIndex((seg, i) => split.some((s) => s[i] !== seg)) ?? -1;
  const names = split.map((s, i) => (at >= 0 ? s[at] : undefined) ?? `cluster-${i + 1}`);
  return names.map((n, i) => (names.indexOf(n) === i ? n : `${n}-${i + 1}`));
}

function matchesPin(place: TalosPlace, path: string): boolean {
  return (
    place.path === path ||
    place.path.startsWith(`${path}/`) ||
    (place.tool !== 'talhelper' && place.tool !== 'topf' && path.startsWith(`${place.path}/`))
  );
}

/** How to add a node where homeops does not. */
function howByHand(place: ElsewherePlace): string {
  if (place.what.startsWith('Omni'))
    return `add the machine to the cluster template in ${place.where} by hand and sync it (omnictl cluster template sync -f ${place.where})`;
  if (place.what === NODE_LIST)
    return `add the node as an entry of ${place.where}, as the others are, and render its config as the repo's tasks do`;
  if (place.what.startsWith('OpenTofu'))
    return `add the node where ${place.where} declares the others and run tofu/terraform apply`;
  return `add the node's config to ${place.where} by hand, as the other nodes have theirs (or, if they are talhelper, topf or per-node template files under other names, pin them in ${PIN_EXAMPLE})`;
}

function notHere(elsewhere: readonly ElsewherePlace[]): HomeopsError {
  const first = elsewhere[0];
  if (first) {
    const all = placesInWords(elsewhere, (what, where) => `${what} (${where})`);
    return new HomeopsError(
      'LAYOUT',
      `this repo keeps its Talos machines in ${all}: homeops does not edit those`,
      {
        file: first.where,
        fix: `${howByHand(first)}; homeops node and patch edit ${EDITED_SHAPES}`,
      },
    );
  }
  return new HomeopsError(
    'LAYOUT',
    'no Talos configuration in this repo: no talconfig.yaml (talhelper), topf.yaml (topf), nodes/<node>.yaml.j2 templates, or network-<node>.yaml patches with mise tasks',
    {
      fix: `if the nodes are defined in another repo, run homeops there; if they are here under other names, pin them in ${PIN_EXAMPLE}`,
    },
  );
}

export function openTalos(tree: RepoTree, pin: TalosPin | undefined): TalosBackend[] {
  const found = findTalosFiles(tree);
  let places = found.places;
  for (const path of pin?.paths ?? []) {
    if (!places.some((p) => matchesPin(p, path)))
      throw new HomeopsError(
        'LAYOUT',
        `talos.path: no Talos configuration at ${path}${found.places.length > 0 ? ` (found: ${found.places.map((p) => p.path).join(', ')})` : ''}`,
        {
          file: CONFIG_FILE,
          fix: `point talos.path at a talconfig.yaml, topf.yaml, a folder with nodes/ templates or a patches folder (${PIN_EXAMPLE})`,
        },
      );
  }
  if (pin?.paths) places = places.filter((p) => pin.paths?.some((path) => matchesPin(p, path)));
  if (pin?.tool) {
    const tool = pin.tool;
    const kept = places.filter((p) => p.tool === tool);
    if (kept.length === 0)
      throw new HomeopsError(
        'LAYOUT',
        `talos.tool is ${tool}, but no ${TOOL_TITLES[tool]} configuration was found${places.length > 0 ? ` (found: ${places.map((p) => `${p.tool} at ${p.path}`).join(', ')})` : ''}`,
        {
          file: CONFIG_FILE,
          fix: `fix talos.tool, or set talos.path to where the ${tool} files are`,
        },
      );
    places = kept;
  }
  if (places.length === 0) throw notHere(found.elsewhere());
  const tools = [...new Set(places.map((p) => p.tool))];
  if (tools.length > 1 && !pin?.paths)
    throw new HomeopsError(
      'LAYOUT',
      `the repo keeps Talos nodes with several tools: ${places.map((p) => `${TOOL_TITLES[p.tool]} at ${p.path}`).join('; ')}`,
      { fix: `say which one homeops edits in ${CONFIG_FILE}, e.g. talos: { tool: ${tools[0]} }` },
    );
  const names = clusterNames(tree, places);
  return places.map((place, i) => backendFor(tree, place, names[i] ?? `cluster-${i + 1}`));
}
