import { dig, str, type RepoObject } from '../../repo/graph/objects.ts';
import { cleanPath } from './glob.ts';

/** A git source of an Application: the folder it deploys, and how it reads it. */
export interface GitSource {
  path: string;
  recurse: boolean;
  include: string | undefined;
  exclude: string | undefined;
}

/** An Argo CD Application of the repo, as far as where it reads from. */
export interface ArgoApplication {
  object: RepoObject;
  name: string;
  /** Its git sources with a literal path (templated ones belong to ApplicationSets). */
  git: GitSource[];
  /** `spec.destination.namespace`. */
  namespace: string | undefined;
}

/** A git generator: folders (`directories`) or config files (`files`) that make Applications. */
export type GitGenerator =
  | { kind: 'directories'; include: string[]; exclude: string[] }
  | { kind: 'files'; paths: string[]; exclude: string[]; selector: Record<string, string> };

export interface ArgoAppSet {
  object: RepoObject;
  name: string;
  generators: GitGenerator[];
  /** `template.spec.destination.namespace` as written (`{{ .path.basename }}`). */
  namespaceTemplate: string | undefined;
  /** `template.spec.project` as written. */
  project: string | undefined;
  /** `template.metadata.name` as written. */
  nameTemplate: string | undefined;
  /** The template's sync options (`CreateNamespace=true`). */
  syncOptions: string[];
}

export const isApplication = (o: RepoObject): boolean =>
  o.kind === 'Application' && o.apiVersion.startsWith('argoproj.io/');
export const isAppSet = (o: RepoObject): boolean =>
  o.kind === 'ApplicationSet' && o.apiVersion.startsWith('argoproj.io/');

/** The sources of an Application spec: `sources`, else `source`. */
export function sourcesOf(spec: unknown): Record<string, unknown>[] {
  const many = dig(spec, 'sources');
  const list = Array.isArray(many) ? many : [dig(spec, 'source')];
  return list.filter((s): s is Record<string, unknown> => s !== null && typeof s === 'object');
}

export function readApplication(o: RepoObject): ArgoApplication {
  const spec = dig(o.data, 'spec');
  const git = sourcesOf(spec).flatMap((s): GitSource[] => {
    const path = str(s.path);
    if (path === undefined || s.chart !== undefined || path.includes('{{')) return [];
    return [
      {
        path: cleanPath(path),
        recurse: dig(s, 'directory', 'recurse') === true,
        include: str(dig(s, 'directory', 'include')),
        exclude: str(dig(s, 'directory', 'exclude')),
      },
    ];
  });
  return {
    object: o,
    name: o.name ?? '',
    git,
    namespace: str(dig(spec, 'destination', 'namespace')),
  };
}

export function readAppSet(o: RepoObject): ArgoAppSet {
  const spec = dig(o.data, 'spec');
  const template = dig(spec, 'template');
  const options = dig(template, 'spec', 'syncPolicy', 'syncOptions');
  return {
    object: o,
    name: o.name ?? '',
    generators: gitGenerators(dig(spec, 'generators')),
    namespaceTemplate: str(dig(template, 'spec', 'destination', 'namespace')),
    nameTemplate: str(dig(template, 'metadata', 'name')),
    project: str(dig(template, 'spec', 'project')),
    syncOptions: Array.isArray(options) ? options.filter((x) => typeof x === 'string') : [],
  };
}

/** The git generators of a generator list, those inside matrix and merge generators too. */
function gitGenerators(list: unknown): GitGenerator[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((g): GitGenerator[] => {
    const nested = dig(g, 'matrix', 'generators') ?? dig(g, 'merge', 'generators');
    if (nested) return gitGenerators(nested);
    const git = dig(g, 'git');
    if (!git) return [];
    const dirs = dig(git, 'directories');
    if (Array.isArray(dirs)) {
      const path = (d: unknown) => cleanPath(str(dig(d, 'path')) ?? '');
      return [
        {
          kind: 'directories',
          include: dirs.filter((d) => dig(d, 'exclude') !== true).map(path),
          exclude: dirs.filter((d) => dig(d, 'exclude') === true).map(path),
        },
      ];
    }
    const files = dig(git, 'files');
    if (!Array.isArray(files)) return [];
    // matchLabels, and matchExpressions that name the one value (`enabled In ["true"]`)
    const expressions = (dig(g, 'selector', 'matchExpressions') ?? []) as unknown[];
    const labels = {
      ...Object.fromEntries(
        (Array.isArray(expressions) ? expressions : []).flatMap((e) => {
          const key = str(dig(e, 'key'));
          const values = dig(e, 'values');
          return key && dig(e, 'operator') === 'In' && Array.isArray(values) && values.length > 0
            ? [[key, values[0]]]
            : [];
        }),
      ),
      ...((dig(g, 'selector', 'matchLabels') ?? {}) as Record<string, unknown>),
    };
    const path = (f: unknown) => cleanPath(str(dig(f, 'path')) ?? '');
    return [
      {
        kind: 'files',
        paths: files.filter((f) => dig(f, 'exclude') !== true).map(path),
        exclude: files.filter((f) => dig(f, 'exclude') === true).map(path),
        selector: Object.fromEntries(Object.entries(labels).map(([k, v]) => [k, String(v)])),
      },
    ];
  });
}
