/** The repo layouts: the five seed shapes of ../shared/seeds, and Argo CD repos read from their objects. */
export type LayoutId =
  'flux' | 'flux-operator' | 'clustertool' | 'argocd' | 'argocd-mise' | 'argocd-apps';

export const LAYOUT_IDS: readonly LayoutId[] = [
  'flux',
  'flux-operator',
  'clustertool',
  'argocd',
  'argocd-mise',
  'argocd-apps',
];

interface LayoutBase {
  id: LayoutId;
  title: string;
}

export interface FluxLayout extends LayoutBase {
  family: 'flux';
  /** Where namespaces live, repo-relative. */
  appsDir: string;
  componentsDir: string;
  /** Defaults used when the repo has no app to learn a convention from. */
  defaults: {
    routeIn: 'values' | 'file';
    storageIn: 'values' | 'file';
    /** `_` (renamed by the kustomization's `namespace:`) or the namespace's real name. */
    namespaceResourceName: 'real' | '_';
    substituteFrom: { name: string; kind: string }[];
    wait: boolean | null;
    podUser: number;
    /** Host of the `# yaml-language-server: $schema=` lines, or null for none. */
    schemaHost: string | null;
  };
}

export interface OtherLayout extends LayoutBase {
  family: 'clustertool' | 'argocd' | 'argocd-mise' | 'argocd-apps';
}

export type Layout = FluxLayout | OtherLayout;

export const LAYOUTS: Record<LayoutId, Layout> = {
  flux: {
    id: 'flux',
    family: 'flux',
    title: 'Flux, cluster-template style',
    appsDir: 'kubernetes/apps',
    componentsDir: 'kubernetes/components',
    defaults: {
      routeIn: 'values',
      storageIn: 'values',
      namespaceResourceName: 'real',
      substituteFrom: [{ name: 'cluster-secrets', kind: 'Secret' }],
      wait: false,
      podUser: 65534,
      schemaHost: null,
    },
  },
  'flux-operator': {
    id: 'flux-operator',
    family: 'flux',
    title: 'Flux Operator, home-operations style',
    appsDir: 'kubernetes/apps',
    componentsDir: 'kubernetes/components',
    defaults: {
      routeIn: 'file',
      storageIn: 'file',
      namespaceResourceName: '_',
      substituteFrom: [],
      wait: false,
      podUser: 1000,
      schemaHost: 'https://kubernetes-schemas.pages.dev',
    },
  },
  clustertool: {
    id: 'clustertool',
    family: 'clustertool',
    title: 'TrueCharts ClusterTool',
  },
  argocd: { id: 'argocd', family: 'argocd', title: 'Argo CD app of apps' },
  'argocd-mise': {
    id: 'argocd-mise',
    family: 'argocd-mise',
    title: 'talosctl + mise + Argo CD',
  },
  'argocd-apps': {
    id: 'argocd-apps',
    family: 'argocd-apps',
    title: 'Argo CD, read from its Applications and ApplicationSets',
  },
};
