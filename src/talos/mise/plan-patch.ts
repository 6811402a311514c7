/**
 * A catalog patch in a talosctl + mise repo: `src/talos/patches/<id>.yaml` (`<id>-controlplane.yaml`,
 * `<id>-worker.yaml`, `<id>-<node>.yaml` for one role or node) in the repo's file style, added to the `talosctl gen config` / `machineconfig patch`
 * commands of .mise.toml when they list patches line by line; otherwise the next steps say how.
 */
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { PatchRequest } from '../backend.ts';
import { alreadyThere, placePatch, targetText } from '../patch-file.ts';
import { refuseRepeatedSettings } from '../repeated-settings.ts';
import type { Reach } from '../repeated-settings.ts';
import { formatTalosVersion } from '../talos-version.ts';
import type { TalosVersion } from '../talos-version.ts';
import { addConfigPatch } from './config-patch.ts';
import type { MisePatchTarget } from './config-patch.ts';
import { inRepoStyle } from './mise-repo.ts';
import type { MiseRepo } from './mise-repo.ts';
import { miseSources } from './mise-sources.ts';

/** One flat folder for every scope: the file name says which (`all` keeps `<id>.yaml`). */
const SUFFIX = {
  global: () => '',
  controlPlane: () => '-controlplane',
  worker: () => '-worker',
  node: (name: string) => `-${name}`,
} as const;

const FLAG = {
  global: '--config-patch',
  controlPlane: '--config-patch-control-plane',
  worker: '--config-patch-worker',
} as const;

export function planMisePatch(
  tree: RepoTree,
  mise: MiseRepo,
  version: TalosVersion,
  { def, values, target: parsed, targetName }: PatchRequest,
): PlanResult {
  const node =
    parsed.scope === 'node'
      ? mise.nodes.find((n) => n.name === parsed.hostname || n.hostname === parsed.hostname)
      : undefined;
  if (parsed.scope === 'node' && !node) {
    throw new HomeopsError('INVALID_INPUT', `no node "${parsed.hostname}" in ${mise.patchesDir}`, {
      field: 'target',
      fix: `use all, controlplane, worker or a node (${mise.nodes.map((n) => n.name).join(', ')})`,
    });
  }
  const target: MisePatchTarget = node
    ? { scope: 'node', name: node.name }
    : (parsed as MisePatchTarget);
  const file = `${mise.patchesDir}/${def.id}${SUFFIX[target.scope === 'node' ? 'node' : target.scope](node?.name ?? '')}.yaml`;
  const text = inRepoStyle(def.render(values, version), mise.documentMarkers);
  const reach: Reach = node
    ? { role: node.role === 'worker' ? 'worker' : 'controlPlane', node: node.name }
    : target.scope === 'global'
      ? {}
      : { role: target.scope as 'controlPlane' | 'worker' };
  const placed = placePatch(tree, file, text, (skip) =>
    refuseRepeatedSettings(def.id, skip, text, miseSources(tree, mise), reach),
  );

  if (placed === 'present') return alreadyThere(def.id, file, targetName);
  const edit = addConfigPatch(mise.miseText, file, target, mise.patchesDir);
  if (edit && !edit.already) tree.update(mise.miseFile, edit.text);
  const how = node
    ? `talosctl machineconfig patch ${node.role ?? 'controlplane'}.yaml --patch @${mise.patchesDir}/network-${node.name}.yaml --patch @${file} --output ${node.role ?? 'controlplane'}-${node.name}.yaml`
    : `talosctl gen config ... ${FLAG[target.scope as keyof typeof FLAG]} @${file} ...`;
  const wired = edit?.already
    ? `already listed in ${mise.miseFile}`
    : edit
      ? `added to ${edit.tasks.join(' and ')} in ${mise.miseFile}`
      : `not wired into ${mise.miseFile}: its tasks do not list patches line by line`;
  const apply = node ? `mise run apply-${node.name}` : 'mise run apply';
  return {
    summary: `${def.id} patch (Talos ${formatTalosVersion(version)}) for ${targetText(targetName)}: ${file}, ${wired}`,
    nextSteps: [
      `review ${file}`,
      ...(edit ? [] : [`apply it where the configs are generated: ${how}`]),
      `regenerate the configs and apply them: mise run update && ${apply}`,
    ],
    warnings: [],
  };
}
