import { parse } from 'yaml';
import type { AppSpec } from '../../model/app-spec.ts';
import { dig } from '../../repo/graph/objects.ts';
import { addKey, setScalar } from '../../yaml/edit/edit-yaml.ts';
import type { AppExample } from './examples.ts';
import { QUANTITY, type StorageConvention } from './storage-convention.ts';

const SUBSTITUTE = ['spec', 'postBuild', 'substitute'];
type Substitute = Record<string, unknown>;

/**
 * The variables of a backup component that the inputs decide, in the learned entry's
 * `postBuild.substitute`:
 * - the other sizes the siblings keep equal to their claim's (`KOPIUR_CACHE_CAPACITY: 15Gi`
 *   beside `KOPIUR_CAPACITY: 15Gi`) follow the new app's size, not one sibling's;
 * - the storage class a user gives goes to the variable the component's claim reads
 *   (`KOPIUR_STORAGECLASS: ceph-block`), set or added.
 * Elsewhere the entry is unchanged.
 */
export function withComponentVariables(
  entry: string,
  file: string,
  mode: StorageConvention,
  storage: AppSpec['storage'],
  examples: readonly AppExample[],
): string {
  if (!storage || mode.kind !== 'component') return entry;
  const substitute = dig(parse(entry), ...SUBSTITUTE) as Substitute | undefined;
  let out = entry;
  const capacityVar = mode.capacityVar;
  if (substitute && capacityVar) {
    const siblings = examples.flatMap((e) => {
      const sub = dig(e.app.ks.object.data, ...SUBSTITUTE) as Substitute | undefined;
      return sub && QUANTITY.test(String(sub[capacityVar] ?? '')) ? [sub] : [];
    });
    for (const [key, value] of Object.entries(substitute)) {
      if (key === capacityVar || !QUANTITY.test(String(value)) || value === storage.size) continue;
      const having = siblings.filter((sub) => key in sub);
      const equal = having.filter((sub) => sub[key] === sub[capacityVar]).length;
      if (having.length > 0 && equal * 2 > having.length)
        out = setScalar(out, file, [...SUBSTITUTE, key], storage.size).text;
    }
  }
  const { storageClass } = storage;
  const classVar = mode.classVar;
  if (!storageClass || !classVar) return out;
  if (substitute && classVar in substitute)
    return substitute[classVar] === storageClass
      ? out
      : setScalar(out, file, [...SUBSTITUTE, classVar], storageClass).text;
  return addKey(out, file, SUBSTITUTE, classVar, storageClass).text;
}
