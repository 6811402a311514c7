import { dig, str, type ObjectReader, type RepoObject } from './graph/objects.ts';

/** A Gateway routes attach to. */
export interface GatewayRef {
  name: string;
  namespace: string;
  sectionName: string | undefined;
}

/** The repo's gateways for internal and external routes, as far as it tells. */
export interface Gateways {
  internal: GatewayRef | undefined;
  external: GatewayRef | undefined;
  /** Every gateway seen (routes' parentRefs and Gateway objects), most used first. */
  all: GatewayRef[];
}

/** Names that say a way in is from outside the home network. */
export const EXTERNAL = /extern|public|wan|internet|tunnel/i;
const INTERNAL = /intern|private|lan|local|home/i;

/**
 * Tell the internal and external gateway from the parentRefs the repo's routes use (and the
 * Gateway objects it has): by name where names say it (`envoy-internal`), else the most used is
 * the internal one. One gateway: it is the internal one and there is no external.
 */
export function learnGateways(
  parentRefs: readonly GatewayRef[],
  gatewayObjects: readonly RepoObject[],
): Gateways {
  const counts = new Map<string, { ref: GatewayRef; n: number }>();
  const add = (ref: GatewayRef, n: number) => {
    const key = `${ref.namespace}/${ref.name}`;
    const c = counts.get(key) ?? { ref, n: 0 };
    c.n += n;
    counts.set(key, c);
  };
  for (const ref of parentRefs) add(ref, 1);
  for (const g of gatewayObjects)
    if (g.name) add({ name: g.name, namespace: g.namespace ?? '', sectionName: undefined }, 0);
  const all = [...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.ref);
  const external = all.find((g) => EXTERNAL.test(g.name));
  const internal =
    all.find((g) => g !== external && INTERNAL.test(g.name)) ?? all.find((g) => g !== external);
  // two gateways that do not say which is which: the less used one is taken for the external,
  // unless its name says it is internal too (`gateway-internal` beside `gateway-internal-lan`)
  const other =
    all.length === 2 ? all.find((g) => g !== internal && !INTERNAL.test(g.name)) : undefined;
  return { internal, external: external ?? other, all };
}

/** The parentRefs of a route (an HTTPRoute's spec, or app-template's `route.<name>`). */
export function parentRefsOf(route: unknown, defaultNamespace: string | undefined): GatewayRef[] {
  const refs = dig(route, 'parentRefs');
  if (!Array.isArray(refs)) return [];
  return refs.flatMap((r) => {
    const name = str(dig(r, 'name'));
    const namespace = str(dig(r, 'namespace')) ?? defaultNamespace;
    return name && namespace ? [{ name, namespace, sectionName: str(dig(r, 'sectionName')) }] : [];
  });
}

/** Gateway objects among a folder's files. */
export function gatewayObjectsIn(reader: ObjectReader, files: readonly string[]): RepoObject[] {
  return files.flatMap((f) =>
    reader
      .objectsIf(f, [/kind:\s*Gateway\b/])
      .filter((o) => o.kind === 'Gateway' && o.apiVersion.startsWith('gateway.networking.k8s.io/')),
  );
}

/**
 * Whether an HTTPRoute's spec only redirects (every rule a RequestRedirect, none with backends):
 * a Gateway's own http-to-https route, not a way to an app, so its listener is no app's.
 */
export function isRedirectOnly(spec: unknown): boolean {
  const rules = (spec as { rules?: unknown } | undefined)?.rules;
  if (!Array.isArray(rules) || rules.length === 0) return false;
  return rules.every((rule: unknown) => {
    const r = rule as { filters?: unknown; backendRefs?: unknown };
    const filters = Array.isArray(r.filters) ? (r.filters as { type?: unknown }[]) : [];
    return (
      !(Array.isArray(r.backendRefs) && r.backendRefs.length > 0) &&
      filters.some((f) => f.type === 'RequestRedirect')
    );
  });
}
