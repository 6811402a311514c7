/**
 * A catalog patch in a topf repo: a file in the folder topf merges for the target (`all/`,
 * `control-plane/`, `worker/`, `node/<host>/`), named as its siblings are (`NN-<name>.yaml` after
 * the highest number). topf picks patch files up by folder: nothing else needs wiring.
 */
import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { PatchRequest } from '../backend.ts';
import { justCommand } from '../just-recipes.ts';
import { alreadyThere, placePatch, targetText } from '../patch-file.ts';
import { patchFileName } from '../patch-file-name.ts';
import { patchSettings } from '../patch-settings.ts';
import { refuseRepeatedSettings, roleReach } from '../repeated-settings.ts';
import type { Reach, ReachingSource } from '../repeated-settings.ts';
import { formatTalosVersion } from '../talos-version.ts';
import type { TalosVersion } from '../talos-version.ts';
import type { TopfRepo, TopfScope } from './topf-repo.ts';

function reachOf(repo: TopfRepo, scope: TopfScope): Reach {
  if (scope.kind === 'all') return {};
  if (scope.kind === 'role')
    return { role: scope.dir === 'control-plane' ? 'controlPlane' : 'worker' };
  const node = repo.nodes.find((n) => n.host === scope.host);
  return { ...(node && { role: roleReach(node.controlPlane) }), node: scope.host };
}

const sources = (repo: TopfRepo): ReachingSource[] =>
  repo.patches.map((p) => ({
    reach: reachOf(repo, p.scope),
    source: { file: p.path, settings: patchSettings(p.text) },
  }));

export function planTopfPatch(
  tree: RepoTree,
  repo: TopfRepo,
  version: TalosVersion,
  { def, values, target, targetName }: PatchRequest,
): PlanResult {
  const scope: TopfScope =
    target.scope === 'global'
      ? { kind: 'all' }
      : target.scope === 'node'
        ? { kind: 'node', host: target.hostname }
        : { kind: 'role', dir: target.scope === 'controlPlane' ? 'control-plane' : 'worker' };
  const folder =
    scope.kind === 'all' ? 'all' : scope.kind === 'role' ? scope.dir : `node/${scope.host}`;
  const dir = posix.join(repo.patchesDir, folder);
  const folders = [
    ...new Set(['all', 'control-plane', 'worker', ...repo.patches.map((p) => p.folder)]),
  ]
    .filter((f) => f !== folder)
    .map((f) => posix.join(repo.patchesDir, f));
  const rendered = def.render(values, version);
  const file = patchFileName(tree, dir, folders, def.id, rendered);
  const markers =
    repo.patches.length === 0 ||
    repo.patches.filter((p) => p.text.startsWith('---')).length * 2 >= repo.patches.length;
  const text = markers ? rendered : rendered.replace(/^---\n/, '');
  const placed = placePatch(tree, file, text, (skip) =>
    refuseRepeatedSettings(def.id, skip, text, sources(repo), reachOf(repo, scope)),
  );

  if (placed === 'present') return alreadyThere(def.id, file, targetName);
  const filter = scope.kind === 'node' ? scope.host : undefined;
  const apply = filter
    ? (justCommand(tree, repo.dir, 'apply-node', filter) ??
      `topf apply --nodes-filter '^${filter}$'`)
    : (justCommand(tree, repo.dir, 'apply', '') ?? 'topf apply').trim();
  const cd = repo.dir && !apply.startsWith('just') ? `cd ${repo.dir} && ` : '';
  return {
    summary: `${def.id} patch (Talos ${formatTalosVersion(version)}) for ${targetText(targetName)}: ${file}`,
    nextSteps: [
      `review ${file}: topf merges it after the other files of ${dir}/`,
      `apply it to ${targetText(targetName)}: ${cd}${apply}`,
    ],
    warnings: [],
  };
}
