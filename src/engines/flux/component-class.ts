import type { AppSpec } from '../../model/app-spec.ts';
import { addKey, setScalar } from '../../yaml/edit/edit-yaml.ts';
import { parse } from 'yaml';
import type { StorageConvention } from './folder-conventions.ts';

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
