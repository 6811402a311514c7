/** Namespaces every cluster (or Argo CD itself) owns: an app never declares one, nor lets Argo CD prune it. */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'default',
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'argocd',
];
