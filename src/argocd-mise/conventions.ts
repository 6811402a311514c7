import type { ConventionOverrides } from '../repo/config.ts';
import { learnGateway, type GatewayName } from '../repo/learn-gateway.ts';
import { mostCommon } from '../repo/most-common.ts';
import { dig, sourcesOf, str, type MiseAppsIndex } from './apps-index.ts';

/** What new files copy from the repo's own apps. */
export interface MiseConventions {
  /** The Git repo the Applications sync from (`source.repoURL` of the path sources). */
  gitRepoURL: string | undefined;
  /** Where Application objects live (`metadata.namespace`). */
  argocdNamespace: string;
  project: string;
  destinationServer: string;
  /** The Gateway the apps' HTTPRoutes attach to. */
  gateway: GatewayName | undefined;
  /** The part of route hostnames after the app name (`internal` in `mealie.internal`). */
  hostSuffix: string;
  storageClass: string | undefined;
  /** The 1Password vault of the repo's OnePasswordItems. */
  vault: string | undefined;
  /** `onepassword-items.yaml` or `onepassword-item.yaml`, as the repo names them. */
  onePasswordFile: string;
}

export function learnMiseConventions(
  index: MiseAppsIndex,
  overrides: ConventionOverrides,
): MiseConventions {
  const applications = index.applications().map((a) => a.doc);
  const gitSources = applications.flatMap(sourcesOf).filter((s) => typeof s.path === 'string');
  const routes = index.documents('HTTPRoute').map((r) => r.doc);
  const parents = routes
    .map((r) => dig(r, 'spec', 'parentRefs', 0))
    .filter((p): p is Record<string, unknown> => p !== null && typeof p === 'object');
  const gatewayDoc = index.documents('Gateway')[0]?.doc;
  const gatewayDocName = str(dig(gatewayDoc, 'metadata', 'name'));
  const gateway = learnGateway(
    parents.flatMap((p) =>
      str(p.name) ? [{ name: String(p.name), namespace: str(p.namespace) ?? '' }] : [],
    ),
    overrides,
    gatewayDocName
      ? {
          name: gatewayDocName,
          namespace: str(dig(gatewayDoc, 'metadata', 'namespace')) ?? 'default',
        }
      : undefined,
  );
  const hostnames = routes.flatMap((r) =>
    Array.isArray(dig(r, 'spec', 'hostnames')) ? (dig(r, 'spec', 'hostnames') as unknown[]) : [],
  );
  const suffixes = hostnames.map((h) =>
    typeof h === 'string' && h.includes('.') ? h.slice(h.indexOf('.') + 1) : undefined,
  );
  const claims = index
    .documents('PersistentVolumeClaim')
    .map((c) => str(dig(c.doc, 'spec', 'storageClassName')));
  const items = index.documents('OnePasswordItem');
  const vaults = items.map(
    (i) => str(dig(i.doc, 'spec', 'itemPath'))?.match(/^vaults\/([^/]+)\/items\//)?.[1],
  );
  const itemFiles = items.map((i) => i.file.slice(i.file.lastIndexOf('/') + 1));
  return {
    gitRepoURL: mostCommon(gitSources.map((s) => str(s.repoURL))),
    argocdNamespace:
      mostCommon(applications.map((a) => str(dig(a, 'metadata', 'namespace')))) ?? 'argocd',
    project: mostCommon(applications.map((a) => str(dig(a, 'spec', 'project')))) ?? 'default',
    destinationServer:
      mostCommon(applications.map((a) => str(dig(a, 'spec', 'destination', 'server')))) ??
      'https://kubernetes.default.svc',
    gateway,
    hostSuffix: mostCommon(suffixes) ?? 'internal',
    storageClass: overrides.storageClass ?? mostCommon(claims),
    vault: mostCommon(vaults),
    onePasswordFile:
      mostCommon(
        itemFiles.filter((f) => f === 'onepassword-item.yaml' || f === 'onepassword-items.yaml'),
      ) ?? 'onepassword-items.yaml',
  };
}
