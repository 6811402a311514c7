import { posix } from 'node:path';
import { readShapes } from '../../learn/read-shape.ts';
import { nodeAt, type DocShape } from '../../learn/tree.ts';
import type { Vocabulary } from '../../learn/vocabulary.ts';
import type { RoleDoc } from '../../repo/graph/app-files.ts';
import type { YamlPath } from '../../yaml/edit/edit-types.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import type { ArgoModel } from './argo-model.ts';
import { sourcesOf, type ArgoApplication, type GitSource } from './argo-objects.ts';
import { argoAppDocs, featuresOf, servicePort, type ArgoExample } from './examples.ts';
import { cleanPath } from './glob.ts';

/** An app of an app-of-apps repo: its Application, the root that reads its file, its own files. */
export interface AppEntry {
  app: ArgoApplication;
  root: ArgoApplication;
  /** The root's source that reads the entry's file. */
  source: GitSource;
  group: string | undefined;
  /** Its own git source's folder (its manifests), if any. */
  manifestsDir: string | undefined;
  /** The chart values file a `$values/` ref names, if any. */
  valuesFile: string | undefined;
  /** Where in the Application its chart's inline `valuesObject` goes (its chart source's `helm`). */
  valuesObjectAt: YamlPath | undefined;
  example: ArgoExample;
}

/**
 * The Applications that deploy Applications: those no other Application deploys, and those a
 * root deploys that read Application files themselves (a root of roots: `homelab-root` reading
 * `infrastructure/infrastructure-app.yaml` and `apps/apps-app.yaml`, each reading its
 * `*\/application.yaml`).
 */
export function rootApplications(model: ArgoModel): ArgoApplication[] {
  const readsApps = (a: ArgoApplication) =>
    model.applications.some(
      (other) => other !== a && a.git.some((s) => model.sourceReads(s, other.object.file)),
    );
  return model.applications.filter(
    (a) => a.git.length > 0 && (model.readersOf(a.object.file).length === 0 || readsApps(a)),
  );
}

/** The app-of-apps entries: Applications a root reads, with what the learner needs of each. */
export function appEntries(model: ArgoModel): AppEntry[] {
  const roots = rootApplications(model);
  return model.applications.flatMap((app) => {
    if (roots.includes(app)) return [];
    const root = roots.find((r) => r.git.some((s) => model.sourceReads(s, app.object.file)));
    const source = root?.git.find((s) => model.sourceReads(s, app.object.file));
    if (!root || !source) return [];
    return [entryOf(model, app, root, source)];
  });
}

/** The group of an entry: the root's source folder where it has several, else the entry's first folder. */
export function groupOf(
  root: ArgoApplication,
  source: GitSource,
  file: string,
): string | undefined {
  if (root.git.length > 1) return posix.basename(source.path);
  const rest = source.path === '' ? file : file.slice(source.path.length + 1);
  const parts = rest.split('/');
  return parts.length >= 3 || (parts.length === 2 && root.git.length === 1 && !source.recurse)
    ? parts[0]
    : undefined;
}

function entryOf(
  model: ArgoModel,
  app: ArgoApplication,
  root: ArgoApplication,
  source: GitSource,
): AppEntry {
  const file = app.object.file;
  // a root another root deploys is one group of a root of roots: its folder names it
  const nested = model.readersOf(root.object.file).length > 0 && source.path !== '';
  const group = nested ? posix.basename(source.path) : groupOf(root, source, file);
  const sources = sourcesOf(dig(app.object.data, 'spec'));
  const chartAt = sources.findIndex((s) => s.chart !== undefined);
  const chartSource = sources[chartAt];
  // its manifests: a folder of this repo it reads (a git source of another repo is not ours to write)
  const manifestsDir = app.git.find((s) => s.path !== '' && model.tree.isDirectory(s.path))?.path;
  const valueFile = (dig(chartSource, 'helm', 'valueFiles') as unknown[] | undefined)?.find(
    (v): v is string => typeof v === 'string' && v.startsWith('$'),
  );
  const valuesFile = valueFile ? cleanPath(valueFile.replace(/^\$[^/]+\//, '')) : undefined;
  const valuesObjectAt: YamlPath | undefined = chartSource
    ? [
        ...(dig(app.object.data, 'spec', 'sources')
          ? ['spec', 'sources', chartAt]
          : ['spec', 'source']),
        'helm',
        'valuesObject',
      ]
    : undefined;
  const readValues = (vocab: Vocabulary): DocShape | undefined => {
    if (valuesFile) return readShapes(model.tree.read(valuesFile) ?? '', vocab)[0];
    if (!chartSource || dig(chartSource, 'helm', 'valuesObject') === undefined) return undefined;
    const shape = readShapes(model.tree.read(file) ?? '', vocab).find(
      (s) => s.index === app.object.index,
    );
    const root = nodeAt(shape?.root, valuesObjectAt ?? []);
    return root && shape ? { header: [], root, layout: shape.layout } : undefined;
  };
  const port = servicePort(readValues({}));
  const vocab: Vocabulary = {
    app: app.name,
    ...(app.namespace ? { ns: app.namespace } : {}),
    ...(port !== undefined ? { port: String(port) } : {}),
    ...(group && group !== app.namespace ? { group } : {}),
  };
  const docs: RoleDoc[] = [
    { role: 'other:Application', file, index: app.object.index, object: app.object },
    ...(manifestsDir ? argoAppDocs(model, manifestsDir) : []),
  ];
  const values = readValues(vocab);
  const chart = chartSource
    ? {
        name: str(chartSource.chart),
        repo: str(chartSource.repoURL),
        version: str(chartSource.targetRevision),
        valuesFile,
        inline: valuesFile === undefined,
      }
    : undefined;
  return {
    app,
    root,
    source,
    group,
    manifestsDir,
    valuesFile,
    valuesObjectAt,
    example: {
      dir: manifestsDir ?? posix.dirname(file),
      slot: undefined,
      vocab,
      docs,
      chart,
      umbrella: undefined,
      values,
      features: featuresOf(docs, values),
      local: false,
    },
  };
}
