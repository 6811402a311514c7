import { posix } from 'node:path';
import { discover } from '../repo/graph/discover.ts';
import { dig, str, type ObjectReader, type RepoObject } from '../repo/graph/objects.ts';
import type { GroupInfo, RootInfo } from './info-model.ts';

/**
 * The Argo CD objects of a repo as `info` shows them: the roots (an app of apps, ApplicationSets)
 * and what each deploys. A thin reading of the objects discover() finds, kept apart so that the
 * Argo CD engine's own repo model can take its place.
 */
export interface ArgoReading {
  roots: RootInfo[];
  groups: GroupInfo[];
  applications: RepoObject[];
}

const isArgo = (o: RepoObject, kind: string) =>
  o.kind === kind && o.apiVersion.startsWith('argoproj.io/');

/** Source paths of an Application (`source` or `sources`), with whether each recurses. */
function sourcePaths(app: RepoObject): { path: string; recurse: boolean }[] {
  const one = dig(app.data, 'spec', 'source');
  const many = dig(app.data, 'spec', 'sources');
  const sources = [...(one ? [one] : []), ...(Array.isArray(many) ? many : [])];
  return sources.flatMap((s) => {
    const path = str(dig(s, 'path'));
    if (path === undefined || path.includes('{{')) return [];
    return [
      {
        path: path.replace(/^\.?\//, '').replace(/\/$/, ''),
        recurse: dig(s, 'directory', 'recurse') === true,
      },
    ];
  });
}

/** The folders (or files) a glob of one-segment `*` names in the tree. */
function expand(reader: ObjectReader, pattern: string, files: boolean): string[] {
  const tree = reader.tree;
  let found = [''];
  const parts = pattern.replace(/^\.?\//, '').split('/');
  parts.forEach((part, i) => {
    const last = i === parts.length - 1;
    found = found.flatMap((dir) => {
      const names = part.includes('*') ? tree.children(dir) : [part];
      const re = new RegExp(
        `^${part.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')}$`,
      );
      return names
        .filter((n) => re.test(n) && !n.startsWith('.'))
        .map((n) => (dir === '' ? n : `${dir}/${n}`))
        .filter((p) => (last && files ? tree.isFile(p) : tree.isDirectory(p)));
    });
  });
  return found;
}

function appSetGroup(reader: ObjectReader, set: RepoObject): { root: RootInfo; group: GroupInfo } {
  const generators = (dig(set.data, 'spec', 'generators') ?? []) as unknown[];
  const paths: string[] = [];
  const apps: string[] = [];
  for (const g of Array.isArray(generators) ? generators : []) {
    const dirs = (dig(g, 'git', 'directories') ?? []) as unknown[];
    const fileGens = (dig(g, 'git', 'files') ?? []) as unknown[];
    const labels = (dig(g, 'selector', 'matchLabels') ?? {}) as Record<string, unknown>;
    const excluded = dirs
      .filter((d) => dig(d, 'exclude') === true)
      .flatMap((d) => str(dig(d, 'path')) ?? []);
    const out = new Set(excluded.flatMap((p) => expand(reader, p, false)));
    for (const d of dirs) {
      const path = str(dig(d, 'path'));
      if (!path || dig(d, 'exclude') === true) continue;
      paths.push(path);
      for (const dir of expand(reader, path, false))
        if (!out.has(dir)) apps.push(posix.basename(dir));
    }
    for (const f of fileGens) {
      const path = str(dig(f, 'path'));
      if (!path) continue;
      paths.push(path);
      for (const file of expand(reader, path, true)) {
        const data = reader.data(file) ?? {};
        if (Object.entries(labels).every(([k, v]) => String(data[k]) === String(v)))
          apps.push(posix.basename(posix.dirname(file)));
      }
    }
  }
  const prefix = paths[0]?.split('/*')[0] ?? '';
  return {
    root: { kind: 'ApplicationSet', name: set.name ?? '', file: set.file, paths },
    group: {
      name: set.name ?? '',
      dir: prefix,
      namespace: null,
      listedIn: null,
      apps,
      appNamespaces: [],
    },
  };
}

/** `extra`: Argo CD objects found where discover() does not look (applied by Flux, in its tree). */
export function readArgo(reader: ObjectReader, extra: readonly RepoObject[] = []): ArgoReading {
  const found = [...discover(reader).argo, ...extra];
  const sets = found.filter((o) => isArgo(o, 'ApplicationSet'));
  const apps = found.filter((o) => isArgo(o, 'Application'));
  const roots: RootInfo[] = [];
  const groups: GroupInfo[] = [];
  const applications = new Map<string, RepoObject>();
  for (const o of apps) applications.set(`${o.file}#${o.index}`, o);
  // an Application whose sources hold Applications is an app of apps: walk into what it reads
  const readBy = new Map<string, string>();
  for (const app of apps) {
    const children: RepoObject[] = [];
    for (const { path, recurse } of sourcePaths(app)) {
      const files = recurse
        ? reader.tree.yamlFilesUnder(path)
        : reader.tree
            .children(path)
            .map((n) => `${path}/${n}`)
            .filter((f) => /\.ya?ml$/.test(f));
      for (const f of files)
        for (const o of reader.objectsIf(f, [/argoproj\.io\//]))
          if (isArgo(o, 'Application') || isArgo(o, 'ApplicationSet')) children.push(o);
    }
    if (children.length === 0) continue;
    roots.push({
      kind: 'Application',
      name: app.name ?? '',
      file: app.file,
      paths: sourcePaths(app).map((s) => s.path),
    });
    for (const c of children) {
      readBy.set(`${c.file}#${c.index}`, app.name ?? '');
      if (isArgo(c, 'Application')) applications.set(`${c.file}#${c.index}`, c);
      else if (!sets.some((s) => s.file === c.file && s.index === c.index)) sets.push(c);
    }
  }
  for (const set of sets) {
    const { root, group } = appSetGroup(reader, set);
    roots.push(root);
    groups.push(group);
  }
  const leaves = [...applications.values()].filter(
    (a) => !roots.some((r) => r.kind === 'Application' && r.file === a.file && r.name === a.name),
  );
  const byDir = new Map<string, string[]>();
  for (const a of leaves) {
    // `<group>/<app>/application.yaml`: the app has a folder, its group is the one above
    const own = posix.dirname(a.file);
    const dir = posix.basename(own) === a.name ? posix.dirname(own) : own;
    byDir.set(dir, [...(byDir.get(dir) ?? []), a.name ?? '']);
  }
  for (const [dir, names] of byDir)
    groups.push({
      name: posix.basename(dir),
      dir,
      namespace: null,
      listedIn: null,
      apps: names,
      appNamespaces: [],
    });
  return { roots, groups, applications: leaves };
}
