import { posix } from 'node:path';
import { majorityOf } from '../../learn/majority.ts';
import type { Example } from '../../learn/merge.ts';
import { learnDocument } from '../../learn/learn-document.ts';
import { readShapes } from '../../learn/read-shape.ts';
import { abstractText, fillText } from '../../learn/vocabulary.ts';
import type { FluxCluster } from '../../repo/flux-model.ts';
import type { Group } from '../../repo/graph/flux-graph.ts';
import { render } from '../../render/templates.ts';
import { addItem } from '../../yaml/edit/edit-yaml.ts';
import type { FluxAppContext } from './flux-app-context.ts';
import * as roles from './roles.ts';
import { schemasOf } from './app-view.ts';
import { refuseOverlayNamespaces } from './overlay-namespace.ts';

/** The namespace folders of a cluster, with what each is learned from. */
interface NamespaceExample {
  group: Group;
  namespace: string;
  /** The file its Namespace object is in, if the folder lists one. */
  namespaceFile: string | undefined;
  /** How its kustomization lists that file (`./namespace.yaml` or `namespace.yaml`). */
  namespaceEntry: string | undefined;
}

/**
 * A new namespace folder shaped like the cluster's others: where they are, the kustomization.yaml
 * they have (components, key order, spacing), a Namespace file only where most of them list one
 * (where a component provides the Namespace, there is none), and a line in the tree's
 * kustomization where the tree lists its folders. Returns the new group, for the app that goes in.
 */
export function planFluxNamespace(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  namespace: string,
): Group {
  const existing = ctx.model.groupOfNamespace(cluster, namespace);
  if (existing) return existing;
  const examples: NamespaceExample[] = ctx.model.groups(cluster).flatMap((group) => {
    const ns = ctx.model.groupNamespace(group);
    if (!ns) return [];
    const listed = group.unit.resources.find(
      (r) =>
        r.kind === 'file' && ctx.model.reader.objects(r.path).some((o) => o.kind === 'Namespace'),
    );
    return [{ group, namespace: ns, namespaceFile: listed?.path, namespaceEntry: listed?.entry }];
  });
  const root = examples[0]?.group.root ?? cluster.roots[0];
  if (!root?.path) throw new Error('a Flux cluster has a root with a path');
  refuseOverlayNamespaces(ctx, root.path, namespace);
  const vocab = { ns: namespace, ...(cluster.name ? { cluster: cluster.name } : {}) };
  const vocabOf = (e: NamespaceExample) => ({
    ns: e.namespace,
    ...(cluster.name ? { cluster: cluster.name } : {}),
  });
  const dirPattern =
    majorityOf(examples, (e) => abstractText(e.group.dir, vocabOf(e))) ?? `${root.path}/⟪ns⟫`;
  const dir = fillText(dirPattern, vocab) ?? `${root.path}/${namespace}`;
  // older repos keep the Kustomizations in flux-system and set no `namespace:` on the folder
  const setsNamespace =
    examples.length === 0 ||
    examples.filter((e) => e.group.unit.namespace !== undefined).length * 2 >= examples.length;
  const withNamespaceFile =
    examples.filter((e) => e.namespaceFile).length * 2 > examples.length || examples.length === 0;
  const nsFileName =
    majorityOf(
      examples.filter((e) => e.namespaceFile),
      (e) => abstractText(posix.relative(e.group.dir, e.namespaceFile ?? ''), vocabOf(e)),
    ) ?? 'namespace.yaml';
  const nsFile = fillText(nsFileName, vocab) ?? 'namespace.yaml';
  // the line as the siblings list their Namespace file: `./namespace.yaml` or `namespace.yaml`
  const dotted =
    majorityOf(
      examples.flatMap((e) => e.namespaceEntry ?? []),
      (entry) => (entry.startsWith('./') ? 'dotted' : 'bare'),
    ) !== 'bare';
  const nsEntry = `${dotted ? './' : ''}${nsFile}`;
  const shapes = (file: string | undefined, e: NamespaceExample): Example[] => {
    const shape = file ? readShapes(ctx.repo.tree.read(file) ?? '', vocabOf(e))[0] : undefined;
    return shape ? [{ shape, features: {} }] : [];
  };
  const schemas = schemasOf(ctx);
  const kustomization = learnDocument(
    render('flux/namespace/kustomization.yaml', {
      namespace,
      setsNamespace,
      schemas,
      components: [],
      spaced: false,
      resources: withNamespaceFile ? [nsEntry] : [],
    }),
    vocab,
    examples.flatMap((e) => shapes(e.group.unit.file, e)),
    roles.NAMESPACE_KUSTOMIZATION,
    {},
  );
  const kustomizationFile = `${dir}/kustomization.yaml`;
  ctx.repo.tree.create(kustomizationFile, kustomization, `the folder of namespace ${namespace}`);
  if (withNamespaceFile) {
    const text = learnDocument(
      render('flux/namespace/namespace.yaml', {
        resourceName: namespace,
        annotations: [],
        labels: [],
      }),
      vocab,
      examples.flatMap((e) => shapes(e.namespaceFile, e)),
      roles.NAMESPACE,
      {},
    );
    ctx.repo.tree.create(`${dir}/${nsFile}`, text, `the Namespace of ${namespace}`);
  }
  const top = ctx.model.graph.unit(root.path);
  const entry = registrationEntry(
    posix.relative(root.path, dir),
    examples.flatMap((e) => e.group.registration?.entry ?? []),
  );
  if (top.file)
    ctx.repo.tree.write(
      top.file,
      addItem(ctx.repo.tree.read(top.file) ?? '', top.file, ['resources'], entry, { sorted: true })
        .text,
    );
  return {
    root,
    dir,
    unit: {
      dir,
      file: kustomizationFile,
      namespace,
      resources: withNamespaceFile
        ? [{ entry: nsEntry, path: `${dir}/${nsFile}`, kind: 'file' }]
        : [],
      components: [],
    },
    registration: top.file ? { file: top.file, entry } : undefined,
  };
}

/**
 * The line that lists a new namespace folder, written as the siblings' lines are: `./media` or
 * `media`, with or without a trailing `/`; a folder outside the tree as `../../../kubernetes/apps/media/`.
 */
function registrationEntry(relative: string, siblings: readonly string[]): string {
  const inside = siblings.filter((e) => !e.startsWith('../'));
  const dotted =
    !relative.startsWith('../') &&
    majorityOf(inside, (e) => (e.startsWith('./') ? 'dotted' : 'bare')) !== 'bare';
  const slashed =
    majorityOf(siblings, (e) => (e.endsWith('/') ? 'slashed' : 'plain')) === 'slashed';
  return `${dotted ? './' : ''}${relative}${slashed ? '/' : ''}`;
}
