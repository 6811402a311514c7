import type { Example } from '../../learn/merge.ts';
import { orderKeys } from '../../learn/key-order.ts';
import type { FileRole } from '../../repo/graph/app-files.ts';
import { shapeOf, type AppExample } from './examples.ts';
import type { FluxAppContext } from './flux-app-context.ts';

/** The siblings' documents of a role, as examples for the merge. */
export function examplesOf(
  ctx: FluxAppContext,
  examples: readonly AppExample[],
  role: FileRole,
): Example[] {
  return examples.flatMap((e) => {
    const doc = e.docs.find((d) => d.role === role);
    const shape = doc && shapeOf(ctx.model, e, doc);
    return shape ? [{ shape, features: e.features, local: e.local }] : [];
  });
}

/**
 * The documents of a file that holds several (a flat repo's `<app>.yaml`), in the order the
 * siblings' files that hold several keep theirs.
 */
export function docOrder<T extends { role: FileRole }>(
  parts: readonly T[],
  examples: readonly AppExample[],
): T[] {
  if (parts.length < 2) return [...parts];
  const orders = examples.flatMap((e) => {
    const byFile = new Map<string, FileRole[]>();
    for (const d of e.docs) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d.role]);
    return [...byFile.values()].filter((roles) => roles.length > 1);
  });
  const roles = parts.map((p) => p.role);
  return orderKeys(roles, roles, orders, false).flatMap((role) =>
    parts.filter((p) => p.role === role),
  );
}
