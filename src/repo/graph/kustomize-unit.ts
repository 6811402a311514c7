import { posix } from 'node:path';
import type { RepoTree } from '../../tree/repo-tree.ts';
import { isYamlFile, type ObjectReader } from './objects.ts';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

/** One entry of a kustomization's `resources`, resolved against its folder. */
export interface UnitResource {
  /** As written in the list (`./echo/ks.yaml`); for a generated unit, the path relative to it. */
  entry: string;
  /** Repo-relative path it names. */
  path: string;
  kind: 'file' | 'dir' | 'missing' | 'remote';
}

/** A folder kustomize builds: its kustomization file's lists, or the one Flux generates. */
export interface KustomizeUnit {
  dir: string;
  /** The kustomization file; undefined where Flux generates one (every manifest below it). */
  file: string | undefined;
  /** The `namespace:` it sets on what it builds. */
  namespace: string | undefined;
  resources: UnitResource[];
  /** `components:` folders, repo-relative. */
  components: string[];
}

export function kustomizationFileIn(tree: RepoTree, dir: string): string | undefined {
  for (const name of KUSTOMIZATION_FILES) {
    const file = dir === '' ? name : `${dir}/${name}`;
    if (tree.isFile(file)) return file;
  }
  return undefined;
}

/** Read the unit at `dir`, as kustomize (or, without a kustomization file, Flux) builds it. */
export function readUnit(reader: ObjectReader, dir: string): KustomizeUnit {
  const tree = reader.tree;
  const file = kustomizationFileIn(tree, dir);
  if (file === undefined)
    return { dir, file, namespace: undefined, resources: generated(tree, dir, ''), components: [] };
  const data = reader.data(file) ?? {};
  const list = (key: string) =>
    (Array.isArray(data[key]) ? (data[key] as unknown[]) : []).filter(
      (x): x is string => typeof x === 'string',
    );
  const resolve = (entry: string): UnitResource => {
    if (/^[a-z]+:\/\//.test(entry) || entry.startsWith('github.com/'))
      return { entry, path: entry, kind: 'remote' };
    const path = posix.normalize(posix.join(dir, entry)).replace(/\/$/, '');
    const kind = tree.isFile(path) ? 'file' : tree.isDirectory(path) ? 'dir' : 'missing';
    return { entry, path: path === '.' ? '' : path, kind };
  };
  return {
    dir,
    file,
    namespace: typeof data.namespace === 'string' ? data.namespace : undefined,
    resources: list('resources').map(resolve),
    components: list('components').map((c) => resolve(c).path),
  };
}

/**
 * What Flux's generated kustomization includes: every YAML file below the folder, except that a
 * folder with a kustomization file of its own is included as a whole.
 */
function generated(tree: RepoTree, dir: string, rel: string): UnitResource[] {
  const out: UnitResource[] = [];
  for (const name of tree.children(dir)) {
    const path = dir === '' ? name : `${dir}/${name}`;
    const entry = rel === '' ? name : `${rel}/${name}`;
    if (name.startsWith('.')) continue;
    if (tree.isDirectory(path)) {
      if (kustomizationFileIn(tree, path)) out.push({ entry, path, kind: 'dir' });
      else out.push(...generated(tree, path, entry));
    } else if (isYamlFile(name)) out.push({ entry, path, kind: 'file' });
  }
  return out;
}
