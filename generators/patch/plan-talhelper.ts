/**
 * A catalog patch in a talhelper repo: the file in the layout's patch folder for the target
 * (`patches/global|controller|worker|<node>/` or flat `patches/x.yaml`), referenced from
 * talconfig.yaml at the right scope. Only the new reference line is added to talconfig.yaml.
 */
import type { PlanResult } from '../../src/engine/generator.ts';
import {
  addPatchRef,
  parsePatchTarget,
  refToPath,
  suggestPatchRef,
} from '../../src/talos/patch-refs.ts';
import type { PatchTarget } from '../../src/talos/patch-refs.ts';
import type { TalconfigFacts } from '../../src/talos/talconfig-facts.ts';
import type { TalosContext } from '../../src/talos/talos-context.ts';
import type { TalosPatchDef } from '../../src/talos/patch-catalog.ts';
import { formatTalosVersion } from '../../src/talos/talos-version.ts';
import { createPatchFile, targetText } from './patch-file.ts';
import { refuseRepeatedSettings, talhelperReach, talhelperSources } from './repeated-settings.ts';

/** The ref of a new patch file: `<id>.yaml` in the target's folder, `<id>-<node>.yaml` in a shared one. */
function patchRef(facts: TalconfigFacts, target: PatchTarget, id: string): string {
  const ref = suggestPatchRef(facts, target, `${id}.yaml`);
  if (target.scope !== 'node' || refToPath(ref).split('/').slice(0, -1).includes(target.hostname))
    return ref;
  return suggestPatchRef(facts, target, `${id}-${target.hostname}.yaml`);
}

export function planTalhelperPatch(
  ctx: TalosContext,
  def: TalosPatchDef,
  values: Record<string, unknown>,
  targetName: string,
): PlanResult {
  const th = ctx.talhelper();
  const version = ctx.talosVersion();
  const text = def.render(values, version);
  const target = parsePatchTarget(targetName, th.facts);
  const ref = patchRef(th.facts, target, def.id);
  const file = `${th.dir}/${refToPath(ref)}`;
  refuseRepeatedSettings(
    def.id,
    file,
    text,
    talhelperSources(ctx.repo.tree, th),
    talhelperReach(target, th),
  );
  createPatchFile(ctx, file, text);
  const edit = addPatchRef(th.doc, target, ref, { source: th.text, vars: th.vars });
  if (edit.added) ctx.repo.tree.update(th.file, edit.text);

  const nodeIp =
    target.scope === 'node'
      ? th.facts.nodes.find(
          (n) => n.hostnameResolved === target.hostname || n.hostname === target.hostname,
        )?.ipAddress
      : undefined;
  const clustertool = ctx.repo.layout.id === 'clustertool';
  const generate = clustertool ? './clustertool genconfig' : `cd ${th.dir} && talhelper genconfig`;
  const apply = clustertool
    ? `apply the regenerated config to ${targetText(targetName)} (clusters/main/talos/generated/), e.g. talosctl apply-config --nodes <ip> --file <its generated file>`
    : `apply it to ${targetText(targetName)}: cd ${th.dir} && talhelper gencommand apply${nodeIp ? ` --node ${nodeIp}` : ''} | bash`;
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
