import { APPS_DIR } from '../../../src/argocd-mise/apps-index.ts';
import { ArgocdMiseContext } from '../../../src/argocd-mise/argocd-mise-context.ts';
import { ROOT_APP_MISSING, rootAppRecurses } from '../../../src/argocd-mise/root-app.ts';
import type { Generator, PlanResult } from '../../../src/engine/generator.ts';
import { dnsLabel } from '../../../src/inputs/checks.ts';
import type { InputSpec } from '../../../src/inputs/input-spec.ts';
import { render } from '../../../src/render/templates.ts';
import { SYSTEM_NAMESPACES } from '../../../src/repo/system-namespaces.ts';
import { answersOf } from '../../../src/inputs/answers-of.ts';

/**
 * Namespaces of the argocd-mise layout have no folder of their own: an app creates its namespace
 * (CreateNamespace=true, often with k8s/namespace.yaml). A namespace shared by several apps, or
 * one that needs Pod Security labels, is declared once in `src/apps/infrastructure/namespaces/`:
 * the root Application syncs plain manifests under src/apps (as it does cilium-l2/), so the
 * Namespace is applied before and independently of the apps that use it.
 */
export const NAMESPACES_DIR = `${APPS_DIR}/infrastructure/namespaces`;

export type MiseNamespaceAnswers = {
  name: string;
  podSecurity: 'none' | 'privileged' | 'baseline' | 'restricted';
};

const inputs: InputSpec<ArgocdMiseContext>[] = [
  {
    name: 'name',
    message: 'Namespace name',
    help: 'name: the new namespace (DNS-1123 label)',
    type: 'string',
    required: true,
    validate: (value: string) =>
      dnsLabel(value, 'namespace name') ??
      (SYSTEM_NAMESPACES.includes(value)
        ? {
            message: `${value} is a system namespace: declaring it in Git would let Argo CD prune it`,
            fix: 'choose another name',
          }
        : undefined),
  },
  {
    name: 'podSecurity',
    message: 'Pod Security level',
    help: 'podSecurity: none | privileged | baseline | restricted (pod-security.kubernetes.io enforce/audit/warn labels); default none',
    type: 'choice',
    choices: () =>
      ['none', 'privileged', 'baseline', 'restricted'].map((v) => ({ name: v, value: v })),
    default: () => 'none',
  },
];

function planMiseNamespace(ctx: ArgocdMiseContext, a: MiseNamespaceAnswers): PlanResult {
  const file = `${NAMESPACES_DIR}/${a.name}.yaml`;
  const origins = ctx.index.namespaces().get(a.name) ?? [];
  const declared = origins.find((o) => o.how === 'manifest' && o.file !== file);
  if (declared) {
    return {
      summary: `namespace ${a.name} is already declared in ${declared.file}`,
      nextSteps: [],
      warnings:
        a.podSecurity !== 'none'
          ? [`Pod Security labels were not added: edit ${declared.file} yourself`]
          : [],
    };
  }
  ctx.repo.tree.create(
    file,
    render('argocd-mise/namespace/namespace.yaml', {
      namespace: a.name,
      podSecurity: a.podSecurity === 'none' ? null : a.podSecurity,
    }),
    'namespace file',
  );
  const users = [...new Set(origins.filter((o) => o.how === 'createNamespace').map((o) => o.file))];
  const warnings = rootAppRecurses(ctx.index) ? [] : [ROOT_APP_MISSING];
  if (users.length)
    warnings.push(
      `namespace ${a.name} was created by CreateNamespace=true of ${users.join(', ')}; the root Application now owns it (deleting ${file} deletes the namespace and everything in it)`,
    );
  return {
    summary: `namespace ${a.name}: ${file} (synced by the root Application)`,
    nextSteps: [
      `add apps to it: homeops app --namespace=${a.name} ...`,
      'commit and push: the root Application applies the new file by itself',
    ],
    warnings,
  };
}

/** The `namespace` generator for the argocd-mise layout. */
export const argocdMiseNamespaceGenerator: Generator<ArgocdMiseContext> = {
  name: 'namespace',
  description:
    'a Namespace shared by apps, in src/apps/infrastructure/namespaces/ (synced by the root Application)',
  inputs,
  context: (repo) => new ArgocdMiseContext(repo),
  plan: (ctx, answers) =>
    planMiseNamespace(ctx, answersOf<MiseNamespaceAnswers, typeof ctx>(answers, inputs, ctx)),
};
