/**
 * The settings a talhelper repo makes already, by the nodes they reach: patch files referenced
 * from talconfig.yaml (`@./patches/...`), inline patches, and the talconfig keys talhelper turns
 * into config (machineFiles, kernelModules, cniConfig...).
 */
import { posix } from 'node:path';
import { isMap } from 'yaml';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { patchSettings, talconfigSettings } from '../patch-settings.ts';
import { refToPath } from '../patch-refs.ts';
import type { PatchTarget } from '../patch-refs.ts';
import { fileSource, roleReach } from '../repeated-settings.ts';
import type { Reach, ReachingSource } from '../repeated-settings.ts';
import type { TalhelperRepo } from './talhelper-repo.ts';

/** Patch files and talconfig keys of a talhelper repo, by the nodes they reach. */
export function talhelperSources(tree: RepoTree, th: TalhelperRepo): ReachingSource[] {
  const out: ReachingSource[] = [];
  const refs = (list: readonly string[], reach: Reach, where: string): void => {
    for (const ref of list) {
      // `@./patches/x.yaml` is a file; anything else is an inline patch (`- |-` block)
      const source = ref.startsWith('@')
        ? fileSource(tree, posix.join(th.dir, refToPath(ref)))
        : {
            file: th.file,
            label: `the inline patch of ${where} in ${th.file}`,
            settings: patchSettings(ref),
          };
      if (source && source.settings.length > 0) out.push({ reach, source });
    }
  };
  const keys = (map: unknown, where: string, reach: Reach): void => {
    const settings = talconfigSettings(map, where);
    if (settings.length > 0) out.push({ reach, source: { file: th.file, settings } });
  };
  refs(th.facts.patchRefs.global, {}, 'patches');
  refs(th.facts.patchRefs.controlPlane, { role: 'controlPlane' }, 'controlPlane.patches');
  refs(th.facts.patchRefs.worker, { role: 'worker' }, 'worker.patches');
  keys(th.doc.contents, '', {});
  keys(th.doc.get('controlPlane', true), 'controlPlane', { role: 'controlPlane' });
  keys(th.doc.get('worker', true), 'worker', { role: 'worker' });
  for (const n of th.facts.nodes) {
    const reach = { role: roleReach(n.controlPlane), node: n.hostnameResolved };
    refs(n.patches, reach, `nodes[${n.hostnameResolved}].patches`);
    const entry = th.doc.getIn(['nodes', n.index], true);
    if (isMap(entry)) keys(entry, `nodes[${n.hostnameResolved}]`, reach);
  }
  return out;
}

export function talhelperReach(target: PatchTarget, th: TalhelperRepo): Reach {
  if (target.scope === 'global') return {};
  if (target.scope !== 'node') return { role: target.scope };
  const node = th.facts.nodes.find(
    (n) => n.hostname === target.hostname || n.hostnameResolved === target.hostname,
  );
  return {
    ...(node && { role: roleReach(node.controlPlane) }),
    node: node?.hostnameResolved ?? target.hostname,
  };
}
