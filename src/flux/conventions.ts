import type { FluxLayout } from '../layouts/layout.ts';
import type { ConventionOverrides } from '../repo/config.ts';
import { mostCommon } from '../repo/most-common.ts';
import { dig, readYamlAll, readYamlData, schemaLine } from '../repo/read-yaml.ts';
import { APP_TEMPLATE_SCHEMA } from './app-template.ts';
import type { FluxRepoIndex } from './repo-index.ts';

export interface GatewayRef {
  name: string;
  namespace: string;
  sectionName: string | null;
}

/** How this repo writes its apps: learned from a sample of its apps, pinned by .homeops.yaml. */
export interface FluxConventions {
  schemas: {
    ks: string | null;
    helmrelease: string | null;
    ocirepository: string | null;
    httproute: string | null;
    externalsecret: string | null;
    kustomization: string | null;
  };
  ks: {
    interval: string;
    sourceRef: { kind: string; name: string; namespace: string };
    targetNamespace: boolean;
    substituteFrom: { name: string; kind: string; optional?: boolean | null }[];
    wait: boolean | null;
    /** The `spec.components` every sampled app carries (a component only some apps use is theirs). */
    components: string[];
  };
  routeIn: 'values' | 'file';
  storageIn: 'values' | 'file';
  storageClass: string | null;
  domain: string;
  gateways: { internal: GatewayRef; external: GatewayRef };
  podUser: number;
  /** The pod seccompProfile type the apps set (RuntimeDefault), or null when they set none. */
  seccompProfile: string | null;
  /** Whether the apps write security settings in flow style: `capabilities: { drop: ["ALL"] }`. */
  flowSecurity: boolean;
  /** Shared chart source (`chartRef.namespace`) instead of one OCIRepository per app. */
  sharedChartSource: { name: string; namespace: string } | null;
}

type Data = Record<string, unknown>;

/** How many apps conventions are learned from: the namespace's own first, then others. */
const SAMPLE_SIZE = 6;

export function learnFluxConventions(
  index: FluxRepoIndex,
  layout: FluxLayout,
  overrides: ConventionOverrides,
  preferNamespace?: string,
): FluxConventions {
  const tree = index.tree;
  const sample = index.sample(preferNamespace, SAMPLE_SIZE);
  const kss: Data[] = [];
  const hrs: Data[] = [];
  let schemaHost: string | null | undefined;
  let hrSchema: string | undefined;
  let kustomizationSchema: string | undefined;
  let routeIn: 'values' | 'file' | undefined;
  let storageIn: 'values' | 'file' | undefined;
  const storageClasses: string[] = [];
  const parentRefs: GatewayRef[] = [];
  const hostnames: string[] = [];
  const seccompProfiles: string[] = [];
  let flowSecurity: boolean | undefined;

  for (const [ns, app] of sample) {
    const ksPath = index.ksPath(ns, app);
    const ksText = tree.read(ksPath);
    const ksSchema = schemaLine(ksText);
    if (schemaHost === undefined)
      schemaHost = ksSchema ? hostOf(ksSchema, 'kustomize.toolkit.fluxcd.io') : null;
    const ks = readYamlData(tree, ksPath);
    if (ks) kss.push(ks);
    const dir = index.appDir(ns, app);
    kustomizationSchema ??= schemaLine(tree.read(`${dir}/kustomization.yaml`));
    for (const hr of readYamlAll(tree, `${dir}/helmrelease.yaml`).filter(
      (d) => d.kind === 'HelmRelease',
    )) {
      hrs.push(hr);
      const text = tree.read(`${dir}/helmrelease.yaml`);
      if (dig(hr, 'spec', 'values', 'controllers') !== undefined) {
        // app-template apps only: other charts write their values their own way
        hrSchema ??= schemaLine(text);
        const seccomp = dig(
          hr,
          'spec',
          'values',
          'defaultPodOptions',
          'securityContext',
          'seccompProfile',
          'type',
        );
        if (typeof seccomp === 'string' && seccomp !== 'Localhost') seccompProfiles.push(seccomp); // Localhost needs a profile of the app's own
        if (/^\s*capabilities:/m.test(text ?? ''))
          flowSecurity ??= /^\s*capabilities: *\{/m.test(text ?? '');
      }
      const route = dig(hr, 'spec', 'values', 'route');
      if (route && typeof route === 'object') {
        routeIn ??= 'values';
        for (const r of Object.values(route)) collectRoute(r, parentRefs, hostnames);
      }
      const persistence = dig(hr, 'spec', 'values', 'persistence');
      for (const p of Object.values((persistence ?? {}) as Record<string, Data>)) {
        if (typeof p?.storageClass === 'string') storageClasses.push(p.storageClass);
        if (p?.size !== undefined) storageIn ??= 'values';
      }
    }
    for (const route of readYamlAll(tree, `${dir}/httproute.yaml`).filter(
      (d) => d.kind === 'HTTPRoute',
    )) {
      routeIn ??= 'file';
      collectRoute(route.spec, parentRefs, hostnames);
    }
    for (const pvc of readYamlAll(tree, `${dir}/pvc.yaml`).filter(
      (d) => d.kind === 'PersistentVolumeClaim',
    )) {
      storageIn ??= 'file';
      const sc = dig(pvc, 'spec', 'storageClassName');
      if (typeof sc === 'string') storageClasses.push(sc);
    }
  }

  // no app to learn from: the layout's own style
  const host =
    overrides.schemaHost !== undefined
      ? overrides.schemaHost
      : schemaHost === undefined
        ? layout.defaults.schemaHost
        : schemaHost;
  const url = (group: string, file: string) => (host ? `${host}/${group}/${file}` : null);
  const firstKs = kss[0];
  const firstHr = hrs.find((hr) => dig(hr, 'spec', 'chartRef') !== undefined);
  const chartRefNs = dig(firstHr, 'spec', 'chartRef', 'namespace');
  const gatewayNamespace =
    overrides.gatewayNamespace ?? mostCommon(parentRefs.map((r) => r.namespace)) ?? 'network';
  const sectionName =
    overrides.gatewaySectionName !== undefined
      ? overrides.gatewaySectionName
      : mostCommon(parentRefs.map((r) => r.sectionName ?? '')) || null;
  const gateway = (kind: 'internal' | 'external', override?: string): GatewayRef => ({
    name: override ?? parentRefs.find((r) => r.name.includes(kind))?.name ?? `envoy-${kind}`,
    namespace: gatewayNamespace,
    sectionName,
  });

  return {
    schemas: {
      ks: url('kustomize.toolkit.fluxcd.io', 'kustomization_v1.json'),
      helmrelease: host ? (onHost(hrSchema, schemaHost, host) ?? APP_TEMPLATE_SCHEMA) : null,
      ocirepository: url('source.toolkit.fluxcd.io', 'ocirepository_v1.json'),
      httproute: url('gateway.networking.k8s.io', 'httproute_v1.json'),
      externalsecret: url('external-secrets.io', 'externalsecret_v1.json'),
      kustomization: host
        ? (kustomizationSchema ?? 'https://json.schemastore.org/kustomization')
        : null,
    },
    ks: {
      interval: str(dig(firstKs, 'spec', 'interval')) ?? '1h',
      sourceRef: {
        kind: str(dig(firstKs, 'spec', 'sourceRef', 'kind')) ?? 'GitRepository',
        name: str(dig(firstKs, 'spec', 'sourceRef', 'name')) ?? 'flux-system',
        namespace: str(dig(firstKs, 'spec', 'sourceRef', 'namespace')) ?? 'flux-system',
      },
      targetNamespace: firstKs ? dig(firstKs, 'spec', 'targetNamespace') !== undefined : true,
      substituteFrom: (firstKs
        ? ((dig(firstKs, 'spec', 'postBuild', 'substituteFrom') as
            FluxConventions['ks']['substituteFrom'] | undefined) ?? [])
        : layout.defaults.substituteFrom
      ).map((from: { name: string; kind: string; optional?: boolean | null }) => ({
        name: from.name,
        kind: from.kind,
        optional: from.optional ?? null,
      })),
      wait: firstKs
        ? ((dig(firstKs, 'spec', 'wait') as boolean | undefined) ?? null)
        : layout.defaults.wait,
      components: sharedByAll(kss.map((ks) => dig(ks, 'spec', 'components'))),
    },
    routeIn: overrides.routeIn ?? routeIn ?? layout.defaults.routeIn,
    storageIn: overrides.storageIn ?? storageIn ?? layout.defaults.storageIn,
    storageClass: overrides.storageClass ?? mostCommon(storageClasses) ?? null,
    domain:
      overrides.domain ??
      mostCommon(hostnames.map(domainOf).filter((d): d is string => !!d)) ??
      '${SECRET_DOMAIN}',
    gateways: {
      internal: gateway('internal', overrides.gatewayInternal),
      external: gateway('external', overrides.gatewayExternal),
    },
    seccompProfile: mostCommon(seccompProfiles) ?? null,
    flowSecurity: flowSecurity ?? false,
    podUser:
      overrides.podUser ??
      (Number(
        dig(
          hrs.find((h) => dig(h, 'spec', 'values', 'defaultPodOptions')),
          'spec',
          'values',
          'defaultPodOptions',
          'securityContext',
          'runAsUser',
        ),
      ) ||
        layout.defaults.podUser),
    sharedChartSource:
      typeof chartRefNs === 'string'
        ? {
            name: str(dig(firstHr, 'spec', 'chartRef', 'name')) ?? 'app-template',
            namespace: chartRefNs,
          }
        : null,
  };
}

/** The strings in every one of these lists, in the first list's order ([] when there are no lists). */
function sharedByAll(lists: unknown[]): string[] {
  const strings = lists.map((list) =>
    Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string') : [],
  );
  return (strings[0] ?? []).filter((item) => strings.every((list) => list.includes(item)));
}

function collectRoute(route: unknown, refs: GatewayRef[], hostnames: string[]): void {
  for (const ref of (dig(route, 'parentRefs') ?? []) as Data[]) {
    if (typeof ref?.name === 'string')
      refs.push({
        name: ref.name,
        namespace: str(ref.namespace) ?? 'network',
        sectionName: str(ref.sectionName) ?? null,
      });
  }
  for (const h of (dig(route, 'hostnames') ?? []) as unknown[])
    if (typeof h === 'string') hostnames.push(h);
}

/** A schema URL the apps take from the learned host, moved to the host .homeops.yaml pins. */
function onHost(
  url: string | undefined,
  learned: string | null | undefined,
  host: string,
): string | undefined {
  return url && learned && url.startsWith(`${learned}/`)
    ? `${host}${url.slice(learned.length)}`
    : url;
}

/** `https://x/kustomize.toolkit.fluxcd.io/kustomization_v1.json` -> `https://x`. */
function hostOf(url: string, group: string): string | null {
  const at = url.indexOf(`/${group}/`);
  return at > 0 ? url.slice(0, at) : null;
}

/** `{{ .Release.Name }}.${SECRET_DOMAIN}` or `echo.${SECRET_DOMAIN}` -> `${SECRET_DOMAIN}`. */
function domainOf(hostname: string): string | undefined {
  const at = hostname.indexOf('.', hostname.startsWith('{{') ? hostname.indexOf('}}') : 0);
  return at >= 0 ? hostname.slice(at + 1) : undefined;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
