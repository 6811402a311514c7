import { HomeopsError } from '../../errors.ts';
import { fillText, type Vocabulary } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import type { GatewayRef } from '../../repo/gateways.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { secretNameFor } from '../../secrets/secret-name.ts';
import type { ArgoExample } from './examples.ts';
import type { ArgoFolderConventions } from './folder-conventions.ts';
import { dig } from '../../repo/graph/objects.ts';
import { majorityOf } from '../../learn/majority.ts';
import * as ways from './ways-in.ts';

/** What the Argo CD app templates are rendered from. */
export interface ArgoView {
  app: string;
  namespace: string;
  schemas: Record<'kustomization' | 'values' | 'httproute', null>;
  chart: { name: string; repo: string; version: string; valuesFile: string | null } | null;
  /** The folder is an umbrella chart of the chart (Chart.yaml, values.yaml, templates/), as the siblings are. */
  umbrella: boolean;
  appTemplate: boolean;
  image: string | { repository: string; tag: string } | null;
  port: number | null;
  /** The readiness probe an alias of the liveness one (`*probes`), as most siblings write it. */
  probe: { path: string | null; aliased: boolean };
  envFrom: string[];
  route: {
    hostname: string;
    gateway: GatewayRef | null;
    entryPoints: string[];
    match: string;
    port: number;
    /** The ingress class of a chart ingress. */
    className: string | null;
  } | null;
  routeInValues: boolean;
  /** The route is the chart's `ingress:` values (the siblings' way), to an ingress class. */
  ingressInValues: boolean;
  /** The route is a Traefik IngressRoute (the siblings' way), not an HTTPRoute. */
  ingressRoute: boolean;
  /** The route is a Tailscale LoadBalancer Service (to the tailnet). */
  tailscale: boolean;
  storage: {
    size: string;
    storageClass: string | null;
    mountPath: string;
    inValues: boolean;
    /** The claim comes from a component the kustomization takes: no claim file is written. */
    fromComponent: boolean;
    claimName: string;
    /** The volume's name: the persistence key, or the Deployment's volume. */
    volume: string;
  } | null;
  recreate: boolean;
  namespaceFile: boolean;
  resources: string[];
}

/**
 * A chart as the user names it: `oci://ghcr.io/bjw-s-labs/helm/app-template` (repo
 * `oci://ghcr.io/bjw-s-labs/helm`, chart `app-template`), a Helm repository and its chart
 * (`https://bjw-s-labs.github.io/helm-charts app-template`, or joined by `/`).
 */
export function splitChart(text: string): { repo: string; name: string } {
  const [repo, name] = text.trim().split(/\s+/);
  if (repo && name) return { repo: repo.replace(/\/+$/, ''), name };
  const at = text.lastIndexOf('/');
  return { repo: text.slice(0, at), name: text.slice(at + 1) };
}

/** The chart's name is app-template (from its OCI registry or its Helm repository). */
export const isAppTemplateChart = (text: string | undefined): boolean =>
  text !== undefined && text !== 'none' && splitChart(text).name === 'app-template';

/** One spelling of a chart, to compare: `<repo>/<chart>`. */
export const chartKey = (text: string): string => {
  const { repo, name } = splitChart(text);
  return `${repo.includes('://') ? repo : `oci://${repo}`}/${name}`;
};

export function argoView(
  ctx: ArgoAppContext,
  spec: AppSpec,
  vocab: Vocabulary,
  conventions: ArgoFolderConventions,
  examples: readonly ArgoExample[],
): ArgoView {
  const url =
    spec.chart.kind === 'oci'
      ? spec.chart.url
      : spec.chart.kind === 'helm'
        ? `${spec.chart.repository}/${spec.chart.chart}`
        : spec.chart.kind === 'source' && /^(https|oci):\/\//.test(spec.chart.name)
          ? spec.chart.name
          : undefined;
  if (spec.chart.kind === 'source' && url === undefined)
    throw new HomeopsError(
      'INVALID_INPUT',
      `"${spec.chart.name}" is not a chart URL: an Argo CD repo has no chart sources to name`,
      { field: 'chart', fix: 'pass an oci:// chart URL, <helm repo URL>/<chart>, or none' },
    );
  const appTemplate = isAppTemplateChart(url);
  const ingressRoute = conventions.exposure === 'ingressroute';
  const ingress = conventions.exposure === 'ingress' && appTemplate;
  const className =
    ingress && spec.route.kind !== 'none' ? classFor(ctx, spec.route.kind) : undefined;
  // the tailnet, where the repo has no external Gateway and its apps use Tailscale Services
  const tailscale =
    spec.route.kind === 'external' &&
    !ingressRoute &&
    !ways.gateways(ctx).external &&
    ways.tailscale(ctx);
  const gateway =
    spec.route.kind === 'none' || ingressRoute || tailscale || ingress
      ? undefined
      : gatewayFor(ctx, spec.route.kind);
  const entryPoints =
    spec.route.kind === 'none' || !ingressRoute ? [] : entryPointsFor(ctx, spec.route.kind);
  const storage = spec.storage;
  const storageInValues = appTemplate && conventions.storageIn === 'values';
  const componentClaim = appTemplate && conventions.claimFromComponent;
  const routeInValues =
    spec.route.kind !== 'none' &&
    appTemplate &&
    !ingressRoute &&
    !tailscale &&
    !ingress &&
    conventions.routeIn === 'values';
  const port = spec.port ?? null;
  return {
    app: spec.name,
    namespace: spec.namespace,
    schemas: { kustomization: null, values: null, httproute: null },
    chart: url
      ? {
          ...splitChart(url),
          version: spec.chartVersion ?? '',
          valuesFile:
            conventions.values.kind === 'file'
              ? (fillText(conventions.values.file, vocab) ?? 'values.yaml')
              : null,
        }
      : null,
    umbrella: url !== undefined && conventions.umbrella,
    appTemplate,
    image: spec.image ? (url ? spec.image : `${spec.image.repository}:${spec.image.tag}`) : null,
    port,
    probe: { path: spec.healthPath ?? null, aliased: conventions.probesAliased },
    envFrom: spec.secret ? [secretNameFor(examples, spec.name)] : [],
    route:
      (gateway || entryPoints.length || tailscale || className) && spec.route.hostname
        ? {
            hostname: spec.route.hostname,
            gateway: gateway ?? null,
            entryPoints,
            match: `Host(\`${spec.route.hostname}\`)`,
            port: url ? (port ?? 80) : servicePort(examples, port),
            className: className ?? null,
          }
        : null,
    ingressInValues: className !== undefined,
    ingressRoute,
    tailscale,
    routeInValues,
    storage: storage
      ? {
          size: storage.size,
          storageClass: storage.storageClass ?? null,
          mountPath: storage.mountPath,
          inValues: storageInValues && !componentClaim,
          fromComponent: componentClaim,
          claimName: fillText(conventions.claimName, vocab) ?? spec.name,
          volume: conventions.volumeName ?? (url ? 'config' : 'data'),
        }
      : null,
    recreate: storage !== undefined,
    namespaceFile: conventions.namespaceFile,
    resources: [],
  };
}

/** The port plain-manifest siblings' Services listen on when they agree on one (80), else the app's. */
function servicePort(examples: readonly ArgoExample[], port: number | null): number {
  const ports = examples.flatMap((e) => {
    const svc = e.docs.find((d) => d.role === 'other:Service')?.object;
    const p = dig(svc?.data, 'spec', 'ports', 0, 'port');
    const own = e.vocab.port;
    return typeof p === 'number' ? [String(p) === own ? 'own' : String(p)] : [];
  });
  const winner = majorityOf(ports, (p) => p, true);
  return winner && winner !== 'own' ? Number(winner) : (port ?? 80);
}

function entryPointsFor(ctx: ArgoAppContext, kind: 'internal' | 'external'): string[] {
  const points = ways.entryPoints(ctx);
  const found = points[kind];
  if (found) return found;
  throw new HomeopsError(
    'INVALID_INPUT',
    `this repo's IngressRoutes use ${points.all.length === 1 ? 'one set of entry points' : 'no entry point that says it is ' + kind}: ${points.all.map((p) => p.join(',')).join('; ') || 'none'}`,
    { field: 'route', fix: `use --route=${kind === 'external' ? 'internal' : 'external'}` },
  );
}

function classFor(ctx: ArgoAppContext, kind: 'internal' | 'external'): string {
  const classes = ways.ingressClasses(ctx);
  const found = classes[kind];
  if (found) return found;
  throw new HomeopsError(
    'INVALID_INPUT',
    `this repo's apps use ${classes.all.length === 1 ? 'one ingress class' : `no ingress class that says it is ${kind}`}: ${classes.all.join(', ') || 'none'}`,
    { field: 'route', fix: `use --route=${kind === 'external' ? 'internal' : 'external'}` },
  );
}

function gatewayFor(ctx: ArgoAppContext, kind: 'internal' | 'external'): GatewayRef {
  const gateways = ways.gateways(ctx);
  const found = gateways[kind];
  if (found) return found;
  const names = gateways.all.map((g) => `${g.namespace}/${g.name}`);
  throw new HomeopsError(
    'INVALID_INPUT',
    names.length === 0
      ? `this repo has no Gateway its routes attach to, so there is no ${kind} route to write`
      : `this repo has ${names.length === 1 ? 'one Gateway' : `no gateway that says it is ${kind}`}, ${names.join(', ')}`,
    {
      field: 'route',
      fix:
        names.length === 0
          ? 'pass --route=none, or set conventions.gatewayInternal in .homeops.yaml'
          : `use --route=${kind === 'external' ? 'internal' : 'external'}, or name the ${kind} gateway in .homeops.yaml (conventions.gateway${kind === 'internal' ? 'Internal' : 'External'})`,
    },
  );
}
