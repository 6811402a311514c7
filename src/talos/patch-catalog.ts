/** The catalog of Talos machine-config patches home labs use, by id. */
import { HomeopsError } from '../errors.ts';
import { cilium, scheduleOnControlPlanes } from './patches/cluster.ts';
import { custom } from './patches/custom.ts';
import type { TalosPatchDef } from './patches/define.ts';
import { intelGpu, nvidia } from './patches/gpu.ts';
import {
  hostDns,
  installDisk,
  kernelModules,
  kubePrism,
  maxPods,
  sysctls,
} from './patches/machine.ts';
import { registryMirror } from './patches/registry-mirror.ts';
import { timeServers } from './patches/time-servers.ts';
import type { TalosVersion } from './talos-version.ts';

export type {
  PatchInput,
  PatchInputType,
  PatchValue,
  PatchValues,
  TalosPatchDef,
} from './patches/define.ts';
export { allowedFix, normalizePatchValues } from './patches/define.ts';

export const PATCH_CATALOG: readonly TalosPatchDef[] = [
  cilium,
  maxPods,
  sysctls,
  kernelModules,
  scheduleOnControlPlanes,
  registryMirror,
  timeServers,
  nvidia,
  intelGpu,
  hostDns,
  kubePrism,
  installDisk,
  custom,
];

export function getPatch(id: string): TalosPatchDef {
  const def = PATCH_CATALOG.find((p) => p.id === id);
  if (!def) {
    throw new HomeopsError('INVALID_INPUT', `"${id}" is not a known patch`, {
      field: 'patch',
      fix: `use one of: ${PATCH_CATALOG.map((p) => p.id).join(', ')}`,
    });
  }
  return def;
}

/** Renders catalog patch `id` with raw values for a Talos version. */
export const renderPatch = (
  id: string,
  values: Readonly<Record<string, unknown>>,
  talosVersion: TalosVersion,
): string => getPatch(id).render(values, talosVersion);
