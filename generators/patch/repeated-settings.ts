/**
 * Refuses a patch that sets what a patch already reaching the same nodes sets: two `op: create` of
 * one machine.files path break containerd, a TimeSyncConfig next to machine.time is rejected, and
 * a second maxPods silently wins or loses. Sources are the patch files wired to overlapping scopes
 * (and, for talhelper, the talconfig keys it turns into config, such as machineFiles).
 */
import { isMap } from 'yaml';
import { HomeopsError } from '../../src/errors.ts';
import type { MiseRepo } from '../../src/talos/mise-repo.ts';
import { findClash, patchSettings, talconfigSettings } from '../../src/talos/patch-settings.ts';
import type { SettingSource } from '../../src/talos/patch-settings.ts';
import { refToPath } from '../../src/talos/patch-refs.ts';
import type { PatchTarget } from '../../src/talos/patch-refs.ts';
import type { TalhelperRepo } from '../../src/talos/talhelper-repo.ts';
import type { RepoTree } from '../../src/tree/repo-tree.ts';

/** The nodes a patch reaches: every node ({}), one role, or one node (of a role). */
export interface Reach {
  role?: 'controlPlane' | 'worker';
  node?: string;
}

const meets = (a: Reach, b: Reach): boolean =>
  (a.role === undefined || b.role === undefined || a.role === b.role) &&
  (a.node === undefined || b.node === undefined || a.node === b.node);

const roleOf = (controlPlane: boolean): Reach['role'] => (controlPlane ? 'controlPlane' : 'worker');

function fileSource(tree: RepoTree, file: string): SettingSource | undefined {
  const text = tree.read(file);
  return text === undefined ? undefined : { file, settings: patchSettings(text) };
}

/** Throws CONFLICT when `text` sets something a source reaching `reach` sets already. `file` (the new patch itself) is skipped. */
export function refuseRepeatedSettings(
  patchId: string,
  file: string,
  text: string,
  sources: { reach: Reach; source: SettingSource }[],
  reach: Reach,
): void {
  const reaching = sources
    .filter((s) => meets(s.reach, reach) && s.source.file !== file)
    .map((s) => s.source);
  const clash = findClash(patchSettings(text), reaching);
  if (!clash) return;
  const again = clash.existing.label === clash.added.label ? 'it' : clash.added.label;
  throw new HomeopsError(
    'CONFLICT',
    `${clash.file} already sets ${clash.existing.label}; the ${patchId} patch would set ${again} a second time for the same nodes`,
    {
      field: 'patch',
      file: clash.file,
      fix: `change the setting in ${clash.file} instead, or remove it there (or that file's reference) first and run again`,
    },
  );
}

/** Patch files and talconfig keys of a talhelper repo, by the nodes they reach. */
export function talhelperSources(
  tree: RepoTree,
  th: TalhelperRepo,
): { reach: Reach; source: SettingSource }[] {
  const out: { reach: Reach; source: SettingSource }[] = [];
  const refs = (list: readonly string[], reach: Reach): void => {
    for (const ref of list.filter((r) => r.startsWith('@'))) {
      const source = fileSource(tree, `${th.dir}/${refToPath(ref)}`);
      if (source) out.push({ reach, source });
    }
  };
  const keys = (map: unknown, where: string, reach: Reach): void => {
    const settings = talconfigSettings(map, where);
    if (settings.length > 0) out.push({ reach, source: { file: th.file, settings } });
  };
  refs(th.facts.patchRefs.global, {});
  refs(th.facts.patchRefs.controlPlane, { role: 'controlPlane' });
  refs(th.facts.patchRefs.worker, { role: 'worker' });
  keys(th.doc.contents, '', {});
  keys(th.doc.get('controlPlane', true), 'controlPlane', { role: 'controlPlane' });
  keys(th.doc.get('worker', true), 'worker', { role: 'worker' });
  for (const n of th.facts.nodes) {
    const reach = { role: roleOf(n.controlPlane), node: n.hostnameResolved };
    refs(n.patches, reach);
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
    ...(node && { role: roleOf(node.controlPlane) }),
    node: node?.hostnameResolved ?? target.hostname,
  };
}

const FLAG_REACH: Record<string, Reach> = {
  '--config-patch': {},
  '--config-patch-control-plane': { role: 'controlPlane' },
  '--config-patch-worker': { role: 'worker' },
};

/**
 * The shared patches of a talosctl + mise repo: those `talosctl gen config` takes (by flag), each
 * node's own patches, and any other file of the patches folder (for all nodes, to be safe).
 */
export function miseSources(
  tree: RepoTree,
  mise: MiseRepo,
): { reach: Reach; source: SettingSource }[] {
  const out: { reach: Reach; source: SettingSource }[] = [];
  const seen = new Set<string>();
  for (const m of mise.miseText.matchAll(/(--config-patch(?:-control-plane|-worker)?)\s+@(\S+)/g)) {
    const source = fileSource(tree, m[2]!);
    if (source) out.push({ reach: FLAG_REACH[m[1]!]!, source });
    seen.add(m[2]!);
  }
  const dir = mise.patchesDir;
  const files = tree.isDirectory(dir)
    ? tree.children(dir).filter((f) => /\.ya?ml$/.test(f) && tree.isFile(`${dir}/${f}`))
    : [];
  for (const f of files.filter((f) => !seen.has(`${dir}/${f}`))) {
    const owner = mise.nodes.find(
      (n) => f === `network-${n.name}.yaml` || f.endsWith(`-${n.name}.yaml`),
    );
    const source = fileSource(tree, `${dir}/${f}`);
    if (source)
      out.push({
        reach: owner
          ? {
              ...(owner.role && { role: owner.role === 'worker' ? 'worker' : 'controlPlane' }),
              node: owner.name,
            }
          : {},
        source,
      });
  }
  return out;
}
