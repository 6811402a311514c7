import { HomeopsError } from '../errors.ts';
import type { Layout } from '../layouts/layout.ts';
import type { AnyGenerator } from './generator.ts';

/**
 * One generator name over per-layout-family variants (`homeops app` in a Flux repo and in an
 * Argo CD repo ask different things and write different files). The Flux variant stands for the
 * generator where no repo is open yet (`homeops app --help` outside a repo).
 */
export function byLayout(variants: { flux: AnyGenerator } & Partial<Record<Layout['family'], AnyGenerator | undefined>>): AnyGenerator {
  const pick = (layout: Layout): AnyGenerator => {
    const variant = variants[layout.family];
    if (variant) return variant;
    throw new HomeopsError('LAYOUT', `${variants.flux.name} does not support the ${layout.id} layout (${layout.title}) yet`, {
      fix: 'set "layout:" in .homeops.yaml if the detection is wrong',
    });
  };
  return { ...variants.flux, forLayout: pick };
}

/** The generator to run in a repo of this layout. */
export const variantFor = (generator: AnyGenerator, layout: Layout): AnyGenerator => generator.forLayout?.(layout) ?? generator;
