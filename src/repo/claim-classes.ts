import type { RoleDoc } from './graph/app-files.ts';
import { dig, str } from './graph/objects.ts';

/**
 * The storage classes an app's claims were provisioned from. A claim bound to a volume of its own
 * (a static NFS PersistentVolume beside it, or `volumeName`) is left out: its class provisions
 * nothing for a new app.
 */
export function provisionedClaimClasses(docs: readonly RoleDoc[]): string[] {
  const staticClasses = new Set(
    docs
      .filter((d) => d.object?.kind === 'PersistentVolume')
      .map((d) => str(dig(d.object?.data, 'spec', 'storageClassName'))),
  );
  return docs.flatMap((d) => {
    if (d.role !== 'claim' || dig(d.object?.data, 'spec', 'volumeName') !== undefined) return [];
    const name = str(dig(d.object?.data, 'spec', 'storageClassName'));
    return name && !staticClasses.has(name) ? [name] : [];
  });
}
