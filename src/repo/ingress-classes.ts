import { byUse } from '../learn/majority.ts';
import { EXTERNAL } from './gateways.ts';
import { dig, str } from './graph/objects.ts';

/** The ingress classes a repo's apps name, and which is the internal and which the external one. */
export interface IngressClasses {
  internal?: string;
  external?: string;
  /** Most used first. */
  all: string[];
}

/**
 * Which class is which, from the classes the apps name and those the repo's controllers declare
 * (used by none yet): by name where a name says it (`external`, `public`), else the most used is
 * the internal one.
 */
export function ingressClassesOf(
  named: readonly (string | undefined)[],
  declared: readonly (string | undefined)[] = [],
): IngressClasses {
  const used = byUse(named);
  const all = [...used, ...byUse(declared).filter((c) => !used.includes(c))];
  const external = all.find((c) => EXTERNAL.test(c));
  const internal = all.find((c) => c !== external);
  return { internal, external, all };
}

/** A chart's `ingress:` values, each read as a route: its hosts and its class. */
export function chartIngresses(values: unknown): { hostnames: unknown[]; className: unknown }[] {
  return Object.values((dig(values, 'ingress') ?? {}) as Record<string, unknown>).map((i) => {
    const hosts = dig(i, 'hosts');
    return {
      hostnames: (Array.isArray(hosts) ? hosts : []).map((h) => dig(h, 'host')),
      className: dig(i, 'className') ?? dig(i, 'ingressClassName'),
    };
  });
}

/** Whether chart values reach the app through their own `ingress:` (a non-empty map). */
export function hasChartIngress(values: unknown): boolean {
  const ingress = dig(values, 'ingress');
  return ingress !== null && typeof ingress === 'object' && Object.keys(ingress).length > 0;
}

/** The class each of a chart's ingresses names. */
export function ingressClassNames(values: unknown): (string | undefined)[] {
  return chartIngresses(values).map((i) => str(i.className));
}

/**
 * The ingress class a controller's chart values declare: ingress-nginx's
 * `controller.ingressClassResource.name`, Traefik's `ingressClass.name`.
 */
export function declaredIngressClass(values: unknown): string | undefined {
  return (
    str(dig(values, 'controller', 'ingressClassResource', 'name')) ??
    (dig(values, 'ingressClass', 'enabled') === true
      ? str(dig(values, 'ingressClass', 'name'))
      : undefined)
  );
}

/**
 * Whether an app is reached from outside: a route of its (an HTTPRoute spec, app-template's
 * `route.<name>`, a chart ingress) names an external gateway or class.
 */
export function reachedFromOutside(routes: readonly unknown[], values: unknown): boolean {
  const parents = routes.flatMap((r) => {
    const refs = dig(r, 'parentRefs');
    return Array.isArray(refs) ? refs.map((p) => str(dig(p, 'name'))) : [];
  });
  const classes = ingressClassNames(values);
  return [...parents, ...classes].some((n) => n !== undefined && EXTERNAL.test(n));
}
