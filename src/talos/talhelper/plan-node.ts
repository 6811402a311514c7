/**
 * A node in a talhelper repo: a `nodes[]` entry in talconfig.yaml in the shape of the existing
 * nodes (only new lines added), and its own patch folder when the other nodes have one.
 */
import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { addNode } from '../add-node.ts';
import { inMarkerStyle, usesDocumentMarkers } from '../document-markers.ts';
import type { NodeRequest } from '../backend.ts';
import { normalizeMac } from '../net.ts';
import { checkDisk, checkRole, checkSchematic } from '../node-input.ts';
import type { CheckedNodeInput, NodeInput } from '../node-input.ts';
import type { NodeFacts } from '../talconfig-node.ts';
import { uncheckedWarnings } from '../node-warnings.ts';
import { clustertoolSteps, encryptedWarning } from './clustertool-steps.ts';
import { referencedPatchTexts } from './patch-texts.ts';
import type { TalhelperRepo } from './talhelper-repo.ts';

export function planTalhelperNode(
  tree: RepoTree,
  th: TalhelperRepo,
  { input: answers, facts }: NodeRequest,
): PlanResult {
  const hostname = answers.hostname.trim();
  const existing = th.facts.nodes.find(
    (n) => n.hostname === hostname || n.hostnameResolved === hostname,
  );
  if (existing) return unchanged(th, existing, answers);

  const result = addNode(th.doc, facts, answers, { source: th.text });
  tree.update(th.file, result.text);
  const created = (result.patchFolder?.files ?? []).map((f) => posix.join(th.dir, f.path));
  const markers = usesDocumentMarkers(referencedPatchTexts(tree, th));
  for (const [i, f] of (result.patchFolder?.files ?? []).entries())
    tree.create(created[i] ?? f.path, inMarkerStyle(f.content, markers), 'node patch');

  const clustertool = th.clustertool;
  const warnings = [
    ...(clustertool && th.encrypted.length > 0
      ? [
          ...result.warnings.filter((w) => !/had no value/.test(w)),
          encryptedWarning(th, result.input.ip),
        ]
      : result.warnings),
    ...uncheckedWarnings(facts, result.input),
  ];
  const folder = result.patchFolder ? posix.join(th.dir, result.patchFolder.dir) : undefined;
  return {
    summary: `node ${hostname} (${result.input.role}, ${result.input.ip}) added to ${th.file}${folder && created.length > 0 ? ` with its patch folder ${folder}/` : ''}`,
    nextSteps: clustertool
      ? clustertoolSteps(th, result.input)
      : talhelperSteps(th, result.input, created),
    warnings,
  };
}

function talhelperSteps(th: TalhelperRepo, node: CheckedNodeInput, created: string[]): string[] {
  const cd = th.dir === '' ? '' : `cd ${th.dir} && `;
  return [
    ...(created.length > 0
      ? [`put settings for ${node.hostname} alone in ${created.join(', ')} (it is empty now)`]
      : []),
    `regenerate the machine configs: ${cd}talhelper genconfig`,
    `boot ${node.hostname} from the Talos ISO of its schematic, then apply its config in maintenance mode: ${cd}talhelper gencommand apply --node ${node.ip} --extra-flags=--insecure | bash`,
    `commit ${th.file}${created.length > 0 ? ' and the patch folder' : ''}; later changes: talhelper gencommand apply --node ${node.ip} | bash`,
  ];
}

/** The same node again: nothing to change when it matches the inputs, else the hostname is taken. */
function unchanged(th: TalhelperRepo, node: NodeFacts, answers: NodeInput): PlanResult {
  const differences = nodeDifferences(th, node, answers);
  if (differences.length > 0) {
    throw new HomeopsError(
      'CONFLICT',
      `hostname "${node.hostnameResolved}" is already used by nodes[${node.index}] (${differences.join('; ')})`,
      {
        field: 'hostname',
        file: th.file,
        fix: `pick a hostname no other node has; to change ${node.hostnameResolved} itself, edit ${th.file}`,
      },
    );
  }
  return {
    summary: `node ${node.hostnameResolved} is already in ${th.file} with these inputs`,
    nextSteps: [],
    warnings: [],
  };
}

function nodeDifferences(th: TalhelperRepo, node: NodeFacts, a: NodeInput): string[] {
  const out: string[] = [];
  if (node.ipAddress !== a.ip.trim() && node.ipAddressRaw !== a.ip.trim())
    out.push(`its ip is ${node.ipAddress ?? node.ipAddressRaw}, not ${a.ip.trim()}`);
  const mac = normalizeMac(a.mac);
  if (!mac || !node.macs.includes(mac))
    out.push(`its mac is ${node.macs.join(', ') || 'not set'}, not ${a.mac.trim()}`);
  if (node.controlPlane !== (checkRole(a.role) === 'controlplane'))
    out.push(`it is a ${node.controlPlane ? 'controlplane' : 'worker'}, not a ${a.role}`);
  const disk = checkDisk(a.disk);
  if (!(disk instanceof HomeopsError)) {
    const same =
      disk.kind === 'installDisk'
        ? node.disk.kind === 'installDisk' && node.disk.value === disk.value
        : node.disk.kind === 'installDiskSelector' &&
          String(th.doc.getIn(['nodes', node.index, 'installDiskSelector', disk.key])) ===
            disk.value;
    if (!same) out.push(`its install disk differs from ${a.disk.trim()}`);
  }
  const schematic = checkSchematic(a.schematic);
  if (schematic && !(schematic instanceof HomeopsError)) {
    const url = node.talosImageURL;
    const same =
      'id' in schematic
        ? url !== undefined && url.endsWith(`/${schematic.id}`)
        : url === schematic.image;
    if (!same)
      out.push(
        `its image is ${url ?? (node.image === 'schematic' ? 'an inline schematic' : 'not set')}, not ${'id' in schematic ? `schematic ${schematic.id}` : schematic.image}`,
      );
  }
  return out;
}
