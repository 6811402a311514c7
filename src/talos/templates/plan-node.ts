/**
 * A node in a repo of per-node templates: a new `nodes/[<role>/]<node>.yaml.j2` copied from a
 * sibling of its role with the node's own values, and the node added to the files that list every
 * node (a justfile loop, a YAML list). Template syntax is kept as written.
 */
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { NodeRequest } from '../backend.ts';
import { justCommand } from '../just-recipes.ts';
import { normalizeMac } from '../net.ts';
import { checkDisk, checkedOrThrow, checkRole } from '../node-input.ts';
import type { CheckedNodeInput, NodeInput } from '../node-input.ts';
import { controlPlaneWarnings, uncheckedWarnings } from '../node-warnings.ts';
import { buildNodeFile } from './node-file.ts';
import { addToNodeLists } from './node-lists.ts';
import type { NodeNames } from './node-lists.ts';
import type { TemplateNode, TemplatesRepo } from './templates-repo.ts';

function differences(node: TemplateNode, input: NodeInput): string[] {
  const out: string[] = [];
  if (node.ip !== undefined && node.ip !== input.ip.trim())
    out.push(`its address is ${node.ip}, not ${input.ip.trim()}`);
  if (node.controlPlane !== (checkRole(input.role) === 'controlplane'))
    out.push(`it is a ${node.controlPlane ? 'controlplane' : 'worker'}`);
  const mac = normalizeMac(input.mac);
  if (node.network.macs.length > 0 && (!mac || !node.network.macs.includes(mac)))
    out.push(`its MAC is ${node.network.macs.join(', ')}, not ${input.mac.trim()}`);
  const disk = checkDisk(input.disk);
  if (node.disk && !(disk instanceof HomeopsError) && node.disk.value !== disk.value)
    out.push(`its install disk is ${node.disk.value}, not ${input.disk.trim()}`);
  return out;
}

const namesOf = (n: { hostname: string; hostnameText?: string; ip?: string }): NodeNames => ({
  names: [n.hostname, n.hostnameText ?? n.hostname, n.ip ?? n.hostname],
});

/** How the repo applies a node's config: its `apply-node` recipe, else talosctl by hand. */
function applyStep(
  tree: RepoTree,
  repo: TemplatesRepo,
  node: CheckedNodeInput,
  file: string,
  cluster: string,
): string {
  const target = repo.nodes.some((n) => n.nameIs === 'ip') ? node.ip : node.hostname;
  const just = justCommand(tree, repo.dir, 'apply-node', target, { cluster });
  return just
    ? `${just} --insecure`
    : `render ${file} over the shared templates of ${repo.dir}/ as for the other nodes, then: talosctl apply-config --insecure --nodes ${node.ip} --file <the rendered config>`;
}

export function planTemplatesNode(
  tree: RepoTree,
  repo: TemplatesRepo,
  request: NodeRequest,
  cluster: string,
): PlanResult {
  const hostname = request.input.hostname.trim();
  const existing = repo.nodes.find((n) => n.hostname === hostname || n.stem === hostname);
  if (existing) {
    const diff = differences(existing, request.input);
    if (diff.length > 0)
      throw new HomeopsError(
        'CONFLICT',
        `node "${hostname}" is already in ${existing.path} (${diff.join('; ')})`,
        {
          field: 'hostname',
          file: existing.path,
          fix: `pick a hostname no other node has; to change ${hostname} itself, edit ${existing.path}`,
        },
      );
    return {
      summary: `node ${hostname} is already in ${existing.path} with these inputs`,
      nextSteps: [],
      warnings: [],
    };
  }
  const node = checkedOrThrow(request.facts, request.input);
  const file = buildNodeFile(repo, node);
  if (!file)
    throw new HomeopsError('LAYOUT', `${repo.nodesDir}/ has no node file to copy`, {
      file: repo.nodesDir,
      fix: `write the first node's file by hand; homeops adds the next ones in its shape`,
    });
  tree.create(file.path, file.content, {
    message: `${file.path} already exists with other content`,
    fix: `pick another hostname or address, or move ${file.path} away first`,
    field: 'hostname',
  });
  const skip = new Set([...repo.nodes.map((n) => n.path), ...repo.shared.map((s) => s.path)]);
  const lists = addToNodeLists(
    tree,
    repo.dir,
    repo.nodes.map(namesOf),
    namesOf({
      hostname: node.hostname,
      hostnameText: [node.hostname, ...(file.template.hostnameText ?? '').split('.').slice(1)].join(
        '.',
      ),
      ip: node.ip,
    }),
    skip,
  );
  for (const f of lists.files) tree.update(f.path, f.text);
  const warnings = [
    ...file.warnings,
    ...controlPlaneWarnings(repo.nodes.filter((n) => n.controlPlane).length + 1, node.role),
    ...uncheckedWarnings(request.facts, node),
  ];
  const listed = lists.files.map((f) => f.path);
  return {
    summary: `node ${node.hostname} (${node.role}, ${node.ip}): ${file.path}, copied from ${file.template.path}${listed.length > 0 ? `, and added to ${listed.join(', ')}` : ''}`,
    nextSteps: [
      `review ${file.path}: it is ${file.template.hostname}'s file with ${node.hostname}'s ${replacedValues(file.template)}`,
      ...lists.manual.map(
        (m) => `add ${node.hostname} where line ${m.line} of ${m.path} lists the other nodes`,
      ),
      `boot ${node.hostname} from the Talos ISO of the cluster's schematic, then apply its config while it waits in maintenance mode: ${applyStep(tree, repo, node, file.path, cluster)}`,
      `commit ${[file.path, ...listed].join(', ')}`,
    ],
    warnings,
  };
}

/** What a node's file takes of the new node's own, in words: only what its template holds. */
function replacedValues(t: {
  network: { addresses: readonly string[]; macs: readonly string[] };
  disk?: unknown;
}): string {
  const what = [
    'hostname',
    ...(t.network.addresses.length > 0 ? ['address'] : []),
    ...(t.network.macs.length > 0 ? ['MAC'] : []),
    ...(t.disk ? ['install disk'] : []),
  ];
  return what.length === 1 ? (what[0] ?? '') : `${what.slice(0, -1).join(', ')} and ${what.at(-1)}`;
}
