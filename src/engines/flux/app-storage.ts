import { majorityOf } from '../../learn/majority.ts';
import { provisionedClaimClasses } from '../../repo/claim-classes.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';

// Where a new Flux app keeps its data, as the siblings do: the mount path and storage class
// most of their claims share.

/**
 * Where most siblings mount their claim (`globalMounts[0].path`, else app-template's `/<key>`),
 * if most agree.
 */
export function mountPath(ctx: FluxAppContext, placement: Placement): string | undefined {
  const { examples } = ctx.learn(placement, undefined);
  const paths = examples.flatMap((e) => {
    const persistence = (dig(e.helmRelease?.data, 'spec', 'values', 'persistence') ?? {}) as Record<
      string,
      unknown
    >;
    return Object.entries(persistence).flatMap(([key, p]) => {
      const claim = dig(p, 'existingClaim') !== undefined || dig(p, 'size') !== undefined;
      if (!claim) return [];
      const mounted = str(dig(p, 'globalMounts', 0, 'path'));
      return [mounted ?? (dig(p, 'advancedMounts') === undefined ? `/${key}` : undefined)];
    });
  });
  // only a path most of the claims share: one app's own path is no convention
  const known = paths.filter((p): p is string => p !== undefined);
  return known.length >= 2 ? majorityOf(known, (p) => p, true) : undefined;
}

/** The storage class the siblings' claims name most, if any. */
export function storageClass(ctx: FluxAppContext, placement: Placement): string | undefined {
  if (ctx.repo.config.conventions.storageClass) return ctx.repo.config.conventions.storageClass;
  const { examples } = ctx.learn(placement, undefined);
  const classes = examples.flatMap((e) => {
    const fromFile = provisionedClaimClasses(e.docs);
    const persistence = Object.values(
      (dig(e.helmRelease?.data, 'spec', 'values', 'persistence') ?? {}) as Record<string, unknown>,
    );
    return [...fromFile, ...persistence.map((p) => str(dig(p, 'storageClass')))].filter(
      (c): c is string => !!c,
    );
  });
  return majorityOf(classes, (c) => c);
}
