/** Talos versions: `v1.11.3` -> {major, minor, patch}, and the comparisons patches need. */

export interface TalosVersion {
  major: number;
  minor: number;
  patch?: number;
}

/** `v1.11.3`, `1.12`, `v1.13.0-beta.1` -> version; undefined otherwise. */
export function parseTalosVersion(text: string): TalosVersion | undefined {
  const m = /^v?(\d+)\.(\d+)(?:\.(\d+))?(?:[-+][0-9A-Za-z.-]+)?$/.exec(text.trim());
  if (!m) return undefined;
  const v: TalosVersion = { major: Number(m[1]), minor: Number(m[2]) };
  if (m[3] !== undefined) v.patch = Number(m[3]);
  return v;
}

/** a >= major.minor */
export function atLeast(v: TalosVersion, major: number, minor: number): boolean {
  return v.major > major || (v.major === major && v.minor >= minor);
}

/** Talos 1.12 moved time, registry and network settings into their own documents. */
export const usesTypedDocuments = (v: TalosVersion): boolean => atLeast(v, 1, 12);

export const formatTalosVersion = (v: TalosVersion): string =>
  `v${v.major}.${v.minor}${v.patch === undefined ? '' : `.${v.patch}`}`;
