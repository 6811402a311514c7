/**
 * A node in a talosctl + mise repo: `network-<node>.yaml` in the shape of the existing ones (for
 * the repo's Talos version), its address variable in [env] and an `apply-<node>` task in
 * `.mise.toml`. A second run with the same inputs finds all three in place and changes nothing.
 */
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { NodeRequest } from '../backend.ts';
import { checkedOrThrow } from '../node-input.ts';
import type { CheckedNodeInput } from '../node-input.ts';
import { formatTalosVersion } from '../talos-version.ts';
import type { TalosVersion } from '../talos-version.ts';
import { uncheckedWarnings } from '../node-warnings.ts';
import { nodeVarName } from './mise-repo.ts';
import type { MiseRepo } from './mise-repo.ts';
import { renderNetworkPatch } from './network-patch.ts';
import { addApplyTask, addEnvVar, canonicalApplyTask } from './node-edits.ts';
import type { MiseNodeRef } from './node-edits.ts';

export function planMiseNode(
  tree: RepoTree,
  mise: MiseRepo,
  version: TalosVersion,
  request: NodeRequest,
): PlanResult {
  const node = checkedOrThrow(request.facts, request.input);
  const warnings: string[] = [];
  const manual: string[] = [];
  const path = `${mise.patchesDir}/network-${node.hostname}.yaml`;
  const content = renderNetworkPatch({
    mise,
    facts: mise.facts,
    node,
    version,
    install: installOverride(mise, node, version),
    warn: warnings,
  });
  if (tree.read(path) !== undefined && tree.read(path) !== content) {
    throw new HomeopsError(
      'CONFLICT',
      `${path} already exists and differs from what these inputs generate`,
      {
        field: 'hostname',
        file: path,
        fix: `pick a hostname no other node has; to change ${node.hostname} itself, edit ${path}`,
      },
    );
  }
  tree.create(path, content);

  const ref: MiseNodeRef = {
    name: node.hostname,
    varName: nodeVarName(node.hostname),
    role: node.role,
    ip: node.ip,
  };
  let text = mise.miseText;
  const current = mise.env[ref.varName];
  if (current !== undefined && current !== node.ip) {
    throw new HomeopsError(
      'CONFLICT',
      `${ref.varName} is already set to "${current}" in ${mise.miseFile}`,
      {
        field: 'ip',
        file: mise.miseFile,
        fix: `pick another hostname, or remove ${ref.varName} first`,
      },
    );
  }
  if (current === undefined) {
    const existingVars = mise.nodes
      .map((n) => n.varName)
      .filter((v): v is string => v !== undefined);
    text =
      addEnvVar(text, ref.varName, node.ip, existingVars) ??
      manualStep(manual, text, `add ${ref.varName} = "${node.ip}" to [env]`);
  }
  text = applyTask(mise, ref, text, manual);
  if (text !== mise.miseText) tree.update(mise.miseFile, text);

  const controlPlanes =
    mise.nodes.filter((n) => n.role !== 'worker' && n.name !== node.hostname).length +
    (node.role === 'controlplane' ? 1 : 0);
  if (node.role === 'controlplane' && controlPlanes % 2 === 0) {
    warnings.push(
      `the cluster will have ${controlPlanes} control planes: etcd tolerates no more failures with ${controlPlanes} members than with ${controlPlanes - 1}; use an odd number`,
    );
  }
  if (node.disk.kind === 'installDiskSelector' && mise.install.disk !== undefined) {
    warnings.push(
      `${mise.install.file} sets machine.install.disk: ${mise.install.disk} for every node, so ${node.hostname} gets both that disk and the install.diskSelector of ${path}: ` +
        `move disk: ${mise.install.disk} from ${mise.install.file} into the other nodes' network patches, or give ${node.hostname} a device path (--disk=/dev/...)`,
    );
  }
  warnings.push(...uncheckedWarnings(request.facts, node));
  const changed = tree.changes().length > 0;
  return {
    summary: changed
      ? `node ${node.hostname} (${node.role}, ${node.ip}, Talos ${formatTalosVersion(version)}): ${path} and ${mise.miseFile}`
      : `node ${node.hostname} is already set up with these inputs (${path}, ${mise.miseFile})`,
    nextSteps: [...manual, ...nextSteps(mise, node, ref)],
    warnings,
  };
}

function manualStep(manual: string[], text: string, step: string): string {
  manual.push(
    `${step} of .mise.toml by hand (homeops could not insert it without changing other lines)`,
  );
  return text;
}

function applyTask(mise: MiseRepo, ref: MiseNodeRef, text: string, manual: string[]): string {
  const tasks = (mise.toml['tasks'] ?? {}) as Record<string, { run?: unknown }>;
  const name = `apply-${ref.name}`;
  const existing = tasks[name];
  if (existing) {
    if (typeof existing.run === 'string' && existing.run.includes(`${ref.role}-${ref.name}.yaml`))
      return text;
    throw new HomeopsError('CONFLICT', `task ${name} already exists in ${mise.miseFile}`, {
      field: 'hostname',
      file: mise.miseFile,
      fix: 'pick another hostname',
    });
  }
  const known = mise.nodes.flatMap((n) =>
    n.varName === undefined
      ? []
      : [
          {
            name: n.name,
            varName: n.varName,
            role: n.role ?? 'controlplane',
            ...(mise.env[n.varName] && { ip: mise.env[n.varName] }),
          },
        ],
  );
  return (
    addApplyTask(text, ref, known) ??
    manualStep(manual, text, `add [tasks.${name}] with run = "${canonicalApplyTask(ref).run}"`)
  );
}

/** Tasks whose commands name every node (by address variable or per-node config file). */
function tasksNaming(
  mise: MiseRepo,
  pattern: (n: { name: string; varName?: string }) => string,
): string[] {
  const tasks = Object.entries((mise.toml['tasks'] ?? {}) as Record<string, { run?: unknown }>);
  return tasks
    .filter(([name]) => !name.startsWith('apply-') || name === 'apply-all')
    .filter(
      ([, t]) =>
        typeof t.run === 'string' &&
        mise.nodes.length > 0 &&
        mise.nodes.every((n) => (t.run as string).includes(pattern(n))),
    )
    .map(([name]) => name);
}

function nextSteps(mise: MiseRepo, node: CheckedNodeInput, ref: MiseNodeRef): string[] {
  const file = `${node.role}-${node.hostname}.yaml`;
  const generating = tasksNaming(mise, (n) => `network-${n.name}.yaml`);
  const listing = tasksNaming(mise, (n) => `\${${n.varName ?? nodeVarName(n.name)}}`).filter(
    (t) => !generating.includes(t),
  );
  const last = [...mise.nodes]
    .sort(
      (a, b) =>
        mise.miseText.lastIndexOf(`network-${a.name}.yaml`) -
        mise.miseText.lastIndexOf(`network-${b.name}.yaml`),
    )
    .at(-1)?.name;
  return [
    ...(generating.length > 0
      ? [
          `in ${mise.miseFile}, add \`talosctl machineconfig patch ${node.role}.yaml --patch @${mise.patchesDir}/network-${node.hostname}.yaml --output ${file}\` to ${generating.join(' and ')}${last ? `, after the network-${last}.yaml one` : ''}`,
        ]
      : []),
    ...(listing.length > 0
      ? [
          `add ${node.hostname} (\${${ref.varName}}) to the tasks that list every node: ${listing.join(', ')}`,
        ]
      : []),
    `boot ${node.hostname} from the Talos ISO, regenerate the configs (mise run update), then apply its config in maintenance mode: talosctl apply-config --insecure --nodes ${node.ip} --file ${file}`,
    `later changes: mise run apply-${node.hostname}`,
  ];
}

/** `machine.install` for this node when its disk or schematic differs from the shared patches. */
function installOverride(
  mise: MiseRepo,
  node: CheckedNodeInput,
  version: TalosVersion,
): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  if (node.disk.kind === 'installDisk' && node.disk.value !== mise.install.disk)
    out['disk'] = node.disk.value;
  if (node.disk.kind === 'installDiskSelector')
    out['diskSelector'] = { [node.disk.key]: node.disk.value };
  const image = mise.install.image ?? '';
  if (node.schematic && 'id' in node.schematic && !image.includes(node.schematic.id)) {
    out['image'] = /\/[0-9a-f]{64}(:|$)/.test(image)
      ? image.replace(/[0-9a-f]{64}(?=:|$)/, node.schematic.id)
      : `factory.talos.dev/installer/${node.schematic.id}:${formatTalosVersion(version)}`;
  }
  if (node.schematic && 'image' in node.schematic)
    out['image'] = `${node.schematic.image}:${formatTalosVersion(version)}`;
  return Object.keys(out).length > 0 ? out : undefined;
}
