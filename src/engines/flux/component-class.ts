import type { AppSpec } from '../../model/app-spec.ts';
import { addKey, setScalar } from '../../yaml/edit/edit-yaml.ts';
import { parse } from 'yaml';
import type { StorageConvention } from './folder-conventions.ts';
import type { AppExample } from './examples.ts';
import { dig } from '../../repo/graph/objects.ts';

/**
 * The storage class a user gives, where the claim comes from a backup component: the variable
 * the component reads it from (`KOPIUR_STORAGECLASS: ceph-block` in the entry's
 * `postBuild.substitute`), set or added in the learned entry. Elsewhere the entry is unchanged.
 */
export function withComponentClass(
  entry: string,
  file: string,
  mode: StorageConvention,
  storage: AppSpec['storage'],
): string {
  const storageClass = storage?.storageClass;
  if (!storageClass || mode.kind !== 'component' || !mode.classVar) return entry;
  const path = ['spec', 'postBuild', 'substitute'];
  const data = parse(entry) as { spec?: { postBuild?: { substitute?: Record<string, unknown> } } };
  const substitute = data.spec?.postBuild?.substitute;
  if (substitute && mode.classVar in substitute)
    return substitute[mode.classVar] === storageClass
      ? entry
      : setScalar(entry, file, [...path, mode.classVar], storageClass).text;
  return addKey(entry, file, path, mode.classVar, storageClass).text;
}

const QUANTITY = /^\d+(\.\d+)?[KMGTPE]i?$/;

/**
 * The other sizes of a backup component that the siblings keep equal to their claim's
 * (`KOPIUR_CACHE_CAPACITY: 15Gi` beside `KOPIUR_CAPACITY: 15Gi`): the new app's follow its size,
 * not one sibling's.
 */
export function withComponentSizes(
  entry: string,
  file: string,
  mode: StorageConvention,
  storage: AppSpec['storage'],
  examples: readonly AppExample[],
): string {
  if (!storage || mode.kind !== 'component' || !mode.capacityVar) return entry;
  const capacityVar = mode.capacityVar;
  const path = ['spec', 'postBuild', 'substitute'];
  const substitute = dig(parse(entry), ...path) as Record<string, unknown> | undefined;
  if (!substitute) return entry;
  const siblings = examples.flatMap((e) => {
    const sub = dig(e.app.ks.object.data, ...path) as Record<string, unknown> | undefined;
    return sub && QUANTITY.test(String(sub[capacityVar] ?? '')) ? [sub] : [];
  });
  let out = entry;
  for (const [key, value] of Object.entries(substitute)) {
    if (key === capacityVar || !QUANTITY.test(String(value)) || value === storage.size) continue;
    const having = siblings.filter((sub) => key in sub);
    const equal = having.filter((sub) => sub[key] === sub[capacityVar]).length;
    if (having.length > 0 && equal * 2 > having.length)
      out = setScalar(out, file, [...path, key], storage.size).text;
  }
  return out;
}
