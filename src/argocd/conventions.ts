import { HomeopsError } from '../errors.ts';
import type { ConventionOverrides } from '../repo/config.ts';
import { learnGateway, type GatewayName } from '../repo/learn-gateway.ts';
import { mostCommon } from '../repo/most-common.ts';
import { dig, readYamlAll, readYamlData } from '../repo/read-yaml.ts';
import type { ArgocdIndex } from './argocd-index.ts';

/**
 * How this repo writes its Applications and manifests, learned from its own files. `.homeops.yaml`
 * pins `podUser`, `storageClass`, `gatewayInternal` / `gatewayNamespace` (the one Gateway) and
 * `domain` (the hostname); its other conventions have no meaning in this layout.
 */
export interface ArgocdConventions {
  /** This Git repo, as the Applications name it (git sources: `path` or `ref`). */
  repoURL: string;
  /** The branch the git sources track. */
  targetRevision: string;
  server: string;
  /** The Gateway routes attach to. */
  gateway: GatewayName | null;
  /** The hostname most routes use (the one the tunnel serves), or the `domain` of .homeops.yaml. */
  hostname: string | null;
  podUser: number;
  /** The StorageClass of new PVCs: only .homeops.yaml sets one (none: the cluster default). */
  storageClass: string | null;
}

const DEFAULT_SERVER = 'https://kubernetes.default.svc';
const DEFAULT_POD_USER = 65532;

export function learnArgocdConventions(
  index: ArgocdIndex,
  overrides: ConventionOverrides,
): ArgocdConventions {
  const apps = index.applications();
  const root = readYamlData(index.tree, index.paths.rootApp);
  const gitSources = apps
    .flatMap((a) => a.sources)
    .filter((s) => !s.chart && (s.path !== undefined || s.ref !== undefined));
  const rootSource = dig(root, 'spec', 'source') as
    { repoURL?: string; targetRevision?: string } | undefined;
  const repoURL = mostCommon(gitSources.map((s) => s.repoURL)) ?? rootSource?.repoURL;
  if (!repoURL) {
    throw new HomeopsError(
      'LAYOUT',
      `cannot tell this repo's Git URL: no Application in ${index.paths.appsDir} (nor ${index.paths.rootApp}) has a git source`,
      {
        file: index.paths.rootApp,
        fix: `add the root Application ${index.paths.rootApp} (its spec.source.repoURL names the repo), then run this again`,
      },
    );
  }
  const routes = index.routes();
  const parents = routes.flatMap((r) =>
    r.parentRefs.map((p) => ({ name: p.name, namespace: p.namespace ?? r.namespace })),
  );
  const gateway = learnGateway(
    parents.filter((p): p is GatewayName => !!p.namespace),
    overrides,
  );
  return {
    repoURL,
    targetRevision:
      mostCommon(gitSources.map((s) => s.targetRevision)) ?? rootSource?.targetRevision ?? 'main',
    server: mostCommon(apps.map((a) => a.server)) ?? DEFAULT_SERVER,
    gateway: gateway ?? null,
    hostname: overrides.domain ?? mostCommon(routes.flatMap((r) => r.hostnames)) ?? null,
    podUser: overrides.podUser ?? learnPodUser(index) ?? DEFAULT_POD_USER,
    storageClass: overrides.storageClass ?? null,
  };
}

/** The pod runAsUser of the repo's Deployments, if any sets one. */
function learnPodUser(index: ArgocdIndex): number | undefined {
  const users: number[] = [];
  for (const file of index.tree.yamlFilesUnder(index.paths.manifestsDir)) {
    if (!file.endsWith('deployment.yaml')) continue;
    for (const doc of readYamlAll(index.tree, file)) {
      const user = dig(doc, 'spec', 'template', 'spec', 'securityContext', 'runAsUser');
      if (typeof user === 'number') users.push(user);
    }
  }
  return mostCommon(users);
}
