/**
 * A catalog patch in a talhelper repo: the file in the layout's patch folder for the target
 * (`patches/global|controller|worker|<node>/` or flat `patches/x.yaml`), referenced from
 * talconfig.yaml at the right scope. Only the new reference line is added to talconfig.yaml.
 */
import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { PatchRequest } from '../backend.ts';
import { inMarkerStyle, usesDocumentMarkers } from '../document-markers.ts';
import { alreadyThere, placePatch, targetText } from '../patch-file.ts';
import { patchFileName } from '../patch-file-name.ts';
import { addPatchRef, refToPath, suggestPatchRef } from '../patch-refs.ts';
import type { PatchTarget } from '../patch-refs.ts';
import { refuseRepeatedSettings } from '../repeated-settings.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import type { TalosVersion } from '../talos-version.ts';
import { formatTalosVersion } from '../talos-version.ts';
import { referencedPatchTexts } from './patch-texts.ts';
import { talhelperReach, talhelperSources } from './talhelper-sources.ts';
import type { TalhelperRepo } from './talhelper-repo.ts';

/** The folders (relative to talconfig.yaml) the repo's patch refs are in. */
function refFolders(facts: TalconfigFacts): string[] {
  const refs = [
    ...facts.patchRefs.global,
    ...facts.patchRefs.controlPlane,
    ...facts.patchRefs.worker,
    ...facts.nodes.flatMap((n) => n.patches),
  ].filter((r) => r.startsWith('@'));
  return [...new Set(refs.map((r) => posix.dirname(refToPath(r))))];
}

/**
 * The ref of the patch file: in the target's folder, named as the repo names its patches
 * (`<id>.yaml`, `machine-<area>.yaml`, `NN-<id>.yaml`); `<id>-<node>.yaml` in a folder shared by
 * every scope.
 */
function patchRef(
  tree: RepoTree,
  th: TalhelperRepo,
  target: PatchTarget,
  id: string,
  text: string,
): string {
  const ref = suggestPatchRef(th.facts, target, `${id}.yaml`);
  const folder = posix.dirname(refToPath(ref));
  const own = target.scope !== 'node' || folder.split('/').includes(target.hostname);
  if (!own) return suggestPatchRef(th.facts, target, `${id}-${target.hostname}.yaml`);
  if (!ref.endsWith(`/${id}.yaml`)) return ref; // a scope suffix in a shared folder: -controlplane
  const others = refFolders(th.facts)
    .filter((f) => f !== folder)
    .map((f) => posix.join(th.dir, f));
  const path = patchFileName(tree, posix.join(th.dir, folder), others, id, text);
  return `@./${posix.join(folder, posix.basename(path))}`;
}

export function planTalhelperPatch(
  tree: RepoTree,
  th: TalhelperRepo,
  version: TalosVersion,
  { def, values, target, targetName }: PatchRequest,
): PlanResult {
  // a leading `---` where the repo's own patch files (most of them) have one
  const markers = usesDocumentMarkers(referencedPatchTexts(tree, th));
  const text = inMarkerStyle(def.render(values, version), markers);
  const ref = patchRef(tree, th, target, def.id, text);
  const file = posix.join(th.dir, refToPath(ref));
  const placed = placePatch(tree, file, text, (skip) =>
    refuseRepeatedSettings(
      def.id,
      skip,
      text,
      talhelperSources(tree, th),
      talhelperReach(target, th),
    ),
  );
  if (placed === 'present') return alreadyThere(def.id, file, targetName);
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
    summary: `${def.id} patch (Talos ${formatTalosVersion(version)}) for ${targetText(targetName)}: ${placed === 'merged' ? `added to ${file}` : file}; ${edit.message}`,
    nextSteps: [`review ${file}`, `regenerate the machine configs: ${generate}`, apply],
    warnings: edit.exact
      ? []
      : [
          `${th.file} had to be re-rendered to add the reference: check the diff for whitespace and comment changes`,
        ],
  };
}
