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
  type GitGenerator,
  type GitSource,
} from './argo-objects.ts';
import { globToRegExp } from './glob.ts';

const ARGO = /^apiVersion:\s*["']?argoproj\.io\//m;

/** A folder an ApplicationSet's git generator makes an Application of. */
export interface PickedFolder {
  dir: string;
  appSet: ArgoAppSet;
  /** The generator's folder pattern that matches it (`my-apps/*\/*`). */
  pattern: string;
  /** A files generator's: the config file in the folder whose keys the Application is made from. */
  config: ConfigFile | undefined;
}

/** The config file a git files generator reads in each app folder (`app-config.yaml`). */
export interface ConfigFile {
  name: string;
  /** `selector.matchLabels`: the keys (and values) a config must have to make an Application. */
  selector: Record<string, string>;
}

/**
 * What a git generator makes Applications of, as folder patterns: each directories pattern, or
 * the folder of each files pattern whose file name is literal (`cluster/apps/*\/*\/app-config.yaml`
 * -> `cluster/apps/*\/*` with the config `app-config.yaml`).
 */
interface FolderRule {
  appSet: ArgoAppSet;
  pattern: string;
  config: ConfigFile | undefined;
  matches: (dir: string) => boolean;
  /** The exclude pattern that keeps the folder out, if one does. */
  excluded: (dir: string) => string | undefined;
}

function folderRules(appSet: ArgoAppSet, g: GitGenerator): FolderRule[] {
  const excludes = g.exclude.map((x) => ({ x, re: globToRegExp(x) }));
  const rule = (pattern: string, config: ConfigFile | undefined, of: (dir: string) => string) => {
    const re = globToRegExp(pattern);
    return {
      appSet,
      pattern,
      config,
      matches: (dir: string) => re.test(dir),
      excluded: (dir: string) => excludes.find((e) => e.re.test(of(dir)))?.x,
    };
  };
  if (g.kind === 'directories') return g.include.map((p) => rule(p, undefined, (dir) => dir));
  return g.paths.flatMap((path) => {
    const name = posix.basename(path);
    if (WILD.test(name) || !path.includes('/')) return [];
    const config = { name, selector: g.selector };
    return [rule(posix.dirname(path), config, (dir) => posix.join(dir, name))];
  });
}

const WILD = /[*?{[]/;

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
  private rules: FolderRule[] | undefined;

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

  /** Every folder some ApplicationSet's git generator makes an Application of. */
  pickedFolders(): PickedFolder[] {
    if (this.picked) return this.picked;
    const out: PickedFolder[] = [];
    for (const { appSet, pattern, config, excluded } of this.folderPatterns())
      for (const dir of foldersMatching(this.tree, pattern))
        if (
          !excluded(dir) &&
          (!config || this.selects(dir, config)) &&
          !out.some((p) => p.dir === dir)
        )
          out.push({ dir, appSet, pattern, config });
    return (this.picked = out);
  }

  /** Whether a folder's config file is there and has the selector's labels. */
  private selects(dir: string, config: ConfigFile): boolean {
    const file = posix.join(dir, config.name);
    if (!this.tree.isFile(file)) return false;
    // a list of configs makes an Application of each item (a list of one, as some repos write it)
    return this.reader
      .items(file)
      .some((item) =>
        Object.entries(config.selector).every(([k, v]) => String(dig(item, k)) === v),
      );
  }

  /** The ApplicationSet (and pattern) that would make an Application of this folder, if any. */
  pickerOf(
    dir: string,
  ): { appSet: ArgoAppSet; pattern: string; config: ConfigFile | undefined } | undefined {
    const rule = this.folderPatterns().find((r) => r.matches(dir) && !r.excluded(dir));
    return rule && { appSet: rule.appSet, pattern: rule.pattern, config: rule.config };
  }

  /** The exclude pattern that keeps a folder out of an ApplicationSet whose pattern it matches. */
  excluderOf(dir: string): { appSet: ArgoAppSet; exclude: string } | undefined {
    for (const rule of this.folderPatterns()) {
      const exclude = rule.matches(dir) ? rule.excluded(dir) : undefined;
      if (exclude) return { appSet: rule.appSet, exclude };
    }
    return undefined;
  }

  /** Every folder pattern of the repo's git generators, with the config file a files generator reads. */
  folderPatterns(): readonly FolderRule[] {
    return (this.rules ??= this.appSets.flatMap((appSet) =>
      appSet.generators.flatMap((g) => folderRules(appSet, g)),
    ));
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
