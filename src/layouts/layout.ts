/** The five repo layouts of ../shared/seeds; a layout is data, detected from marker files. */
export type LayoutId = 'flux' | 'flux-operator' | 'clustertool' | 'argocd' | 'argocd-mise';

export const LAYOUT_IDS: readonly LayoutId[] = ['flux', 'flux-operator', 'clustertool', 'argocd', 'argocd-mise'];

export interface Layout {
  id: LayoutId;
  title: string;
  /** Where namespaces (flux) or layers (clustertool) live, repo-relative. */
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
  };
}

export const FLUX: Layout = {
  id: 'flux',
  title: 'Flux, cluster-template style (seed 000)',
  appsDir: 'kubernetes/apps',
  componentsDir: 'kubernetes/components',
  defaults: {
    routeIn: 'values',
    storageIn: 'values',
    namespaceResourceName: 'real',
    substituteFrom: [{ name: 'cluster-secrets', kind: 'Secret' }],
    wait: false,
    podUser: 65534,
  },
};

export const FLUX_OPERATOR: Layout = {
  id: 'flux-operator',
  title: 'Flux Operator, home-operations style (seed 002)',
  appsDir: 'kubernetes/apps',
  componentsDir: 'kubernetes/components',
  defaults: {
    routeIn: 'file',
    storageIn: 'file',
    namespaceResourceName: '_',
    substituteFrom: [],
    wait: false,
    podUser: 1000,
  },
};

export const LAYOUTS: Partial<Record<LayoutId, Layout>> = { flux: FLUX, 'flux-operator': FLUX_OPERATOR };
