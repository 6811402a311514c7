import { posix } from 'node:path';
import type { ArgoAppSet } from './argo-objects.ts';
import type { ArgoModel, ConfigFile, PickedFolder } from './argo-model.ts';

/** Where an ApplicationSet's Application takes its namespace from. */
export type NamespaceFrom =
  | { kind: 'app' } // `{{ .path.basename }}`: the folder's own name
  | { kind: 'segment'; index: number } // `{{ index .path.segments 2 }}`
  | { kind: 'fixed'; value: string } // a literal namespace
  | { kind: 'config'; key: string } // `{{ .namespace }}`: a key of a files generator's config
  | { kind: 'unknown'; text: string };

/**
 * One folder pattern of an ApplicationSet's git generator, read as a place for apps:
 * which segment is the app, which (if any) the namespace, which the group (the folder level
 * between the root and the app).
 */
export interface AppSlot {
  appSet: ArgoAppSet;
  pattern: string;
  segments: string[];
  namespaceFrom: NamespaceFrom;
  /** The wildcard segment that is the group, if the pattern has one. */
  groupIndex: number | undefined;
  /** The group of a pattern without one: its parent folder's name (`k8s/apps/*` -> apps). */
  fixedGroup: string | undefined;
  /** The folders of the repo it picks up. */
  folders: PickedFolder[];
  /** A files generator's config file, which each app folder has. */
  config: ConfigFile | undefined;
}

const WILD = /[*?{[]/;

export function namespaceFrom(template: string | undefined, config?: ConfigFile): NamespaceFrom {
  if (template === undefined) return { kind: 'unknown', text: '(none)' };
  // a files generator's parameters are its config's keys (`{{ .namespace }}`, `{{namespace}}`)
  const key = config && /^\{\{\s*\.?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/.exec(template)?.[1];
  if (key) return { kind: 'config', key };
  if (!template.includes('{{') && !template.includes('$'))
    return { kind: 'fixed', value: template };
  if (/^\{\{\s*\.?path\.basename(Normalized)?\s*\}\}$/.test(template)) return { kind: 'app' };
  const seg =
    /^\{\{\s*index\s+\.path\.segments\s+(\d+)\s*\}\}$/.exec(template) ??
    /^\{\{\s*path\[(\d+)\]\s*\}\}$/.exec(template);
  if (seg) return { kind: 'segment', index: Number(seg[1]) };
  return { kind: 'unknown', text: template };
}

/** The app places of a repo: one per folder pattern whose last segment is the app. */
export function appSlots(model: ArgoModel): AppSlot[] {
  const picked = model.pickedFolders();
  // folders of Argo CD objects (an ApplicationSet per category) are not apps, whoever picks them
  const argoDirs = new Set(
    [...model.appSets, ...model.applications].map((o) => posix.dirname(o.object.file)),
  );
  const out: AppSlot[] = [];
  for (const { appSet, pattern, config } of model.folderPatterns()) {
    const segments = pattern.split('/');
    if (!WILD.test(segments.at(-1) ?? '') || pattern.includes('**')) continue;
    const folders = picked.filter((p) => p.appSet === appSet && p.pattern === pattern);
    if (folders.length > 0 && folders.every((f) => argoDirs.has(f.dir))) continue;
    const ns = namespaceFrom(appSet.namespaceTemplate, config);
    const last = segments.length - 1;
    const wild = segments
      .map((s, i) => (i < last && WILD.test(s) ? i : -1))
      .filter((i) => i >= 0 && !(ns.kind === 'segment' && ns.index === i));
    const groupIndex = wild.at(-1);
    const parent = segments[last - 1];
    const parentIsNs = ns.kind === 'segment' && ns.index === last - 1;
    out.push({
      appSet,
      pattern,
      segments,
      namespaceFrom: ns,
      groupIndex,
      fixedGroup:
        groupIndex === undefined && parent && !parentIsNs && !WILD.test(parent)
          ? parent
          : undefined,
      folders,
      config,
    });
  }
  return out;
}

/** The groups a slot's apps are in (the folders at its group segment), or its fixed group. */
export function groupsOf(slot: AppSlot): string[] {
  if (slot.groupIndex === undefined) return slot.fixedGroup ? [slot.fixedGroup] : [];
  const i = slot.groupIndex;
  return [...new Set(slot.folders.map((f) => f.dir.split('/')[i] ?? ''))].filter(Boolean).sort();
}

/** The group of an app folder of a slot. */
export function groupOfFolder(slot: AppSlot, dir: string): string | undefined {
  return slot.groupIndex === undefined ? slot.fixedGroup : dir.split('/')[slot.groupIndex];
}

/** The namespace an ApplicationSet deploys a folder of the slot to, where the template tells. */
export function namespaceOfFolder(slot: AppSlot, dir: string): string | undefined {
  const ns = slot.namespaceFrom;
  const parts = dir.split('/');
  if (ns.kind === 'app') return parts.at(-1);
  if (ns.kind === 'segment') return parts[ns.index];
  if (ns.kind === 'fixed') return ns.value;
  return undefined;
}

/**
 * The name of the Application an ApplicationSet makes of a folder, from its template's
 * `metadata.name` (`my-apps-{{path.basename}}`, `{{ index .path.segments 1 }}-{{ .path.basename }}`);
 * undefined where the name takes something else (a files generator's key).
 */
export function applicationName(template: string | undefined, dir: string): string | undefined {
  if (template === undefined) return undefined;
  const parts = dir.split('/');
  const base = parts.at(-1) ?? '';
  const filled = template.replace(/\{\{-?\s*([^}]*?)\s*-?\}\}/g, (all, expr: string) => {
    const e = expr.replace(/^\./, '');
    if (e === 'path.basename') return base;
    if (e === 'path.basenameNormalized') return base.toLowerCase().replace(/[^a-z0-9-]/g, '-');
    if (e === 'path' || e === 'path.path') return dir;
    const seg = /^index \.?path\.segments (\d+)$/.exec(e) ?? /^path\[(\d+)\]$/.exec(e);
    const part = seg ? parts[Number(seg[1])] : undefined;
    return part ?? all;
  });
  return filled.includes('{{') ? undefined : filled;
}
