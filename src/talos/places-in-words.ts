import type { ElsewherePlace } from './find-talos.ts';

/** What `homeops node` and `patch` edit, in words. */
export const EDITED_SHAPES =
  'talconfig.yaml (talhelper), topf.yaml (topf), per-node templates (nodes/<node>.yaml.j2) and network-<node>.yaml patches applied by mise tasks';

/** Places homeops does not edit, each kind once: `plain talosctl ... (a, b)`. */
export function placesInWords(
  places: readonly ElsewherePlace[],
  form: (what: string, where: string) => string,
): string {
  const byWhat = new Map<string, string[]>();
  for (const p of places) byWhat.set(p.what, [...(byWhat.get(p.what) ?? []), p.where]);
  return [...byWhat].map(([what, wheres]) => form(what, wheres.join(', '))).join('; ');
}
