import { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import type { Generator } from '../../../src/engine/generator.ts';
import { dnsLabel } from '../../../src/inputs/checks.ts';
import type { InputSpec } from '../../../src/inputs/input-spec.ts';
import { planArgocdNamespace, type ArgocdNamespaceAnswers } from './plan-argocd-namespace.ts';
import { answersOf } from '../../../src/inputs/answers-of.ts';

const inputs: InputSpec<ArgocdContext>[] = [
  {
    name: 'name',
    message: 'Namespace name',
    help: 'name: the new namespace (DNS-1123 label)',
    type: 'string',
    required: true,
    validate: (v: string) => dnsLabel(v, 'namespace name'),
  },
  {
    name: 'podSecurity',
    message: 'Pod Security level',
    help: 'podSecurity: restricted | baseline | privileged (the pod-security.kubernetes.io/enforce label); default restricted',
    type: 'choice',
    choices: () => ['restricted', 'baseline', 'privileged'].map((v) => ({ name: v, value: v })),
    default: () => 'restricted',
  },
];

/**
 * `homeops namespace` in an Argo CD app-of-apps repo. Argo CD creates a plain namespace by itself
 * (CreateNamespace=true), so this is for a namespace with its own labels (Pod Security), the way
 * the repo does it (metallb-config, whoami): a Namespace in manifests/<name>/namespace.yaml and
 * the Application that syncs that folder. `homeops app --name=<name>` later fills the same folder.
 */
export const argocdNamespaceGenerator: Generator<ArgocdContext> = {
  name: 'namespace',
  description:
    'a namespace with Pod Security labels: manifests/<name>/namespace.yaml and its Application',
  inputs,
  context: (repo) => new ArgocdContext(repo),
  plan: (ctx, answers) =>
    planArgocdNamespace(ctx, answersOf<ArgocdNamespaceAnswers, typeof ctx>(answers, inputs, ctx)),
};
