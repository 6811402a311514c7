import { posix } from 'node:path';
import { majorityOf } from '../../learn/majority.ts';
import { toData } from '../../learn/tree.ts';
import { abstractText } from '../../learn/vocabulary.ts';
import {
  EXTERNAL,
  gatewayObjectsIn,
  learnGateways,
  isRedirectOnly,
  parentRefsOf,
  type Gateways,
} from '../../repo/gateways.ts';
import { kustomizationFileIn } from '../../repo/graph/kustomize-unit.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import {
  chartIngresses,
  declaredIngressClass,
  ingressClassesOf,
  type IngressClasses,
} from '../../repo/ingress-classes.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import type { ArgoExample } from './examples.ts';
import { learnArgoConventions } from './folder-conventions.ts';

// How an Argo CD repo's apps are reached, learned from every sibling: the gateways their routes
// attach to, Traefik entry points, Tailscale Services, ingress classes, and the hostname form.

const gatewayMemo = new WeakMap<ArgoAppContext, Gateways>();

/** The gateways the siblings' routes attach to, and the repo's Gateway objects. */
export function gateways(ctx: ArgoAppContext): Gateways {
  const known = gatewayMemo.get(ctx);
  if (known) return known;
  const examples = ctx.examples(undefined);
  const refs = examples.flatMap((e) => routesOf(e).flatMap((r) => parentRefsOf(r, e.vocab.ns)));
  const objects = gatewayObjectsIn(ctx.model.reader, ctx.repo.tree.yamlFilesUnder(''));
  const learned = learnGateways(
    refs,
    objects.flatMap((o) => {
      const namespace = o.namespace ?? namespaceOfFile(ctx, o.file);
      return namespace ? [{ ...o, namespace }] : [];
    }),
  );
  const sectionName = majorityOf(refs, (r) => r.sectionName ?? '') || undefined;
  const o = ctx.repo.config.conventions;
  const pick = (name: string | undefined, fallback: Gateways['internal']) =>
    name
      ? (learned.all.find((g) => g.name === name) ?? {
          name,
          namespace: o.gatewayNamespace ?? fallback?.namespace ?? 'gateway',
          sectionName: undefined,
        })
      : fallback;
  const withSection = (g: Gateways['internal']) =>
    g && { ...g, sectionName: g.sectionName ?? sectionName };
  const found: Gateways = {
    internal: withSection(pick(o.gatewayInternal, learned.internal)),
    external: withSection(pick(o.gatewayExternal, learned.external)),
    all: learned.all,
  };
  gatewayMemo.set(ctx, found);
  return found;
}

/**
 * The entry points the siblings' Traefik IngressRoutes use: by name where names say it
 * (`public`, `external`), else the most used set is the internal one.
 */
export function entryPoints(ctx: ArgoAppContext): {
  internal?: string[];
  external?: string[];
  all: string[][];
} {
  const sets = ctx.examples(undefined).flatMap((e) =>
    e.docs
      .filter((d) => d.role === 'other:IngressRoute')
      .map((d) => dig(d.object?.data, 'spec', 'entryPoints'))
      .filter((p): p is string[] => Array.isArray(p) && p.every((x) => typeof x === 'string')),
  );
  const counts = new Map<string, { set: string[]; n: number }>();
  for (const set of sets) {
    const c = counts.get(set.join(',')) ?? { set, n: 0 };
    c.n++;
    counts.set(set.join(','), c);
  }
  const all = [...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.set);
  const external = all.find((s) => s.some((p) => EXTERNAL.test(p)));
  const internal = all.find((s) => s !== external);
  return { internal, external, all };
}

/** Whether the siblings reach the tailnet through Tailscale LoadBalancer Services. */
export function tailscale(ctx: ArgoAppContext): boolean {
  return ctx
    .examples(undefined)
    .some((e) => e.docs.some((d) => d.role === 'other:TailscaleService'));
}

/** The ingress classes the siblings' chart `ingress:` values name, which internal, which external. */
export function ingressClasses(ctx: ArgoAppContext): IngressClasses {
  const examples = ctx.examples(undefined);
  return ingressClassesOf(
    examples.flatMap((e) => routesOf(e).map((r) => str(dig(r, 'className')))),
    examples.flatMap((e) => [
      declaredIngressClass(e.values ? toData(e.values.root) : undefined),
      ...e.docs.filter((d) => d.object?.kind === 'IngressClass').map((d) => d.object?.name),
    ]),
  );
}

/** How the siblings are reached: HTTPRoutes to Gateways, Traefik IngressRoutes, or chart ingress values. */
export function exposure(ctx: ArgoAppContext): 'gateway' | 'ingressroute' | 'ingress' {
  return learnArgoConventions(ctx.examples(undefined)).exposure;
}

/** The namespace a file's objects get: the app folder's, else the nearest kustomization's `namespace:`. */
function namespaceOfFile(ctx: ArgoAppContext, file: string): string | undefined {
  const ex = ctx.examples(undefined).find((e) => file.startsWith(`${e.dir}/`));
  if (ex?.vocab.ns) return ex.vocab.ns;
  for (let dir = posix.dirname(file); dir !== '.' && dir !== ''; dir = posix.dirname(dir)) {
    const k = kustomizationFileIn(ctx.repo.tree, dir);
    const ns = k ? str(dig(ctx.model.reader.data(k), 'namespace')) : undefined;
    if (ns) return ns;
  }
  return undefined;
}

/** The hostname the siblings of a route kind write, abstract (`⟪app⟫.lab.example.net`). */
export function hostnamePattern(
  ctx: ArgoAppContext,
  kind: 'internal' | 'external',
): string | undefined {
  if (ctx.repo.config.conventions.domain) return `⟪app⟫.${ctx.repo.config.conventions.domain}`;
  const ingress = exposure(ctx) === 'ingress';
  const gateway = ingress ? undefined : gateways(ctx)[kind];
  const points = entryPoints(ctx);
  const className = ingress ? ingressClasses(ctx)[kind] : undefined;
  const hostnames = ctx.examples(undefined).flatMap((e) =>
    routesOf(e)
      .filter(
        (r) =>
          (className !== undefined && dig(r, 'className') === className) ||
          (dig(r, 'entryPoints') !== undefined &&
            JSON.stringify(dig(r, 'entryPoints')) === JSON.stringify(points[kind])) ||
          parentRefsOf(r, e.vocab.ns).some(
            (p) => !gateway || (p.name === gateway.name && p.namespace === gateway.namespace),
          ),
      )
      .flatMap((r) => {
        const hs = dig(r, 'hostnames');
        return Array.isArray(hs)
          ? hs
              .filter((h): h is string => typeof h === 'string')
              .map((h) => abstractText(h, e.vocab))
          : [];
      }),
  );
  return majorityOf(
    hostnames.filter((h) => h.includes('⟪app⟫') || h.includes('⟪release⟫')),
    (h) => h,
  );
}

/** An example's routes: its HTTPRoute files' specs, its chart values' `route.*` and `ingress.*`. */
export function routesOf(e: ArgoExample): unknown[] {
  const files = e.docs
    .filter((d) => d.role === 'route')
    .map((d) => dig(d.object?.data, 'spec'))
    .filter((spec) => !isRedirectOnly(spec));
  // a Traefik IngressRoute, read as a route: its Host() matches and entry points
  const traefik = e.docs
    .filter((d) => d.role === 'other:IngressRoute')
    .map((d) => {
      const routes = dig(d.object?.data, 'spec', 'routes');
      const hosts = (Array.isArray(routes) ? routes : []).flatMap((r) =>
        [...String(dig(r, 'match') ?? '').matchAll(/Host\(`([^`]+)`\)/g)].map((m) => m[1]),
      );
      return { hostnames: hosts, entryPoints: dig(d.object?.data, 'spec', 'entryPoints') };
    });
  const values = e.values ? toData(e.values.root) : undefined;
  return [
    ...files,
    ...traefik,
    ...chartIngresses(values),
    ...Object.values((dig(values, 'route') ?? {}) as Record<string, unknown>),
  ];
}
