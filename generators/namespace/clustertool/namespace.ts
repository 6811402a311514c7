import { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import { KUBERNETES_DIR } from '../../../src/clustertool/repo-index.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { dnsLabel } from '../../../src/inputs/checks.ts';
import type { InputSpec } from '../../../src/inputs/input-spec.ts';
import { planLayer } from './plan-layer.ts';

const inputs: InputSpec<ClustertoolContext>[] = [
  {
    name: 'name',
    message: 'Layer name',
    help: 'name: the new layer, a folder under clusters/main/kubernetes (DNS-1123 label), e.g. media',
    type: 'string',
    required: true,
    validate: (v: string, _a, ctx) =>
      dnsLabel(v, 'layer name') ??
      (ctx.index.layersOf(v).length
        ? {
            message: `"${v}" is an app (in layer ${ctx.index.layersOf(v).join(', ')}), not a layer`,
            fix: 'choose another --name',
          }
        : undefined),
  },
];

/**
 * `homeops namespace` in a ClusterTool repo: every app there brings its own namespace
 * (app/namespace.yaml), so what is left to create is a layer, the folder apps are grouped in.
 */
export const clustertoolNamespaceGenerator: Generator<ClustertoolContext> = {
  name: 'namespace',
  description:
    'a layer (clusters/main/kubernetes/<name>/): each app brings its own namespace in this layout',
  inputs,
  context: (repo) => new ClustertoolContext(repo),
  plan(ctx, answers) {
    const name = answers.name as string;
    const dir = `${KUBERNETES_DIR}/${name}`;
    if (!ctx.index.hasLayer(name) && ctx.repo.tree.isDirectory(dir)) {
      throw new HomeopsError('CONFLICT', `${dir}/ exists but has no kustomization.yaml`, {
        file: dir,
        field: 'name',
        fix: 'choose another --name, or add the kustomization.yaml by hand',
      });
    }
    const { created, registered } = planLayer(ctx, name);
    if (!created && !registered)
      return { summary: `layer ${name} already exists in ${dir}/`, nextSteps: [], warnings: [] };
    return {
      summary: created
        ? `added layer ${name} in ${dir}/, listed last in ${KUBERNETES_DIR}/kustomization.yaml`
        : `registered the existing layer ${name} in ${KUBERNETES_DIR}/kustomization.yaml`,
      nextSteps: [
        `add apps to it: homeops app --layer=${name} ... (each app gets its own namespace in app/namespace.yaml)`,
        `make its apps wait for what they need from earlier layers with --dependsOn (e.g. the ingress controller)`,
        'commit and push, then: flux reconcile kustomization flux-entry -n flux-system --with-source',
      ],
      warnings: [],
    };
  },
};
