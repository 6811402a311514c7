/**
 * Refuses a patch that sets what a patch already reaching the same nodes sets: two `op: create` of
 * one machine.files path break containerd, a TimeSyncConfig next to machine.time is rejected, and
 * a second maxPods silently wins or loses. Sources are the patch files wired to overlapping scopes
 * (and, for talhelper, the talconfig keys it turns into config, such as machineFiles).
 */
import { HomeopsError } from '../errors.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { findClash, patchSettings } from './patch-settings.ts';
import type { SettingSource } from './patch-settings.ts';

/** The nodes a patch reaches: every node ({}), one role, or one node (of a role). */
export interface Reach {
  role?: 'controlPlane' | 'worker';
  node?: string;
}

const meets = (a: Reach, b: Reach): boolean =>
  (a.role === undefined || b.role === undefined || a.role === b.role) &&
  (a.node === undefined || b.node === undefined || a.node === b.node);

export const roleReach = (controlPlane: boolean): Reach['role'] =>
  controlPlane ? 'controlPlane' : 'worker';

/** A patch file's settings (template syntax masked), or undefined when there is no such file. */
export function fileSource(tree: RepoTree, file: string): SettingSource | undefined {
  const text = tree.read(file);
  return text === undefined ? undefined : { file, settings: patchSettings(text) };
}

/** A patch source with the nodes it reaches. */
export interface ReachingSource {
  reach: Reach;
  source: SettingSource;
}

/** Throws CONFLICT when `text` sets something a source reaching `reach` sets already. `file` (the new patch itself) is skipped. */
export function refuseRepeatedSettings(
  patchId: string,
  file: string,
  text: string,
  sources: readonly ReachingSource[],
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
    `${clash.label} already sets ${clash.existing.label}; the ${patchId} patch would set ${again} a second time for the same nodes`,
    {
      field: 'patch',
      file: clash.file,
      fix: `change the setting in ${clash.label} instead, or remove it there (or that file's reference) first and run again`,
    },
  );
}
