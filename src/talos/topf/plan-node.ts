/**
 * A node in a topf repo: a new `nodes[]` entry of topf.yaml in the siblings' shape, every other
 * byte kept (comments, blank lines between entries). topf builds the node's config from the
 * patch folders, so no other file changes. The same inputs again change nothing.
 */
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { addItem } from '../../yaml/edit/edit-yaml.ts';
import type { NodeRequest } from '../backend.ts';
import { justCommand } from '../just-recipes.ts';
import { normalizeMac } from '../net.ts';
import { checkDisk, checkedOrThrow, checkRole } from '../node-input.ts';
import type { NodeInput } from '../node-input.ts';
import { controlPlaneWarnings, uncheckedWarnings } from '../node-warnings.ts';
import { buildTopfEntry } from './topf-node-entry.ts';
import type { TopfNode, TopfRepo } from './topf-repo.ts';

/** The line of the entry `- host: <host>` (its first key), as a pattern. */
const hostLine = (host: string): RegExp =>
  new RegExp(`^[ \\t]*- host: ["']?${host.replace(/\./g, '\\.')}["']?[ \\t]*(?:#.*)?$`, 'm');

/** Blank lines between the entries of `nodes:` when the siblings have them (a comment may follow). */
function spacedLikeSiblings(repo: TopfRepo, text: string, host: string): string {
  const spaced = repo.nodes.slice(1).filter((n) => {
    const at = repo.text.search(hostLine(n.host));
    return at > 0 && /\n[ \t]*\n(?:[ \t]*#[^\n]*\n)*$/.test(repo.text.slice(0, at));
  }).length;
  if (repo.nodes.length < 2 || spaced * 2 < repo.nodes.length - 1) return text;
  const at = text.search(hostLine(host));
  if (at <= 0 || text.slice(0, at).endsWith('\n\n')) return text;
  return `${text.slice(0, at)}\n${text.slice(at)}`;
}

/** What an existing entry of that host says differently from the inputs. */
function differences(repo: TopfRepo, node: TopfNode, input: NodeInput): string[] {
  const out: string[] = [];
  if (node.ip !== input.ip.trim())
    out.push(`its ip is ${node.ip ?? 'not set'}, not ${input.ip.trim()}`);
  if (node.controlPlane !== (checkRole(input.role) === 'controlplane'))
    out.push(`its role is ${node.role}`);
  const macKey = repo.macKey ?? 'macAddr';
  const mac = normalizeMac(String(node.data[macKey] ?? ''));
  if (mac !== undefined && mac !== normalizeMac(input.mac))
    out.push(`its ${macKey} is ${mac}, not ${input.mac.trim()}`);
  const disk = checkDisk(input.disk);
  const written = String(node.data['installDisk'] ?? node.data['installDiskSerial'] ?? '');
  if (!(disk instanceof HomeopsError) && disk.value !== written)
    out.push(`its install disk is ${written || 'not set'}, not ${input.disk.trim()}`);
  return out;
}

export function planTopfNode(tree: RepoTree, repo: TopfRepo, request: NodeRequest): PlanResult {
  const hostname = request.input.hostname.trim();
  const existing = repo.nodes.find((n) => n.host === hostname);
  if (existing) {
    const diff = differences(repo, existing, request.input);
    if (diff.length > 0)
      throw new HomeopsError(
        'CONFLICT',
        `host "${hostname}" is already in ${repo.file} (${diff.join('; ')})`,
        {
          field: 'hostname',
          file: repo.file,
          fix: `pick a hostname no other node has; to change ${hostname} itself, edit ${repo.file}`,
        },
      );
    return {
      summary: `node ${hostname} is already in ${repo.file} with these inputs`,
      nextSteps: [],
      warnings: [],
    };
  }
  const node = checkedOrThrow(request.facts, request.input);
  const entry = buildTopfEntry(repo, node);
  const edit = addItem(repo.text, repo.file, ['nodes'], entry.node, 'end', { rerender: true });
  tree.update(repo.file, spacedLikeSiblings(repo, edit.text, node.hostname));

  const warnings = [
    ...entry.warnings,
    ...(edit.exact
      ? []
      : [`${repo.file} had to be re-rendered: check the diff for whitespace and comment changes`]),
    ...controlPlaneWarnings(repo.nodes.filter((n) => n.controlPlane).length + 1, node.role),
    ...uncheckedWarnings(request.facts, node),
  ];
  const apply =
    justCommand(tree, repo.dir, 'apply-node', node.hostname) ??
    `${repo.dir ? `cd ${repo.dir} && ` : ''}topf apply --nodes-filter '^${node.hostname}$'`;
  const schematic = String(entry.node.get('schematicId') ?? '');
  return {
    summary: `node ${node.hostname} (${node.role}, ${node.ip}) added to ${repo.file}`,
    nextSteps: [
      `boot ${node.hostname} from the Talos ISO of ${schematic ? `schematic ${schematic}` : 'its schematic'} (factory.talos.dev), then apply its config while it waits in maintenance mode: ${apply}`,
      `commit ${repo.file}`,
    ],
    warnings,
  };
}
