import { posix } from 'node:path';
import { KUSTOMIZATION_FILES, kustomizationFileIn } from '../../repo/graph/kustomize-unit.ts';
import { ObjectReader, dig, type RepoObject } from '../../repo/graph/objects.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import {
  isAppSet,
  isApplication,
  readAppSet,
  readApplication,
  type ArgoAppSet,
  type ArgoApplication,
  type GitSource,
} from './argo-objects.ts';
import { globToRegExp } from './glob.ts';

const ARGO = /^apiVersion:\s*["']?argoproj\.io\//m;

/** A folder an ApplicationSet's directories generator makes an Application of. */
export interface PickedFolder {
  dir: string;
  appSet: ArgoAppSet;
  /** The generator's pattern that matches it (`my-apps/*\/*`). */
  pattern: string;
}

/**
 * An Argo CD repo read from its own objects: every Application and ApplicationSet, whatever its
 * file is called, what each reads (git sources, directories and files generators), and from that
 * the app folders the ApplicationSets pick up.
 */
export class ArgoModel {
  readonly reader: ObjectReader;
  readonly objects: RepoObject[];
  readonly applications: ArgoApplication[];
  readonly appSets: ArgoAppSet[];
  private picked: PickedFolder[] | undefined;

  constructor(readonly tree: RepoTree) {
    this.reader = new ObjectReader(tree);
    this.objects = tree
      .yamlFilesUnder('')
      .flatMap((f) => this.reader.objectsIf(f, [ARGO]))
      .filter((o) => isApplication(o) || isAppSet(o));
    this.applications = this.objects.filter(isApplication).map(readApplication);
    this.appSets = this.objects.filter(isAppSet).map(readAppSet);
  }

  get isArgo(): boolean {
    return this.objects.length > 0;
  }

  /** The Applications that deploy a file through one of their git sources. */
  readersOf(file: string): ArgoApplication[] {
    return this.applications.filter((a) => a.git.some((s) => this.sourceReads(s, file)));
  }

  /** Whether a git source deploys a file: a kustomization's resources, else the folder's files. */
  sourceReads(source: GitSource, file: string): boolean {
    if (kustomizationFileIn(this.tree, source.path))
      return this.kustomized(source.path, new Set()).includes(file);
    const base = source.path === '' ? '' : `${source.path}/`;
    if (!file.startsWith(base)) return false;
    const rest = file.slice(base.length);
    if (!source.recurse && rest.includes('/')) return false;
    if (source.include && !globToRegExp(source.include).test(rest)) return false;
    return !(source.exclude && globToRegExp(source.exclude).test(rest));
  }

  /** The files a kustomization folder builds, following `resources:` into folders. */
  private kustomized(dir: string, seen: Set<string>): string[] {
    const file = KUSTOMIZATION_FILES.map((f) => posix.join(dir, f)).find((f) =>
      this.tree.isFile(f),
    );
    if (!file || seen.has(dir)) return [];
    seen.add(dir);
    const resources = dig(this.reader.data(file), 'resources');
    if (!Array.isArray(resources)) return [];
    return resources.flatMap((r) => {
      const path = posix.normalize(posix.join(dir, String(r)));
      return this.tree.isFile(path) ? [path] : this.kustomized(path, seen);
    });
  }

  /** Every folder some ApplicationSet's directories generator makes an Application of. */
  pickedFolders(): PickedFolder[] {
    if (this.picked) return this.picked;
    const out: PickedFolder[] = [];
    for (const appSet of this.appSets)
      for (const g of appSet.generators) {
        if (g.kind !== 'directories') continue;
        for (const pattern of g.include)
          for (const dir of foldersMatching(this.tree, pattern))
            if (
              !g.exclude.some((x) => globToRegExp(x).test(dir)) &&
              !out.some((p) => p.dir === dir)
            )
              out.push({ dir, appSet, pattern });
      }
    return (this.picked = out);
  }

  /** The ApplicationSet (and pattern) that would make an Application of this folder, if any. */
  pickerOf(dir: string): { appSet: ArgoAppSet; pattern: string } | undefined {
    for (const appSet of this.appSets)
      for (const g of appSet.generators) {
        if (g.kind !== 'directories') continue;
        if (g.exclude.some((x) => globToRegExp(x).test(dir))) continue;
        const pattern = g.include.find((p) => globToRegExp(p).test(dir));
        if (pattern) return { appSet, pattern };
      }
    return undefined;
  }

  /** The exclude pattern that keeps a folder out of an ApplicationSet whose pattern it matches. */
  excluderOf(dir: string): { appSet: ArgoAppSet; exclude: string } | undefined {
    for (const appSet of this.appSets)
      for (const g of appSet.generators) {
        if (g.kind !== 'directories' || !g.include.some((p) => globToRegExp(p).test(dir))) continue;
        const exclude = g.exclude.find((x) => globToRegExp(x).test(dir));
        if (exclude) return { appSet, exclude };
      }
    return undefined;
  }
}

/** The repo's folders a pattern matches, walked from its literal start. */
export function foldersMatching(tree: RepoTree, pattern: string): string[] {
  const segments = pattern.split('/');
  const literal: string[] = [];
  for (const s of segments) {
    if (/[*?{[]/.test(s)) break;
    literal.push(s);
  }
  const start = literal.join('/');
  if (start !== '' && !tree.isDirectory(start)) return [];
  const deep = pattern.includes('**');
  const depth = deep ? 8 : segments.length - literal.length;
  const re = globToRegExp(pattern);
  const out: string[] = [];
  const walk = (dir: string, left: number) => {
    if (re.test(dir)) out.push(dir);
    if (left === 0) return;
    for (const name of tree.subfolders(dir))
      if (!name.startsWith('.')) walk(dir === '' ? name : `${dir}/${name}`, left - 1);
  };
  walk(start, depth);
  return out.sort();
}
