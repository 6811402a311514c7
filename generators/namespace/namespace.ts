import { byLayout } from '../../src/engine/by-layout.ts';
import type { Generator } from '../../src/engine/generator.ts';
import { FluxContext } from '../../src/flux/flux-context.ts';
import { planFluxNamespace } from '../../src/flux/plan-namespace.ts';
import { dnsLabel } from '../../src/inputs/checks.ts';
import type { InputSpec } from '../../src/inputs/input-spec.ts';

export interface NamespaceAnswers {
  name: string;
}

export const namespaceInputs: InputSpec<FluxContext>[] = [
  {
    name: 'name',
    message: 'Namespace name',
    help: 'name: the new namespace (DNS-1123 label)',
    type: 'string',
    required: true,
    validate: (value: string) => dnsLabel(value, 'namespace name'),
  },
];

const fluxNamespaceGenerator: Generator<FluxContext> = {
  name: 'namespace',
  description: 'a namespace folder, shaped like the existing ones',
  inputs: namespaceInputs,
  context: (repo) => new FluxContext(repo),
  plan(ctx, answers) {
    const { name } = answers as unknown as NamespaceAnswers;
    const dir = `${ctx.index.appsDir}/${name}`;
    if (!planFluxNamespace(ctx, name)) {
      return { summary: `namespace ${name} already exists in ${dir}`, nextSteps: [], warnings: [] };
    }
    return {
      summary: `added namespace ${name} in ${dir}/`,
      nextSteps: [
        `add apps to it: homeops app --namespace=${name} ...`,
        'commit and push; Flux picks up the new folder by itself',
      ],
      warnings: [],
    };
  },
};

/** `homeops namespace`: the variant of the repo's layout. */
export const namespaceGenerator = byLayout(fluxNamespaceGenerator, {
  clustertool: async () =>
    (await import('./clustertool/namespace.ts')).clustertoolNamespaceGenerator,
  argocd: async () => (await import('./argocd/namespace.ts')).argocdNamespaceGenerator,
  'argocd-mise': async () =>
    (await import('./argocd-mise/namespace.ts')).argocdMiseNamespaceGenerator,
});
