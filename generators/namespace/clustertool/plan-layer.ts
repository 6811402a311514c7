import type { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import { schemaLine } from '../../../src/repo/read-yaml.ts';
import { render } from '../../../src/render/templates.ts';
import { addItem } from '../../../src/yaml/edit/edit-yaml.ts';

/**
 * A new layer: `clusters/main/kubernetes/<layer>/kustomization.yaml` (no apps yet), listed last in
 * clusters/main/kubernetes/kustomization.yaml (that list is in deployment order, not sorted).
 * Returns what changed: the folder, the registration, both or neither.
 */
export function planLayer(
  ctx: ClustertoolContext,
  layer: string,
): { created: boolean; registered: boolean } {
  const { index, repo } = ctx;
  const path = index.layerKustomization(layer);
  const created = !repo.tree.isFile(path);
  if (created) {
    const model = index.layers()[0];
    const schema = model
      ? schemaLine(repo.tree.read(index.layerKustomization(model)))
      : ctx.conventions().schemas.kustomization;
    repo.tree.create(
      path,
      render('clustertool/namespace/kustomization.yaml', {
        schemas: { kustomization: schema ?? null },
      }),
    );
  }
  const root = index.rootKustomization();
  const registered = addItem(repo.tree.read(root)!, root, ['resources'], `./${layer}`);
  repo.tree.write(root, registered.text);
  return { created, registered: registered.changed };
}
