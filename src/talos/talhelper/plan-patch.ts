/**
 * A catalog patch in a talhelper repo: the file in the layout's patch folder for the target
 * (`patches/global|controller|worker|<node>/` or flat `patches/x.yaml`), referenced from
 * talconfig.yaml at the right scope. Only the new reference line is added to talconfig.yaml.
 */
import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { PatchRequest } from '../backend.ts';
import { createPatchFile, targetText } from '../patch-file.ts';
import { addPatchRef, refToPath, suggestPatchRef } from '../patch-refs.ts';
import type { PatchTarget } from '../patch-refs.ts';
import { refuseRepeatedSettings } from '../repeated-settings.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import type { TalosVersion } from '../talos-version.ts';
import { formatTalosVersion } from '../talos-version.ts';
import { talhelperReach, talhelperSources } from './talhelper-sources.ts';
import type { TalhelperRepo } from './talhelper-repo.ts';

/** The ref of a new patch file: `<id>.yaml` in the target's folder, `<id>-<node>.yaml` in a shared one. */
function patchRef(facts: TalconfigFacts, target: PatchTarget, id: string): string {
  const ref = suggestPatchRef(facts, target, `${id}.yaml`);
  if (target.scope !== 'node' || refToPath(ref).split('/').slice(0, -1).includes(target.hostname))
    return ref;
  return suggestPatchRef(facts, target, `${id}-${target.hostname}.yaml`);
}

export function planTalhelperPatch(
  tree: RepoTree,
  th: TalhelperRepo,
  version: TalosVersion,
  { def, values, target, targetName }: PatchRequest,
): PlanResult {
  const text = def.render(values, version);
  const ref = patchRef(th.facts, target, def.id);
  const file = posix.join(th.dir, refToPath(ref));
  refuseRepeatedSettings(
    def.id,
    file,
    text,
    talhelperSources(tree, th),
    talhelperReach(target, th),
  );
  createPatchFile(tree, file, text);
  const edit = addPatchRef(th.doc, target, ref, { source: th.text, vars: th.vars });
  if (edit.added) tree.update(th.file, edit.text);

  const nodeIp =
    target.scope === 'node'
      ? th.facts.nodes.find(
          (n) => n.hostnameResolved === target.hostname || n.hostname === target.hostname,
        )?.ipAddress
      : undefined;
  const cd = th.dir === '' ? '' : `cd ${th.dir} && `;
  const generate = th.clustertool ? './clustertool genconfig' : `${cd}talhelper genconfig`;
  const apply = th.clustertool
    ? `apply the regenerated config to ${targetText(targetName)} (${posix.join(th.dir, 'generated')}/), e.g. talosctl apply-config --nodes <ip> --file <its generated file>`
    : `apply it to ${targetText(targetName)}: ${cd}talhelper gencommand apply${nodeIp ? ` --node ${nodeIp}` : ''} | bash`;
  return {
    summary: `${def.id} patch (Talos ${formatTalosVersion(version)}) for ${targetText(targetName)}: ${file}; ${edit.message}`,
    nextSteps: [`review ${file}`, `regenerate the machine configs: ${generate}`, apply],
    warnings: edit.exact
      ? []
      : [
          `${th.file} had to be re-rendered to add the reference: check the diff for whitespace and comment changes`,
        ],
  };
}
