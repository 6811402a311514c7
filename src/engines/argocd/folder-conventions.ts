import { posix } from 'node:path';
import { majorityOf } from '../../learn/majority.ts';
import { abstractText } from '../../learn/vocabulary.ts';
import type { FileRole } from '../../repo/graph/app-files.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import { hasChartIngress } from '../../repo/ingress-classes.ts';
import { toData } from '../../learn/tree.ts';
import type { ArgoExample } from './examples.ts';

/** How an Argo CD app folder is laid out, as most of its siblings lay theirs out (abstract names). */
export interface ArgoFolderConventions {
  /** File names by role (`⟪app⟫-route.yaml`, `httproute.yaml`). */
  files: Partial<Record<FileRole, string>>;
  kustomization: boolean;
  resourcePrefix: string;
  resourceOrders: string[][];
  /** Chart values in a file beside the kustomization (its name), or inline. */
  values: { kind: 'file'; file: string } | { kind: 'inline' };
  namespaceFile: boolean;
  routeIn: 'values' | 'file';
  /** How the routed siblings are reached: Gateway API routes, Traefik IngressRoutes, or the chart's `ingress:` values. */
  exposure: 'gateway' | 'ingressroute' | 'ingress';
  storageIn: 'values' | 'file';
  /** Whether the siblings' readiness probes are aliases of their liveness probes. */
  probesAliased: boolean;
  /** What the siblings call the volume of their claim (`data`, `config`), if they agree. */
  volumeName: string | undefined;
  /** The claim an app with storage has, abstract (`⟪app⟫-data`). */
  claimName: string;
  /**
   * Most siblings with storage take their claim from a component of the repo (a backup
   * component making `⟪app⟫-config` from its generator values): the chart names it, no file makes it.
   */
  claimFromComponent: boolean;
  /** Most siblings are umbrella charts of their chart (Chart.yaml, values.yaml, templates/). */
  umbrella: boolean;
  /** The chart most siblings inflate: `oci://…/app-template` or none (plain manifests). */
  chart: { url: string; version: string | undefined } | undefined;
}

const half = (having: number, of: number) => of > 0 && having * 2 > of;

export function learnArgoConventions(examples: readonly ArgoExample[]): ArgoFolderConventions {
  const abs = (e: ArgoExample, text: string) => abstractText(text, e.vocab);
  const files: Partial<Record<FileRole, string>> = {};
  for (const role of new Set(examples.flatMap((e) => e.docs.map((d) => d.role)))) {
    const having = examples.filter((e) => e.docs.some((d) => d.role === role));
    const name = majorityOf(having, (e) => {
      const doc = e.docs.find((d) => d.role === role);
      return doc ? abs(e, posix.relative(e.dir, doc.file)) : '';
    });
    if (name) files[role] = name;
  }
  const lists = examples.flatMap((e) => {
    const k = e.docs.find((d) => d.role === 'kustomization');
    const list = dig(k?.object?.data, 'resources');
    return Array.isArray(list)
      ? [list.filter((x): x is string => typeof x === 'string').map((x) => abs(e, x))]
      : [];
  });
  const listed = lists.flat();
  const resourcePrefix = half(listed.filter((r) => r.startsWith('./')).length, listed.length)
    ? './'
    : '';
  const charted = examples.filter((e) => e.chart);
  const appTemplate = charted.filter((e) => e.features.appTemplate);
  const valuesFrom = appTemplate.length ? appTemplate : charted;
  const inline = valuesFrom.filter((e) => e.chart?.inline).length;
  const valuesFile =
    majorityOf(
      valuesFrom.filter((e) => e.chart?.valuesFile),
      (e) => abs(e, e.chart?.valuesFile ?? ''),
    ) ?? 'values.yaml';
  const routed = examples.filter((e) => e.features.route);
  const stored = examples.filter((e) => e.features.storage);
  const chart = majorityOf(charted, (e) => chartUrl(e));
  const claims = stored.flatMap((e) => {
    const claim = e.docs.find((d) => d.role === 'claim')?.object?.name;
    return claim ? [abs(e, claim)] : [];
  });
  const componentClaimOf = (e: ArgoExample): string[] => {
    const kustomization = e.docs.find((d) => d.role === 'kustomization')?.object?.data;
    if (e.docs.some((d) => d.role === 'claim') || !Array.isArray(dig(kustomization, 'components')))
      return [];
    const values = e.values ? toData(e.values.root) : undefined;
    const persistence = Object.values(
      (dig(values, 'persistence') ?? {}) as Record<string, unknown>,
    );
    const claim = persistence.map((p) => str(dig(p, 'existingClaim'))).find(Boolean);
    return claim ? [abs(e, claim)] : [];
  };
  const componentClaims = stored.flatMap(componentClaimOf);
  const claimFromComponent = componentClaims.length * 2 > stored.length;
  // the group's own siblings first, as the component's generator values are learned (CLAIM_NAME)
  const localClaims = stored.filter((e) => e.local).flatMap(componentClaimOf);
  const componentClaim =
    majorityOf(localClaims, (c) => c, true) ?? majorityOf(componentClaims, (c) => c);
  const volumes = stored.flatMap((e) => {
    const values = e.values ? toData(e.values.root) : undefined;
    const persistence = (dig(values, 'persistence') ?? {}) as Record<string, unknown>;
    const fromValues = Object.entries(persistence)
      .filter(([, p]) => dig(p, 'existingClaim') !== undefined || dig(p, 'size') !== undefined)
      .map(([k]) => k);
    const deployment = e.docs.find((d) => d.role === 'other:Deployment')?.object;
    const list = dig(deployment?.data, 'spec', 'template', 'spec', 'volumes');
    const fromManifests = (Array.isArray(list) ? list : [])
      .filter((v) => dig(v, 'persistentVolumeClaim') !== undefined)
      .flatMap((v) => (typeof dig(v, 'name') === 'string' ? [String(dig(v, 'name'))] : []));
    return [...fromValues, ...fromManifests].slice(0, 1);
  });
  const probes = appTemplate.flatMap((e) => {
    const text = JSON.stringify(e.values?.root ?? {});
    return text.includes('"readiness"') ? [/"readiness"[^{]*\{"kind":"alias"/.test(text)] : [];
  });
  return {
    files,
    probesAliased: probes.length === 0 || probes.filter(Boolean).length * 2 >= probes.length,
    volumeName: majorityOf(volumes, (v) => v, true),
    claimName: (claimFromComponent ? componentClaim : majorityOf(claims, (c) => c)) ?? '⟪app⟫',
    claimFromComponent,
    kustomization: half(
      examples.filter((e) => e.docs.some((d) => d.role === 'kustomization')).length,
      examples.length,
    ),
    resourcePrefix,
    umbrella: half(examples.filter((e) => e.umbrella).length, examples.length),
    resourceOrders: lists.map((l) => l.map((x) => x.replace(/^\.\//, ''))),
    values: half(inline, valuesFrom.length)
      ? { kind: 'inline' }
      : { kind: 'file', file: valuesFile },
    namespaceFile: half(
      examples.filter((e) => e.docs.some((d) => d.role === 'namespace')).length,
      examples.length,
    ),
    exposure:
      routed.filter((e) => e.docs.some((d) => d.role === 'other:IngressRoute')).length * 2 >
      routed.length
        ? 'ingressroute'
        : half(routed.filter(ingressInValues).length, routed.length)
          ? 'ingress'
          : 'gateway',
    routeIn:
      routed.filter((e) => e.docs.some((d) => d.role === 'route')).length * 2 >= routed.length
        ? 'file'
        : 'values',
    storageIn:
      stored.filter((e) => e.docs.some((d) => d.role === 'claim')).length * 2 > stored.length
        ? 'file'
        : 'values',
    chart:
      half(charted.length, examples.length) && chart
        ? {
            url: chart,
            version: majorityOf(
              charted.filter((e) => chartUrl(e) === chart && e.chart?.version),
              (e) => e.chart?.version ?? '',
            ),
          }
        : undefined,
  };
}

/** Whether an app is reached through its chart's `ingress:` values (and no route file). */
function ingressInValues(e: ArgoExample): boolean {
  return (
    !e.docs.some((d) => d.role === 'route') &&
    hasChartIngress(e.values ? toData(e.values.root) : undefined)
  );
}

/** `oci://ghcr.io/bjw-s-labs/helm` + `app-template` -> the chart's OCI URL; a Helm repo's `<url>/<chart>`. */
export function chartUrl(e: Pick<ArgoExample, 'chart'>): string {
  const repo = (e.chart?.repo ?? '').replace(/\/+$/, '');
  // Argo CD names an OCI registry without its scheme (`ghcr.io/bjw-s-labs/helm`)
  const url = repo.includes('://') ? repo : `oci://${repo}`;
  return `${url}/${e.chart?.name ?? ''}`;
}
