/**
 * A catalog patch in a repo of per-node templates: merged into the template that reaches the
 * target (the shared machine config for all nodes, `controlplane.yaml.j2` / `worker.yaml.j2` for a
 * role, the node's own file for one node), new lines only. A repo without a template for that
 * scope is told where to put it.
 */
import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { PatchRequest } from '../backend.ts';
import { justCommand } from '../just-recipes.ts';
import { targetText } from '../patch-file.ts';
import { patchSettings } from '../patch-settings.ts';
import { refuseRepeatedSettings, roleReach } from '../repeated-settings.ts';
import type { Reach, ReachingSource } from '../repeated-settings.ts';
import { formatTalosVersion } from '../talos-version.ts';
import type { TalosVersion } from '../talos-version.ts';
import { hasPatch, mergePatchInto } from '../merge-patch.ts';
import { stemOf } from './templates-repo.ts';
import type { TemplateFile, TemplatesRepo } from './templates-repo.ts';

const BASE = ['machineconfig', 'cluster', 'config', 'machine', 'talos'];
const CONTROL_PLANE = ['controlplane', 'control-plane', 'controller', 'controllers'];
const WORKER = ['worker', 'workers'];

/** Which nodes a shared template reaches, by its name. */
function sharedReach(file: TemplateFile): Reach {
  const stem = stemOf(file.path);
  if (CONTROL_PLANE.includes(stem)) return { role: 'controlPlane' };
  if (WORKER.includes(stem)) return { role: 'worker' };
  return {};
}

function sources(repo: TemplatesRepo): ReachingSource[] {
  const of = (f: TemplateFile, reach: Reach): ReachingSource => ({
    reach,
    source: { file: f.path, settings: patchSettings(f.text) },
  });
  return [
    ...repo.shared.map((f) => of(f, sharedReach(f))),
    ...repo.nodes.map((n) => of(n, { role: roleReach(n.controlPlane), node: n.hostname })),
  ];
}

/** The base machine config: the shared template with the v1alpha1 document of every node. */
function baseFile(repo: TemplatesRepo): TemplateFile | undefined {
  const named = repo.shared.filter((f) => BASE.includes(stemOf(f.path)));
  const withVersion = repo.shared.filter((f) =>
    f.docs.some((d) => d.get('version') === 'v1alpha1'),
  );
  return withVersion.find((f) => named.includes(f)) ?? withVersion[0] ?? named[0];
}

/** The comment lines of the rendered patch (what to add to the schematic...), for a next step. */
const patchNotes = (text: string): string =>
  text
    .split('\n')
    .filter((l) => l.startsWith('#'))
    .map((l) => l.replace(/^#\s?/, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();

export function planTemplatesPatch(
  tree: RepoTree,
  repo: TemplatesRepo,
  version: TalosVersion,
  cluster: string,
  { def, values, target, targetName }: PatchRequest,
): PlanResult {
  const node =
    target.scope === 'node' ? repo.nodes.find((n) => n.hostname === target.hostname) : undefined;
  const file =
    target.scope === 'global'
      ? baseFile(repo)
      : target.scope === 'node'
        ? node
        : repo.shared.find((f) =>
            (target.scope === 'controlPlane' ? CONTROL_PLANE : WORKER).includes(stemOf(f.path)),
          );
  if (!file) {
    const base = baseFile(repo)?.path ?? posix.join(repo.dir, 'machineconfig.yaml.j2');
    throw new HomeopsError(
      'LAYOUT',
      `${repo.dir}/ has no template for ${targetText(targetName)} alone`,
      {
        field: 'target',
        fix: `add the settings to the ${target.scope === 'controlPlane' ? 'control-plane' : target.scope} part of ${base} by hand (e.g. its {% if %} section), or pick --target=all or one node`,
      },
    );
  }
  const text = def.render(values, version);
  const reach: Reach =
    target.scope === 'global'
      ? {}
      : node
        ? { role: roleReach(node.controlPlane), node: node.hostname }
        : { role: target.scope === 'controlPlane' ? 'controlPlane' : 'worker' };
  if (hasPatch(file.text, text))
    return {
      summary: `${def.id} patch for ${targetText(targetName)}: ${file.path} has it already`,
      nextSteps: [],
      warnings: [],
    };
  refuseRepeatedSettings(def.id, '', text, sources(repo), reach);
  const merged = mergePatchInto(file.text, text);
  if (merged === undefined)
    throw new HomeopsError(
      'CONFLICT',
      `could not add the ${def.id} patch to ${file.path} without changing its other lines`,
      {
        field: 'patch',
        file: file.path,
        fix: `add it by hand: ${text.replace(/\n/g, ' ').slice(0, 160)}`,
      },
    );
  tree.update(file.path, merged);

  const nodes = repo.nodes.filter(
    (n) =>
      target.scope === 'global' ||
      (node ? n === node : n.controlPlane === (target.scope === 'controlPlane')),
  );
  const names = nodes.map((n) => (n.nameIs === 'ip' && n.ip ? n.ip : n.hostname));
  const apply = names.map(
    (n) =>
      justCommand(tree, repo.dir, 'apply-node', n, { cluster }) ??
      `talosctl apply-config --nodes ${n} --file <its rendered config>`,
  );
  const notes = patchNotes(text);
  return {
    summary: `${def.id} patch (Talos ${formatTalosVersion(version)}) for ${targetText(targetName)}: merged into ${file.path}`,
    nextSteps: [
      `review ${file.path}`,
      ...(notes ? [`the ${def.id} patch says: ${notes}`] : []),
      `render and apply the config of ${names.length === 1 ? names[0] : `each of ${names.join(', ')}`}: ${apply.length <= 1 ? (apply[0] ?? '') : `${apply[0]}, and so on`}`,
    ],
    warnings: [],
  };
}
