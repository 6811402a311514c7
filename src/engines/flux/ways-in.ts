import type { Problem } from '../../inputs/input-spec.ts';
import { majorityOf } from '../../learn/majority.ts';
import { abstractText } from '../../learn/vocabulary.ts';
import {
  gatewayObjectsIn,
  learnGateways,
  isRedirectOnly,
  parentRefsOf,
  type GatewayRef,
  type Gateways,
} from '../../repo/gateways.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import {
  chartIngresses,
  declaredIngressClass,
  ingressClassesOf,
  type IngressClasses,
} from '../../repo/ingress-classes.ts';
import type { AppExample } from './examples.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';

/**
 * How a Flux app is reached, as its siblings are: an HTTPRoute to one of the repo's Gateways
 * (a file, or app-template's `route:`), or their chart's own `ingress:` values with a class.
 */
export type WayIn =
  { kind: 'gateway'; gateway: GatewayRef } | { kind: 'ingress'; className: string };

type RouteKind = 'internal' | 'external';

/** The way in of a route kind at this placement, or why there is none. */
export function wayIn(
  ctx: FluxAppContext,
  placement: Placement,
  kind: RouteKind,
  appTemplate: boolean,
): WayIn | { problem: Problem } {
  const gateways = gatewaysAt(ctx, placement);
  const gateway = gateways[kind];
  if (ctx.learn(placement, undefined).conventions.exposure === 'ingress') {
    const classes = ingressClasses(ctx, placement);
    const className = classes[kind];
    if (className && appTemplate) return { kind: 'ingress', className };
    if (!className && !gateway)
      return {
        problem: {
          message: `this repo's apps are reached through their chart's ingress values, with ${classes.all.length === 1 ? 'one class' : `no class that says it is ${kind}`}: ${classes.all.join(', ')}`,
          fix: `use --route=${other(kind)}, or --route=none`,
        },
      };
    if (!gateway)
      return {
        problem: {
          message: `this repo's apps are reached through app-template's ingress values, and this chart is not app-template`,
          fix: "pass --route=none and set the chart's own ingress values after",
        },
      };
  }
  if (gateway) return { kind: 'gateway', gateway };
  const names = gateways.all.map((g) => `${g.namespace}/${g.name}`);
  if (names.length === 0)
    return {
      problem: {
        message: `this repo has no Gateway its routes attach to, so there is no ${kind} route to write`,
        fix: 'pass --route=none, or set conventions.gatewayInternal in .homeops.yaml',
      },
    };
  return {
    problem: {
      message: `this repo has ${names.length === 1 ? 'one Gateway' : `no Gateway named for ${kind} routes, only`} ${names.join(', ')}`,
      fix: `${gateways[other(kind)] ? `use --route=${other(kind)}, or ` : ''}name the ${kind} gateway in .homeops.yaml (conventions.gateway${kind === 'internal' ? 'Internal' : 'External'})`,
    },
  };
}

const other = (kind: RouteKind): RouteKind => (kind === 'internal' ? 'external' : 'internal');

/** The routes of a sibling: app-template's `route:` values and its HTTPRoute files' specs. */
function routesOf(e: AppExample): unknown[] {
  const values = Object.values(
    (dig(e.helmRelease?.data, 'spec', 'values', 'route') ?? {}) as Record<string, unknown>,
  );
  const files = e.docs
    .filter((d) => d.role === 'route')
    .map((d) => dig(d.object?.data, 'spec'))
    .filter((spec) => !isRedirectOnly(spec));
  return [...values, ...files];
}

const gatewayMemo = new WeakMap<FluxAppContext, Map<string, Gateways>>();

/** The gateways routes attach to, learned from the apps' routes and the Gateway objects. */
export function gatewaysAt(ctx: FluxAppContext, placement: Placement): Gateways {
  let memo = gatewayMemo.get(ctx);
  if (!memo) gatewayMemo.set(ctx, (memo = new Map()));
  const key = placement.cluster.name ?? '';
  const found = memo.get(key);
  if (found) return found;
  const { examples } = ctx.learn(placement, undefined);
  const refs = examples.flatMap((e) => routesOf(e).flatMap((r) => parentRefsOf(r, e.vocab.ns)));
  const gatewayNamespaces = new Set(refs.map((r) => r.namespace));
  const model = ctx.model;
  const objects = model
    .groups(placement.cluster)
    .filter((g) => gatewayNamespaces.has(model.groupNamespace(g) ?? ''))
    .flatMap((g) =>
      model.apps(g).flatMap((app) => {
        const dir = app.ks.path;
        if (dir === undefined) return [];
        // a Gateway's namespace is its app's where the object does not say
        return gatewayObjectsIn(model.reader, ctx.repo.tree.yamlFilesUnder(dir)).map((o) => ({
          ...o,
          namespace: o.namespace ?? app.namespace ?? model.groupNamespace(g),
        }));
      }),
    );
  const o = ctx.repo.config.conventions;
  const learned = learnGateways(refs, objects);
  const sectionName = majorityOf(refs, (r) => r.sectionName ?? '') || undefined;
  const pin = (name: string | undefined, fallback: GatewayRef | undefined) =>
    name
      ? {
          name,
          namespace: o.gatewayNamespace ?? fallback?.namespace ?? 'network',
          sectionName: fallback?.sectionName,
        }
      : fallback;
  const withSection = (g: GatewayRef | undefined) =>
    g && {
      ...g,
      sectionName:
        o.gatewaySectionName !== undefined
          ? (o.gatewaySectionName ?? undefined)
          : (g.sectionName ?? sectionName),
    };
  const gateways = {
    internal: withSection(pin(o.gatewayInternal, learned.internal)),
    external: withSection(pin(o.gatewayExternal, learned.external)),
    all: learned.all,
  };
  memo.set(key, gateways);
  return gateways;
}

/** The ingress classes the siblings' chart `ingress:` values name. */
export function ingressClasses(ctx: FluxAppContext, placement: Placement): IngressClasses {
  const { examples } = ctx.learn(placement, undefined);
  const values = (e: AppExample) => dig(e.helmRelease?.data, 'spec', 'values');
  return ingressClassesOf(
    examples.flatMap((e) => chartIngresses(values(e)).map((i) => str(i.className))),
    examples.flatMap((e) => [
      declaredIngressClass(values(e)),
      ...e.docs.filter((d) => d.object?.kind === 'IngressClass').map((d) => d.object?.name),
    ]),
  );
}

/**
 * The hostname siblings would give an app, abstract (`⟪app⟫.${SECRET_DOMAIN}`), if they agree:
 * their routes' hostnames and their chart ingresses' hosts.
 */
export function hostnamePattern(ctx: FluxAppContext, placement: Placement): string | undefined {
  const domain = ctx.repo.config.conventions.domain;
  if (domain) return `⟪app⟫.${domain}`;
  const { examples } = ctx.learn(placement, undefined);
  const hostnamesOf = (e: AppExample) =>
    [
      ...routesOf(e).flatMap((r) => {
        const hs = dig(r, 'hostnames');
        return Array.isArray(hs) ? hs : [];
      }),
      ...chartIngresses(dig(e.helmRelease?.data, 'spec', 'values')).flatMap((i) => i.hostnames),
    ]
      .filter((h): h is string => typeof h === 'string')
      .map((h) => abstractText(h, e.vocab));
  // the app's own name, or Helm's for it (`{{ .Release.Name }}`), in the siblings' form: those of
  // the app's own folder first, as a cluster may use its own domain variable
  // or a variable its Kustomization substitutes with it (`${APP}.${CLUSTER_DOMAIN}`, APP: <app>)
  const nameVars = new Set(examples.flatMap(appNameVariables));
  const ownName = (h: string) =>
    h.includes('⟪app⟫') ||
    h.includes('⟪release⟫') ||
    [...h.matchAll(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g)].some((m) => nameVars.has(m[1] ?? ''));
  const local = examples
    .filter((e) => e.local)
    .flatMap(hostnamesOf)
    .filter(ownName);
  const all = local.length ? local : examples.flatMap(hostnamesOf).filter(ownName);
  if (all.length) return majorityOf(all, (h) => h);
  // no sibling's host is named after its app (gist.example.net): the domain most of them are under
  const parents = examples
    .flatMap(hostnamesOf)
    .map((h) => h.split('.').slice(1).join('.'))
    .filter((d) => (d.includes('.') || d.includes('${')) && !d.includes('⟪'));
  const parent = majorityOf(parents, (d) => d);
  return parent ? `⟪app⟫.${parent}` : undefined;
}

/** The variables an app's Kustomization substitutes with the app's own name (`APP: <app>`). */
function appNameVariables(e: AppExample): string[] {
  const substitute = dig(e.app.ks.object.data, 'spec', 'postBuild', 'substitute');
  if (!substitute || typeof substitute !== 'object') return [];
  return Object.entries(substitute).flatMap(([k, v]) => (v === e.vocab.app ? [k] : []));
}
