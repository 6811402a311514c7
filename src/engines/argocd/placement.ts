import { HomeopsError } from '../../errors.ts';
import type { ArgoModel } from './argo-model.ts';
import { groupsOf, type AppSlot } from './app-slots.ts';

/** Where a new app goes: the folder an ApplicationSet will make an Application of. */
export interface ArgoPlacement {
  slot: AppSlot;
  dir: string;
  group: string | undefined;
}

const WILD = /[*?{[]/;

/** Every group the repo's app slots have, sorted. */
export function groupNames(slots: readonly AppSlot[]): string[] {
  return [...new Set(slots.flatMap(groupsOf))].sort();
}

/**
 * The folder for a new app: the slot of its group (the only one where there is one), its pattern
 * filled with the group, the namespace where a segment is the namespace, and the app's name.
 * Refused, naming what the repo has, when no ApplicationSet would pick the folder up.
 */
export function placeApp(
  model: ArgoModel,
  slots: readonly AppSlot[],
  name: string,
  namespace: string,
  group: string | undefined,
): ArgoPlacement {
  const groups = groupNames(slots);
  let candidates: AppSlot[];
  if (group !== undefined) {
    candidates = slots.filter((s) => groupsOf(s).includes(group));
    // a new group folder: where exactly one pattern has the group as a wildcard
    if (candidates.length === 0) candidates = slots.filter((s) => s.groupIndex !== undefined);
    if (candidates.length !== 1)
      throw new HomeopsError(
        'INVALID_INPUT',
        `no ApplicationSet of this repo picks up apps in a group "${group}"`,
        { field: 'group', fix: `pass --group=<one of: ${groups.join(', ')}>` },
      );
  } else {
    if (groups.length > 1)
      throw new HomeopsError('INVALID_INPUT', 'this repo keeps its apps in several groups', {
        field: 'group',
        fix: `pass --group=<one of: ${groups.join(', ')}>`,
      });
    candidates = slots.filter((s) => s.folders.length > 0);
    if (candidates.length === 0) candidates = [...slots];
  }
  const [slot] = candidates;
  if (!slot) throw new Error('placeApp needs at least one slot');
  const last = slot.segments.length - 1;
  const parts = slot.segments.map((segment, i) => {
    if (i === last) return name;
    if (!WILD.test(segment)) return segment;
    if (slot.namespaceFrom.kind === 'segment' && slot.namespaceFrom.index === i) return namespace;
    if (i === slot.groupIndex && group !== undefined) return group;
    // another free level (a tenant above the group): as the group's own folders have it
    const inGroup = slot.folders.filter(
      (f) =>
        group === undefined ||
        slot.groupIndex === undefined ||
        f.dir.split('/')[slot.groupIndex] === group,
    );
    const seen = [...new Set(inGroup.map((f) => f.dir.split('/')[i] ?? ''))];
    if (seen.length === 1 && seen[0]) return seen[0];
    const byGroup = i !== slot.groupIndex && group === undefined && groupsOf(slot).length > 0;
    throw new HomeopsError(
      'INVALID_INPUT',
      `the folder level "${segment}" of ${slot.pattern} (ApplicationSet ${slot.appSet.name}, ${slot.appSet.object.file}) has ${seen.length ? `several values (${seen.join(', ')})` : 'no folder yet'}${group !== undefined ? ` among the folders of group ${group}` : ''}`,
      {
        field: 'group',
        fix: byGroup
          ? `pass --group=<one of: ${groupsOf(slot).join(', ')}>: the group's folders tell this level`
          : i === slot.groupIndex
            ? `pass --group=<one of: ${seen.join(', ')}>`
            : `homeops fills this level only from the group's own folders: pass a --group whose folders share one value here, or add the app by hand beside ${inGroup[0]?.dir ?? slot.pattern}`,
      },
    );
  });
  const dir = parts.join('/');
  const excluded = model.excluderOf(dir);
  if (excluded)
    throw new HomeopsError(
      'INVALID_INPUT',
      `${dir} is excluded from ApplicationSet ${excluded.appSet.name} (${excluded.appSet.object.file}: exclude ${excluded.exclude}): nothing would deploy it`,
      {
        field: 'group',
        fix: `pass --group=<one of: ${groups.filter((g) => !model.excluderOf(dir.replace(`/${group}/`, `/${g}/`))).join(', ')}>`,
      },
    );
  if (!model.pickerOf(dir))
    throw new HomeopsError(
      'INVALID_INPUT',
      `no ApplicationSet of this repo would pick up ${dir} (${slot.pattern} in ${slot.appSet.object.file} does not match it)`,
      { field: 'name', fix: 'choose a name the pattern matches' },
    );
  return { slot, dir, group: group ?? groupsOf(slot)[0] };
}
