import { posix } from 'node:path';
import type { Problem } from '../../inputs/input-spec.ts';
import { majorityOf } from '../../learn/majority.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { groupOfFolder, type AppSlot } from './app-slots.ts';
import { configNamespace, type ArgoExample } from './examples.ts';

// The namespace a new Argo CD app gets, as the repo decides it: its ApplicationSet's template
// (a folder segment, the app's name, a config key, a fixed one), the folders' own kustomizations,
// or, in an app of apps, the Applications' habit.

/** The namespace an app of this slot must have, when the ApplicationSet decides it. */
export function namespaceProblem(
  ctx: ArgoAppContext,
  slot: AppSlot,
  group: string | undefined,
  name: string,
  namespace: string,
): Problem | undefined {
  const from = slot.namespaceFrom;
  const set = `ApplicationSet ${slot.appSet.name} (${slot.appSet.object.file})`;
  if (from.kind === 'app' && namespace !== name)
    return {
      message: `${set} deploys each app to the namespace named after its folder (${slot.appSet.namespaceTemplate})`,
      fix: `leave --namespace out, or pass --namespace=${name}`,
    };
  if (from.kind === 'fixed' && namespace !== from.value && !ownNamespaces(ctx, group))
    return {
      message: `${set} deploys every app to namespace ${from.value}`,
      fix: `leave --namespace out, or pass --namespace=${from.value}`,
    };
  return undefined;
}

/** The namespace an app of this name gets where the ApplicationSets (of its group) decide it. */
export function defaultNamespace(
  ctx: ArgoAppContext,
  name: string,
  group: string | undefined,
): string | undefined {
  if (ctx.mode === 'app-of-apps') {
    const entries = ctx.entries();
    return entries.length > 0 && entries.every((e) => e.app.namespace === e.app.name)
      ? name
      : undefined;
  }
  const slot = ctx.slotOf(group);
  const froms = (slot ? [slot] : ctx.slots).map((s) => s.namespaceFrom);
  const [first] = froms;
  if (froms.every((f) => f.kind === 'app')) return name;
  if (froms.every((f) => f.kind === 'config')) return namespaceFromConfigs(ctx, name, group);
  if (first?.kind === 'fixed' && froms.every((f) => f.kind === 'fixed' && f.value === first.value))
    // the folders' kustomizations may set their own (`namespace: <app>`), as the siblings' do
    return { app: name, group, none: first.value }[ownNamespaces(ctx, group) ?? 'none'];
  return undefined;
}

/**
 * The namespace the group's app folders set for themselves over the one their ApplicationSet
 * gives, where most set one: each the app's name (`app`) or the group's (`group`).
 */
function ownNamespaces(
  ctx: ArgoAppContext,
  group: string | undefined,
): 'app' | 'group' | undefined {
  const all = ctx.examples(group);
  const local = all.filter((e) => e.local);
  const pool = local.length ? local : all;
  const relations = pool.map((e) => {
    const ns = folderNamespace(e);
    if (ns === posix.basename(e.dir)) return 'app';
    return e.slot !== undefined && ns === groupOfFolder(e.slot, e.dir) ? 'group' : 'other';
  });
  const relation = majorityOf(relations, (r) => r, true);
  return relation === 'other' ? undefined : relation;
}

/**
 * The namespace a config file would give a new app, as most siblings' configs relate theirs to
 * their folders (the group's first): the group's name, the app's, or the one most of them name.
 */
function namespaceFromConfigs(
  ctx: ArgoAppContext,
  name: string,
  group: string | undefined,
): string | undefined {
  const all = ctx.examples(group);
  const local = all.filter((e) => e.local);
  const relations = (local.length ? local : all).map((e) => {
    const own = e.slot && groupOfFolder(e.slot, e.dir);
    if (e.vocab.ns === posix.basename(e.dir)) return 'app';
    return own !== undefined && e.vocab.ns === own ? 'group' : `ns:${e.vocab.ns ?? ''}`;
  });
  const relation = majorityOf(relations, (r) => r);
  if (relation === 'app') return name;
  if (relation === 'group') return group;
  return relation?.startsWith('ns:') ? relation.slice(3) || undefined : undefined;
}

/** The namespaces the slots' apps are in, where a folder segment or a config key is the namespace. */
export function namespaces(ctx: ArgoAppContext): string[] {
  const out = new Set<string>();
  for (const slot of ctx.slots) {
    const from = slot.namespaceFrom;
    if (from.kind === 'config')
      for (const f of slot.folders) out.add(configNamespace(ctx.model, slot, f.dir) ?? '');
    if (from.kind !== 'segment') continue;
    for (const f of slot.folders) out.add(f.dir.split('/')[from.index] ?? '');
  }
  return [...out].filter(Boolean).sort();
}

/**
 * The namespace an app folder puts its objects in, whatever its ApplicationSet says: its
 * kustomization's `namespace:`, else the Namespace it holds, else the one most of its objects name.
 */
function folderNamespace(e: ArgoExample): string | undefined {
  const kustomization = e.docs.find((d) => d.role === 'kustomization')?.object?.data;
  const set = kustomization?.['namespace'];
  if (typeof set === 'string') return set;
  const namespace = e.docs.find((d) => d.object?.kind === 'Namespace')?.object?.name;
  if (namespace) return namespace;
  return majorityOf(
    e.docs.flatMap((d) => d.object?.namespace ?? []),
    (n) => n,
    true,
  );
}
