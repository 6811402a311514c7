import { posix } from 'node:path';
import { HomeopsError } from '../../errors.ts';
import { learnDocument } from '../../learn/learn-document.ts';
import { readShapes } from '../../learn/read-shape.ts';
import type { FluxCluster } from '../../repo/flux-model.ts';
import { dig } from '../../repo/graph/objects.ts';
import { render } from '../../render/templates.ts';
import type { FluxAppContext } from './flux-app-context.ts';
import { registerEntry } from './register-entry.ts';
import * as roles from './roles.ts';

/**
 * Repos whose cluster overlays list the Namespace files of a shared base
 * (`kubernetes/apps/overlays/prod/kustomization.yaml` -> `../../base/media/namespace.yaml`): a
 * namespace is a file in the base, and each cluster that has it lists it.
 */

/** The Namespace files of a base that a root's kustomization lists (`../../base/media/namespace.yaml`). */
function baseNamespaceFiles(ctx: FluxAppContext, rootDir: string): string[] {
  return ctx.model.graph
    .unit(rootDir)
    .resources.filter(
      (r) =>
        r.kind === 'file' &&
        !r.path.startsWith(`${rootDir}/`) &&
        ctx.model.reader.objects(r.path).some((o) => o.kind === 'Namespace'),
    )
    .map((r) => r.path);
}

/** Which of those files is the namespace's. */
const fileOf = (ctx: FluxAppContext, files: readonly string[], namespace: string) =>
  files.find((f) => ctx.model.reader.objects(f).some((o) => o.name === namespace));

/** The base's folder of namespace folders (`kubernetes/apps/base`), from one of its Namespace files. */
const baseDirOf = (file: string) => posix.dirname(posix.dirname(file));

/** The base file of this namespace that the cluster's overlay lists, if it lists it so. */
export function baseNamespaceFile(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  namespace: string,
): string | undefined {
  const files = cluster.roots.flatMap((r) => (r.path ? baseNamespaceFiles(ctx, r.path) : []));
  return fileOf(ctx, files, namespace);
}

/**
 * A new namespace of a cluster whose overlay lists a base's Namespace files: the file in the base,
 * written as the base's others are (unless another cluster's overlay added it already), and its
 * line in the overlay, beside the lines of its folder. Undefined where the overlay lists none.
 */
export function planOverlayNamespace(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  namespace: string,
): { file: string; overlay: string } | undefined {
  for (const root of cluster.roots) {
    if (!root.path) continue;
    const based = baseNamespaceFiles(ctx, root.path);
    const [first] = based;
    const top = ctx.model.graph.unit(root.path);
    if (first === undefined || !top.file) continue;
    const file = `${baseDirOf(first)}/${namespace}/${posix.basename(first)}`;
    if (!ctx.repo.tree.isFile(file)) {
      const examples = based.flatMap((f) => {
        const ns = ctx.model.reader.objects(f).find((o) => o.kind === 'Namespace')?.name;
        const [shape] = readShapes(ctx.repo.tree.read(f) ?? '', ns ? { ns } : {});
        return shape ? [{ shape, features: {} }] : [];
      });
      const template = render('flux/namespace/namespace.yaml', {
        resourceName: namespace,
        annotations: [],
        labels: [],
      });
      ctx.repo.tree.create(
        file,
        learnDocument(template, { ns: namespace }, examples, roles.NAMESPACE, {}),
        `the Namespace of ${namespace}`,
      );
    }
    const listed = (dig(ctx.model.reader.data(top.file), 'resources') ?? []) as unknown[];
    registerEntry(
      ctx.repo.tree,
      top.file,
      posix.relative(root.path, file),
      listed.filter((x): x is string => typeof x === 'string'),
    );
    return { file, overlay: top.file };
  }
  return undefined;
}

/**
 * `app --createNamespace` in that shape: the namespace is `homeops namespace`'s to add (its base
 * file and overlay lines), so a new one is refused with that command; a folder under the overlay
 * would be wrong.
 */
export function refuseOverlayNamespaces(
  ctx: FluxAppContext,
  rootDir: string,
  namespace: string,
): void {
  const based = baseNamespaceFiles(ctx, rootDir);
  const [first] = based;
  if (first === undefined || fileOf(ctx, based, namespace)) return;
  const top = ctx.model.graph.unit(rootDir);
  const dir = baseDirOf(first);
  throw new HomeopsError(
    'LAYOUT',
    `${top.file ?? rootDir} takes namespaces from ${dir}/ (${first}), and does not list ${namespace}`,
    {
      field: 'namespace',
      fix: `pass --createNamespace to add it with the app, or add it first: homeops namespace --name=${namespace} --cluster=<the app's cluster(s)>`,
    },
  );
}
