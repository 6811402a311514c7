import { byLayout } from '../../src/engine/by-layout.ts';
import type { Generator } from '../../src/engine/generator.ts';
import { FluxAppContext } from '../../src/engines/flux/flux-app-context.ts';
import { posix } from 'node:path';
import { HomeopsError } from '../../src/errors.ts';
import { flatNamespaceDir, planFlatNamespace } from '../../src/engines/flux/flat-apps.ts';
import { planFluxNamespace } from '../../src/engines/flux/plan-namespace.ts';
import {
  baseNamespaceFile,
  planOverlayNamespace,
} from '../../src/engines/flux/overlay-namespace.ts';
import { dnsLabel } from '../../src/inputs/checks.ts';
import { applies, type Answers, type InputSpec } from '../../src/inputs/input-spec.ts';
import { list, requiredText } from '../../src/inputs/read-answers.ts';

export const namespaceInputs: InputSpec<FluxAppContext>[] = [
  {
    name: 'name',
    message: 'Namespace name',
    help: 'name: the new namespace (DNS-1123 label)',
    type: 'string',
    required: true,
    validate: (value: string) => dnsLabel(value, 'namespace name'),
  },
  {
    name: 'cluster',
    message: 'Cluster',
    help: 'cluster: the cluster(s) the namespace goes to; default the only one',
    type: 'list',
    when: applies(
      'in a repo with several clusters',
      (_a: Answers, ctx: FluxAppContext) => ctx.clusterNames().length > 1,
    ),
    required: true,
    choices: (ctx) => ctx.clusterNames().map((c) => ({ name: c, value: c })),
  },
];

const fluxNamespaceGenerator: Generator<FluxAppContext> = {
  name: 'namespace',
  description: 'a namespace folder, shaped like the existing ones',
  inputs: namespaceInputs,
  context: (repo) => new FluxAppContext(repo),
  plan(ctx, answers) {
    const name = requiredText(answers, 'name');
    const clusters = list(answers, 'cluster');
    const dirs: string[] = [];
    let existed = 0;
    for (const clusterName of clusters.length ? clusters : [undefined]) {
      const cluster = ctx.cluster(clusterName);
      let exists = ctx.namespaces(cluster).includes(name);
      if (ctx.flat(cluster)) {
        // a flat repo's folders are taken in as they are: a namespace is a folder with its Namespace
        const dir = flatNamespaceDir(ctx, cluster, name);
        exists ||= ctx.repo.tree
          .children(dir)
          .some((f) => ctx.model.reader.objects(`${dir}/${f}`).some((o) => o.kind === 'Namespace'));
        if (exists) existed++;
        if (!exists && !planFlatNamespace(ctx, cluster, name, dir))
          throw new HomeopsError(
            'CONFLICT',
            `the namespace folders under ${posix.dirname(dir)} hold no Namespace file: a namespace there is only the folder of its first app`,
            { field: 'name', fix: `add the app instead: homeops app --namespace=${name} ...` },
          );
        dirs.push(dir);
        continue;
      }
      const inBase = baseNamespaceFile(ctx, cluster, name);
      if (inBase) {
        // an overlay lists it from a base: it is there already
        existed++;
        dirs.push(posix.dirname(inBase));
        continue;
      }
      if (exists) existed++;
      // an overlay of a base's Namespace files: the file in the base, its line in the overlay
      const overlaid = exists ? undefined : planOverlayNamespace(ctx, cluster, name);
      if (overlaid) {
        dirs.push(posix.dirname(overlaid.file));
        continue;
      }
      dirs.push(planFluxNamespace(ctx, cluster, name).unit.dir);
    }
    if (existed === dirs.length)
      return {
        summary: `namespace ${name} already exists in ${dirs.join(', ')}`,
        nextSteps: [],
        warnings: [],
      };
    return {
      summary: `added namespace ${name} in ${dirs.map((d) => `${d}/`).join(', ')}`,
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
  'argocd-apps': async () => (await import('./argocd-apps/namespace.ts')).argoNamespaceGenerator,
});
