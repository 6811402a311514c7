import { posix } from 'node:path';
import type { FeatureSet } from '../../learn/role.ts';
import type { Vocabulary } from '../../learn/vocabulary.ts';
import { isAppTemplate, roleOf, type RoleDoc } from '../../repo/graph/app-files.ts';
import type { FluxKs } from '../../repo/graph/flux-graph.ts';
import { dig, type RepoObject } from '../../repo/graph/objects.ts';
import type { FluxCluster, FluxModel } from '../../repo/flux-model.ts';
import type { AppExample } from './examples.ts';
import type { FluxAppContext } from './flux-app-context.ts';
import { majorityOf } from '../../learn/majority.ts';
import { abstractText, fillText } from '../../learn/vocabulary.ts';
import { readShapes } from '../../learn/read-shape.ts';
import { learnDocument } from '../../learn/learn-document.ts';
import { render } from '../../render/templates.ts';
import { NAMESPACE } from './roles.ts';

/**
 * An app of a flat repo: no Kustomization of its own, just a folder of manifests (a HelmRelease
 * and what goes with it) that the root's generated kustomization takes in.
 */
export interface FlatApp {
  root: FluxKs;
  dir: string;
  name: string;
  namespace: string | undefined;
  docs: RoleDoc[];
  helmRelease: RepoObject;
  vocab: Vocabulary;
  features: FeatureSet;
}

/** The folders with a HelmRelease that a cluster's roots take in whole (Flux generates their lists). */
export function flatApps(model: FluxModel, cluster: FluxCluster): FlatApp[] {
  const out: FlatApp[] = [];
  for (const root of cluster.roots) {
    if (root.path === undefined || !model.tree.isDirectory(root.path)) continue;
    const unit = model.graph.unit(root.path);
    if (unit.file !== undefined) continue; // a listed tree has entries, not loose folders
    const byDir = new Map<string, string[]>();
    for (const r of unit.resources) {
      if (r.kind !== 'file') continue;
      const dir = posix.dirname(r.path);
      byDir.set(dir, [...(byDir.get(dir) ?? []), r.path]);
    }
    for (const [dir, files] of byDir) {
      const docs = files.flatMap((file) =>
        model.reader
          .objects(file)
          .map((o) => ({ role: roleOf(o), file, index: o.index, object: o })),
      );
      const hr = docs.find((d) => d.role === 'helmrelease')?.object;
      if (!hr?.name) continue;
      const namespace = hr.namespace;
      out.push({
        root,
        dir,
        name: hr.name,
        namespace,
        docs,
        helmRelease: hr,
        vocab: { app: hr.name, ...(namespace ? { ns: namespace } : {}) },
        features: {
          appTemplate: isAppTemplate(hr),
          route:
            docs.some((d) => d.role === 'route') ||
            dig(hr.data, 'spec', 'values', 'route') !== undefined,
          storage: docs.some((d) => d.role === 'claim'),
          secret: docs.some((d) => d.role === 'externalsecret'),
        },
      });
    }
  }
  return out;
}

/** Whether a cluster's apps are loose folders (a flat repo) rather than registered Kustomizations. */
export function isFlat(model: FluxModel, cluster: FluxCluster): boolean {
  return (
    !model.groups(cluster).some((g) => model.registersApps(g)) &&
    flatApps(model, cluster).length > 0
  );
}

/**
 * A flat app as an example like any other: its HelmRelease's file stands where an entry would,
 * listed by the root's generated kustomization, and its folder is the app folder.
 */
export function flatExample(
  model: FluxModel,
  app: FlatApp,
  namespace: string | undefined,
): AppExample {
  const unit = model.graph.unit(app.root.path ?? '');
  const file = app.helmRelease.file;
  const ks: FluxKs = {
    object: app.helmRelease,
    name: app.name,
    namespace: app.namespace,
    path: app.dir,
  };
  return {
    app: {
      ks,
      group: { root: app.root, dir: unit.dir, unit, registration: undefined },
      registration: { entry: posix.relative(unit.dir, file), path: file, kind: 'file' },
      namespace: app.namespace,
    },
    vocab: app.vocab,
    // its documents, in file order: what a new app's file holds, and in which order
    docs: app.docs,
    features: app.features,
    helmRelease: app.helmRelease,
    local: app.namespace === namespace,
  };
}

/** The folder of a flat repo's namespace: the one its apps are in, else where the others' are. */
export function flatNamespaceDir(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  namespace: string,
): string {
  const apps = flatApps(ctx.model, cluster);
  const own = apps.find((a) => a.namespace === namespace);
  if (own) return posix.dirname(own.dir);
  const pattern = majorityOf(
    apps.filter((a) => a.namespace !== undefined),
    (a) => abstractText(posix.dirname(a.dir), { ns: a.namespace ?? '' }),
  );
  const learned = pattern === undefined ? undefined : fillText(pattern, { ns: namespace });
  return learned ?? posix.join(cluster.roots.find((r) => r.path)?.path ?? '', namespace);
}

/**
 * A new namespace of a flat repo: a folder beside the others, with a Namespace file where most
 * namespace folders have one, learned from theirs. False when they have none: nothing is written.
 */
export function planFlatNamespace(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  namespace: string,
  dir: string,
): boolean {
  const apps = flatApps(ctx.model, cluster);
  const folders = [
    ...new Map(apps.map((a) => [posix.dirname(a.dir), a.namespace ?? ''])).entries(),
  ];
  const withFile = folders.flatMap(([folder, ns]) => {
    const file = ctx.repo.tree
      .children(folder)
      .map((n) => `${folder}/${n}`)
      .find(
        (f) =>
          ctx.repo.tree.isFile(f) &&
          ctx.model.reader.objects(f).some((o) => o.kind === 'Namespace'),
      );
    return file ? [{ file, ns }] : [];
  });
  if (withFile.length * 2 <= folders.length) return false;
  const name =
    majorityOf(withFile, (w) => abstractText(posix.basename(w.file), { ns: w.ns })) ??
    'namespace.yaml';
  const examples = withFile.flatMap((w) => {
    const shape = readShapes(ctx.repo.tree.read(w.file) ?? '', { ns: w.ns })[0];
    return shape ? [{ shape, features: {} }] : [];
  });
  const template = render('flux/namespace/namespace.yaml', {
    resourceName: namespace,
    annotations: [],
    labels: [],
  });
  const file = `${dir}/${fillText(name, { ns: namespace }) ?? 'namespace.yaml'}`;
  ctx.repo.tree.create(
    file,
    learnDocument(template, { ns: namespace }, examples, NAMESPACE, {}),
    `the Namespace of ${namespace}`,
  );
  return true;
}
