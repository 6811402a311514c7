/**
 * The name of a new patch file in a folder, the way the repo names its patches:
 * - `NN-<name>.yaml` after the highest number when the folder's files are numbered (the number
 *   sets topf's merge order), one step on: `40-` after `10-`, `20-`, `30-` when the repo counts in tens;
 * - `<section>-<area>.yaml` (`machine-kubelet.yaml`, `machine-sysctls.yaml`) when the repo names
 *   its patches by the part of the config they set, as cluster-template does;
 * - `<name>.yaml` otherwise.
 * Folders without files follow the repo's other patch folders. A file of that name already there
 * is the one the patch goes into (a second run, or a setting added to its area's file).
 */
import { posix } from 'node:path';
import type { RepoTree } from '../tree/repo-tree.ts';
import { documentsOf } from './yaml-documents.ts';

const PATCH = /\.ya?ml(\.tpl)?$/;
const NUMBERED = /^(\d+)-(.+?)\.ya?ml(\.tpl)?$/;
const AREA = /^(machine|cluster)-[a-z0-9]+\.ya?ml$/;

const patchFiles = (tree: RepoTree, dir: string): string[] =>
  tree.isDirectory(dir)
    ? tree.children(dir).filter((f) => PATCH.test(f) && tree.isFile(posix.join(dir, f)))
    : [];

const mostly = (files: readonly string[], test: (f: string) => boolean): boolean =>
  files.length > 0 && files.filter(test).length * 2 >= files.length;

/** `machine-kubelet` for a patch of machine.kubelet, `time-sync` for a TimeSyncConfig. */
export function patchArea(text: string): string | undefined {
  const first = documentsOf(text)
    .map((d) => d.toJS() as unknown)
    .find((v) => v && typeof v === 'object' && Object.keys(v).length > 0) as
    Record<string, unknown> | undefined;
  if (!first) return undefined;
  if (typeof first['kind'] === 'string')
    return first['kind']
      .replace(/Config$/, '')
      .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
      .toLowerCase();
  const [section] = Object.keys(first);
  const inner = section ? first[section] : undefined;
  const [area] = inner && typeof inner === 'object' ? Object.keys(inner) : [];
  return section && area ? `${section}-${area.toLowerCase()}` : undefined;
}

const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));

/** The step the repo numbers its patch files by: 10 for `10-`, `20-`, `30-`; else 1. */
function numberStep(files: readonly string[]): number {
  const numbers = files.flatMap((f) => {
    const m = NUMBERED.exec(f);
    return m ? [Number(m[1])] : [];
  });
  const step = numbers.reduce(gcd, 0);
  return numbers.filter((n) => n > 0).length >= 2 && step > 1 ? step : 1;
}

export function patchFileName(
  tree: RepoTree,
  dir: string,
  otherDirs: readonly string[],
  name: string,
  text?: string,
): string {
  const here = patchFiles(tree, dir);
  const peers = here.length > 0 ? here : otherDirs.flatMap((d) => patchFiles(tree, d));
  const area = text === undefined ? undefined : patchArea(text);
  if (area && mostly(peers, (f) => AREA.test(f))) return posix.join(dir, `${area}.yaml`);
  const same = here.find((f) => NUMBERED.exec(f)?.[2] === name || f === `${name}.yaml`);
  if (same) return posix.join(dir, same);
  if (!mostly(peers, (f) => NUMBERED.test(f))) return posix.join(dir, `${name}.yaml`);
  const numbers = (files: string[]) =>
    files.flatMap((f) => {
      const m = NUMBERED.exec(f);
      return m ? [m[1] ?? ''] : [];
    });
  const width = Math.max(...numbers(peers).map((n) => n.length));
  if (here.length === 0) {
    // a new folder starts where the repo's other folders start
    const start = otherDirs
      .map((d) => numbers(patchFiles(tree, d)).sort()[0])
      .filter((n): n is string => n !== undefined)
      .sort()[0];
    return posix.join(dir, `${start ?? '01'.padStart(width, '0')}-${name}.yaml`);
  }
  const step = numberStep([...here, ...otherDirs.flatMap((d) => patchFiles(tree, d))]);
  const next = (Math.floor(Math.max(...numbers(here).map(Number)) / step) + 1) * step;
  return posix.join(dir, `${String(next).padStart(width, '0')}-${name}.yaml`);
}
