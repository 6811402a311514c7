import { render } from '../render/templates.ts';
import { dig, readYamlData, schemaLine } from '../repo/read-yaml.ts';
import type { FluxContext } from './flux-context.ts';

/**
 * Add a namespace folder (`kustomization.yaml` + `namespace.yaml`) shaped like the repo's existing
 * namespaces: same components, same Namespace name style, labels and annotations. Flux discovers
 * namespace folders by itself, so there is nothing to register. Returns whether it was new.
 */
export function planFluxNamespace(ctx: FluxContext, namespace: string): boolean {
  const { index } = ctx;
  if (index.hasNamespace(namespace)) return false;
  const shape = learnNamespaceShape(ctx);
  const dir = `${index.appsDir}/${namespace}`;
  const view = {
    namespace,
    schemas: { kustomization: shape.kustomizationSchema },
    components: shape.components,
    spaced: shape.spaced,
    resourceName: shape.resourceName === '_' ? '_' : namespace,
    annotations: shape.annotations,
    labels: shape.labels,
  };
  ctx.repo.tree.create(
    `${dir}/kustomization.yaml`,
    render('flux/namespace/kustomization.yaml', view),
  );
  ctx.repo.tree.create(`${dir}/namespace.yaml`, render('flux/namespace/namespace.yaml', view));
  return true;
}

interface NamespaceShape {
  kustomizationSchema: string | null;
  spaced: boolean;
  components: string[];
  resourceName: 'real' | '_';
  annotations: { key: string; value: string }[];
  labels: { key: string; value: string }[];
}

/** Learn from the `default` namespace if there is one, else the first. */
function learnNamespaceShape(ctx: FluxContext): NamespaceShape {
  const { index, repo } = ctx;
  const namespaces = index.namespaces();
  const model = namespaces.includes('default') ? 'default' : namespaces[0];
  const conventions = ctx.conventions();
  if (!model) {
    return {
      kustomizationSchema: conventions.schemas.kustomization,
      spaced: true,
      components: [],
      resourceName: ctx.layout.defaults.namespaceResourceName,
      annotations: [{ key: 'kustomize.toolkit.fluxcd.io/prune', value: 'disabled' }],
      labels: [],
    };
  }
  const kustomizationPath = index.namespaceKustomization(model);
  const text = repo.tree.read(kustomizationPath);
  const kustomization = readYamlData(repo.tree, kustomizationPath);
  const ns = readYamlData(repo.tree, `${index.appsDir}/${model}/namespace.yaml`);
  const pairs = (v: unknown) =>
    Object.entries((v ?? {}) as Record<string, unknown>).map(([key, value]) => ({
      key,
      value: String(value),
    }));
  return {
    kustomizationSchema: schemaLine(text) ?? null,
    // a blank line before components: and resources:, as the model has them or not
    spaced: /\n[ \t]*\r?\n(?:components|resources):/.test(text ?? ''),
    components: ((kustomization?.components ?? []) as unknown[]).map(String),
    resourceName: dig(ns, 'metadata', 'name') === '_' ? '_' : 'real',
    annotations: pairs(dig(ns, 'metadata', 'annotations')),
    labels: pairs(dig(ns, 'metadata', 'labels')),
  };
}
