import { posix } from 'node:path';
import { majorityOf } from '../../learn/majority.ts';
import { abstractText } from '../../learn/vocabulary.ts';
import { dig } from '../../repo/graph/objects.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { AppExample } from './examples.ts';

// Where a new Flux app keeps its data, as the siblings with data do: a backup component's claim
// (its variables read from the component's own files), a claim file, or chart persistence.

export type StorageConvention =
  | { kind: 'values' }
  /** A PersistentVolumeClaim file of the app's own, named as the siblings name theirs. */
  | { kind: 'file'; claimName: string }
  /** A backup component provides the claim: its path, the size variable, the claim name. */
  | {
      kind: 'component';
      components: string[];
      capacityVar: string | undefined;
      /** The size the component gives where the variable is not set (`${VOLSYNC_CAPACITY:=5Gi}`). */
      capacityDefault?: string;
      /** The variable the component's claim takes its class from (`${KOPIUR_STORAGECLASS:=ceph}`). */
      classVar?: string;
      claimName: string;
    };

/** A storage size as substitute values write it (`5Gi`). */
export const QUANTITY = /^\d+(\.\d+)?[KMGTPE]i?$/;

/** The variable an entry substitutes with a size (`VOLSYNC_CAPACITY: 5Gi`), if any: its app has a volume. */
export function sizeVariableOf(entry: unknown): string | undefined {
  const substitute = (dig(entry, 'spec', 'postBuild', 'substitute') ?? {}) as Record<
    string,
    unknown
  >;
  return Object.keys(substitute).find((k) => QUANTITY.test(String(substitute[k])));
}

/** How the siblings with data keep it. */
export function storageOf(
  examples: readonly AppExample[],
  tree: RepoTree | undefined,
): StorageConvention {
  const stored = examples.filter((e) => e.features.storage);
  const plain = examples.filter((e) => !e.features.storage);
  if (stored.length === 0) return { kind: 'values' };
  const componentsOf = (e: AppExample) =>
    ((dig(e.app.ks.object.data, 'spec', 'components') ?? []) as unknown[]).filter(
      (c): c is string => typeof c === 'string',
    );
  // components most stored apps carry and most others do not: the backup component
  const backup = [...new Set(stored.flatMap(componentsOf))].filter(
    (c) =>
      stored.filter((e) => componentsOf(e).includes(c)).length * 2 > stored.length &&
      plain.filter((e) => componentsOf(e).includes(c)).length * 2 <= plain.length,
  );
  if (backup.length > 0) {
    const capacity = majorityOf(stored, (e) => sizeVariableOf(e.app.ks.object.data) ?? '');
    const claim = majorityOf(stored, (e) => {
      const persistence = (dig(e.helmRelease?.data, 'spec', 'values', 'persistence') ??
        {}) as Record<string, unknown>;
      const existing = Object.values(persistence)
        .map((p) => dig(p, 'existingClaim'))
        .find((c) => typeof c === 'string');
      return typeof existing === 'string' ? abstractText(existing, e.vocab) : '⟪app⟫';
    });
    // siblings that keep the component's default size set no variable: the component names it
    const own = capacity ? undefined : componentCapacity(tree, stored, backup);
    const classVar = componentVariable(tree, stored, backup, CLASS_VARIABLE)?.name;
    return {
      kind: 'component',
      components: backup,
      capacityVar: capacity || own?.name,
      ...(own ? { capacityDefault: own.default } : {}),
      ...(classVar ? { classVar } : {}),
      claimName: claim ?? '⟪app⟫',
    };
  }
  const claims = stored.flatMap((e) =>
    e.docs
      .filter((d) => d.role === 'claim' && d.object?.name)
      .map((d) => abstractText(d.object?.name ?? '', e.vocab)),
  );
  return claims.length * 2 > stored.length
    ? { kind: 'file', claimName: majorityOf(claims, (c) => c) ?? '⟪app⟫' }
    : { kind: 'values' };
}

/**
 * The size variable a backup component's claim reads (`storage: ${KOPIUR_CAPACITY:=5Gi}`) and its
 * default, from the component's own files. Flux resolves a Kustomization's components from its
 * `spec.path`.
 */
function componentCapacity(
  tree: RepoTree | undefined,
  stored: readonly AppExample[],
  components: readonly string[],
): { name: string; default: string } | undefined {
  const found = componentVariable(tree, stored, components, CAPACITY_VARIABLE);
  return found?.default ? { name: found.name, default: found.default } : undefined;
}

const CAPACITY_VARIABLE = /\bstorage:\s*["']?\$\{([A-Z][A-Z0-9_]*):=(\d+(?:\.\d+)?[KMGTPE]i?)\}/;
const CLAIM_KIND = /^kind:\s*["']?PersistentVolumeClaim["']?\s*$/m;
const CLASS_VARIABLE = /\bstorageClassName:\s*["']?\$\{([A-Z][A-Z0-9_]*)(?::=([^}"'\s]*))?\}/;

/** A variable a backup component's files read where `pattern` finds it: its name and default. */
function componentVariable(
  tree: RepoTree | undefined,
  stored: readonly AppExample[],
  components: readonly string[],
  pattern: RegExp,
): { name: string; default: string | undefined } | undefined {
  const base = stored.find((e) => e.app.ks.path !== undefined)?.app.ks.path;
  if (!tree || base === undefined) return undefined;
  for (const component of components) {
    const dir = posix.normalize(posix.join(base, component));
    // the claim's own file first: a cache volume elsewhere in the component has a class of its own
    const texts = tree.children(dir).map((name) => tree.read(posix.join(dir, name)) ?? '');
    const claimFirst = [...texts].sort(
      (a, b) => Number(CLAIM_KIND.test(b)) - Number(CLAIM_KIND.test(a)),
    );
    for (const text of claimFirst) {
      const found = pattern.exec(text);
      if (found?.[1]) return { name: found[1], default: found[2] };
    }
  }
  return undefined;
}
