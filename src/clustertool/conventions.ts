import type { ConventionOverrides } from '../repo/config.ts';
import { mostCommon } from '../repo/most-common.ts';
import { dig, readYamlAll, readYamlData, schemaLine } from '../repo/read-yaml.ts';
import type { ClustertoolRepoIndex } from './repo-index.ts';

/** How this ClusterTool repo writes its apps: learned from its apps, pinned by .homeops.yaml. */
export interface ClustertoolConventions {
  schemas: {
    ks: string | null;
    helmrelease: string | null;
    kustomization: string | null;
    namespace: string | null;
    helmrepository: string | null;
    externalsecret: string | null;
  };
  ks: {
    namespace: string;
    interval: string;
    sourceRef: { kind: string; name: string; namespace: string | null };
    wait: boolean | null;
  };
  helmRelease: { interval: string; timeout: string; maxHistory: number; retries: number };
  /** `${DOMAIN_0}`: the domain part of the repo's ingress hosts. */
  domain: string;
  /** Ingress class names the repo's apps use or its ingress controllers define. */
  ingressClasses: string[];
  /** cert-manager issuer of TrueCharts `ingress.*.integrations.certManager`. */
  certificateIssuer: string | null;
  /** TrueCharts `TZ` the repo's apps set. */
  timezone: string | null;
  storageClass: string | null;
  /** The HelmRepository most apps use. */
  repository: string | null;
}

type Data = Record<string, unknown>;

export function learnClustertoolConventions(
  index: ClustertoolRepoIndex,
  overrides: ConventionOverrides,
  preferLayer?: string,
): ClustertoolConventions {
  const tree = index.tree;
  const schemas = {
    ks: undefined as string | undefined,
    helmrelease: undefined as string | undefined,
    kustomization: undefined as string | undefined,
    namespace: undefined as string | undefined,
  };
  const kss: Data[] = [];
  const hrs: Data[] = [];
  for (const [layer, app] of index.allApps(preferLayer)) {
    const dir = index.appDir(layer, app);
    schemas.ks ??= schemaLine(tree.read(index.ksPath(layer, app)));
    schemas.helmrelease ??= schemaLine(tree.read(`${dir}/helm-release.yaml`));
    schemas.kustomization ??= schemaLine(tree.read(`${dir}/kustomization.yaml`));
    schemas.namespace ??= schemaLine(tree.read(`${dir}/namespace.yaml`));
    const ks = readYamlData(tree, index.ksPath(layer, app));
    if (ks) kss.push(ks);
    hrs.push(
      ...readYamlAll(tree, `${dir}/helm-release.yaml`).filter((d) => d.kind === 'HelmRelease'),
    );
  }
  const repoFile = index.helmRepositories()[0]?.file;
  const helmrepository = repoFile ? schemaLine(tree.read(repoFile)) : undefined;

  const hosts: string[] = [];
  const classes: string[] = [];
  const issuers: string[] = [];
  const zones: string[] = [];
  const storageClasses: string[] = [];
  for (const hr of hrs) {
    const values = dig(hr, 'spec', 'values') as Data | undefined;
    for (const ingress of Object.values((dig(values, 'ingress') ?? {}) as Record<string, Data>)) {
      for (const h of (dig(ingress, 'hosts') ?? []) as Data[])
        if (typeof h?.host === 'string') hosts.push(h.host);
      const cls = dig(ingress, 'ingressClassName') ?? dig(ingress, 'className');
      if (typeof cls === 'string') classes.push(cls);
      const issuer = dig(ingress, 'integrations', 'certManager', 'certificateIssuer');
      if (typeof issuer === 'string') issuers.push(issuer);
    }
    const defined = dig(values, 'controller', 'ingressClassResource', 'name');
    if (typeof defined === 'string') classes.push(defined);
    if (typeof values?.TZ === 'string') zones.push(values.TZ);
    for (const p of Object.values((dig(values, 'persistence') ?? {}) as Record<string, Data>))
      if (typeof p?.storageClass === 'string') storageClasses.push(p.storageClass);
  }

  const host = overrides.schemaHost;
  const ksSchema =
    host !== undefined
      ? host
        ? `${host}/kustomize.toolkit.fluxcd.io/kustomization_v1.json`
        : null
      : (schemas.ks ?? null);
  const schemaHost = ksSchema
    ? ksSchema.slice(0, Math.max(0, ksSchema.indexOf('/kustomize.toolkit.fluxcd.io/'))) || null
    : null;
  const firstKs = kss[0];
  const firstHr = hrs[0];
  const sourceNs = dig(firstKs, 'spec', 'sourceRef', 'namespace');
  const wait = dig(firstKs, 'spec', 'wait');
  return {
    schemas: {
      ks: ksSchema,
      helmrelease:
        host === null
          ? null
          : (schemas.helmrelease ??
            (schemaHost ? `${schemaHost}/helm.toolkit.fluxcd.io/helmrelease_v2.json` : null)),
      kustomization: host === null ? null : (schemas.kustomization ?? null),
      namespace: host === null ? null : (schemas.namespace ?? null),
      helmrepository:
        host === null
          ? null
          : (helmrepository ??
            (schemaHost ? `${schemaHost}/source.toolkit.fluxcd.io/helmrepository_v1.json` : null)),
      externalsecret: schemaHost
        ? `${schemaHost}/external-secrets.io/externalsecret_v1.json`
        : null,
    },
    ks: {
      namespace: str(dig(firstKs, 'metadata', 'namespace')) ?? 'flux-system',
      interval: str(dig(firstKs, 'spec', 'interval')) ?? '10m',
      sourceRef: {
        kind: str(dig(firstKs, 'spec', 'sourceRef', 'kind')) ?? 'GitRepository',
        name: str(dig(firstKs, 'spec', 'sourceRef', 'name')) ?? 'cluster',
        namespace: str(sourceNs) ?? null,
      },
      wait: firstKs ? (typeof wait === 'boolean' ? wait : null) : true,
    },
    helmRelease: {
      interval: str(dig(firstHr, 'spec', 'interval')) ?? '15m',
      timeout: str(dig(firstHr, 'spec', 'timeout')) ?? '20m',
      maxHistory: num(dig(firstHr, 'spec', 'maxHistory')) ?? 3,
      retries: num(dig(firstHr, 'spec', 'install', 'remediation', 'retries')) ?? 3,
    },
    domain:
      overrides.domain ??
      mostCommon(hosts.map(domainOf).filter((d): d is string => !!d)) ??
      '${DOMAIN_0}',
    ingressClasses: [...new Set(classes)].sort(),
    certificateIssuer: mostCommon(issuers) ?? null,
    timezone: mostCommon(zones) ?? null,
    storageClass: overrides.storageClass ?? mostCommon(storageClasses) ?? null,
    repository: mostCommon(index.chartUses().map((u) => u.repository)) ?? null,
  };
}

/** `plex.${DOMAIN_0}` -> `${DOMAIN_0}`. */
function domainOf(hostname: string): string | undefined {
  const at = hostname.indexOf('.');
  return at >= 0 ? hostname.slice(at + 1) : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);
