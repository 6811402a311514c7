import type { Generator } from '../../../src/engine/generator.ts';
import { ArgoAppContext } from '../../../src/engines/argocd/argo-app-context.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { dnsLabel } from '../../../src/inputs/checks.ts';
import type { InputSpec } from '../../../src/inputs/input-spec.ts';
import { requiredText } from '../../../src/inputs/read-answers.ts';
import * as appNamespaces from '../../../src/engines/argocd/app-namespaces.ts';

const inputs: InputSpec<ArgoAppContext>[] = [
  {
    name: 'name',
    message: 'Namespace name',
    help: 'name: the namespace (DNS-1123 label)',
    type: 'string',
    required: true,
    validate: (value: string) => dnsLabel(value, 'namespace name'),
  },
];

/** How a namespace comes to be in this repo: with its first app, one way or another. */
function howNamespacesCome(ctx: ArgoAppContext): string {
  const slot = ctx.slots.find((s) => s.folders.length > 0) ?? ctx.slots[0];
  if (ctx.mode === 'app-of-apps' || !slot)
    return 'each Application names its namespace (spec.destination.namespace)';
  const from = slot.namespaceFrom;
  const set = `ApplicationSet ${slot.appSet.name} (${slot.appSet.object.file})`;
  const created = slot.appSet.syncOptions.includes('CreateNamespace=true')
    ? `; Argo CD creates it when the first app syncs (CreateNamespace=true in ${set})`
    : '';
  const withFiles = ctx
    .examples(undefined)
    .filter((e) => e.docs.some((d) => d.role === 'namespace'));
  const own = withFiles.length > 0 ? '; each app folder holds its own Namespace' : '';
  if (from.kind === 'segment')
    return `a namespace is a folder level of ${slot.pattern} in ${set}${created}${own}`;
  if (from.kind === 'config')
    return `a namespace is the ${from.key} key of an app's ${slot.config?.name ?? 'config'}${created}${own}`;
  if (from.kind === 'app')
    return `${set} runs each app in a namespace of its own name${created}${own}`;
  return `${set} decides the namespace of its apps${created}${own}`;
}

/**
 * `homeops namespace` in an Argo CD repo read from its objects: namespaces come with their apps
 * here, so an existing one is reported and a new one is refused with how to get it (its first app).
 */
export const argoNamespaceGenerator: Generator<ArgoAppContext> = {
  name: 'namespace',
  description: 'a namespace: in these repos it comes with its first app (said, not written)',
  inputs,
  context: (repo) => new ArgoAppContext(repo),
  plan(ctx, answers) {
    const name = requiredText(answers, 'name');
    const known = new Set([
      ...appNamespaces.namespaces(ctx),
      ...ctx.examples(undefined).flatMap((e) => e.vocab.ns ?? []),
      ...ctx.entries().flatMap((e) => e.app.namespace ?? []),
    ]);
    if (known.has(name))
      return {
        summary: `namespace ${name} already exists (its apps run there)`,
        nextSteps: [],
        warnings: [],
      };
    const named = ctx.mode === 'appset' && ctx.slots.every((s) => s.namespaceFrom.kind === 'app');
    throw new HomeopsError(
      'CONFLICT',
      `there is no namespace file to write in this repo: ${howNamespacesCome(ctx)}`,
      {
        field: 'name',
        fix: named
          ? `add the app of that name instead: homeops app --name=${name} ...`
          : `add its first app instead: homeops app --namespace=${name} ...`,
      },
    );
  },
};
