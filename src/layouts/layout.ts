/** The five repo layouts of ../shared/seeds; a layout is data, detected from marker files. */
export type LayoutId = 'flux' | 'flux-operator' | 'clustertool' | 'argocd' | 'argocd-mise';

export const LAYOUT_IDS: readonly LayoutId[] = [
  'flux',
  'flux-operator',
  'clustertool',
  'argocd',
  'argocd-mise',
];

/** Where and how a layout keeps its Talos configuration. */
export type TalosLayout =
  | {
      /** talhelper: nodes in talconfig.yaml, patches referenced from it as `@./patches/...`. */
      kind: 'talhelper';
      /** The folder of talconfig.yaml; patch references resolve against it. */
      dir: string;
      /** Where `${VAR}` values and talosVersion may come from (talenv.yaml, clusterenv.yaml). */
      envFile: string;
      /** `folders`: patches/{global,controller,worker,<node>}/x.yaml; `files`: patches/{all,controlplane,worker}.yaml. */
      patchStyle: 'folders' | 'files';
    }
  | {
      /** talosctl + mise: per-node network patches and tasks in .mise.toml. */
      kind: 'talosctl-mise';
      patchesDir: string;
      miseFile: string;
    };

interface LayoutBase {
  id: LayoutId;
  title: string;
  talos: TalosLayout | null;
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
  family: 'clustertool' | 'argocd' | 'argocd-mise';
}

export type Layout = FluxLayout | OtherLayout;

const TALHELPER_FLUX: TalosLayout = {
  kind: 'talhelper',
  dir: 'talos',
  envFile: 'talos/talenv.yaml',
  patchStyle: 'folders',
};

export const LAYOUTS: Record<LayoutId, Layout> = {
  flux: {
    id: 'flux',
    family: 'flux',
    title: 'Flux, cluster-template style',
    appsDir: 'kubernetes/apps',
    componentsDir: 'kubernetes/components',
    talos: TALHELPER_FLUX,
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
    talos: TALHELPER_FLUX,
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
    talos: {
      kind: 'talhelper',
      dir: 'clusters/main/talos',
      envFile: 'clusters/main/clusterenv.yaml',
      patchStyle: 'files',
    },
  },
  argocd: { id: 'argocd', family: 'argocd', title: 'Argo CD app of apps', talos: null },
  'argocd-mise': {
    id: 'argocd-mise',
    family: 'argocd-mise',
    title: 'talosctl + mise + Argo CD',
    talos: { kind: 'talosctl-mise', patchesDir: 'src/talos/patches', miseFile: '.mise.toml' },
  },
};
