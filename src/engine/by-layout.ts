import { HomeopsError } from '../errors.ts';
import type { Layout } from '../layouts/layout.ts';
import type { AnyGenerator, RepoContext } from './generator.ts';

type Load = () => Promise<AnyGenerator | undefined>;

/**
 * One generator name over per-layout-family variants (`homeops app` in a Flux repo and in an
 * Argo CD repo ask different things and write different files). The Flux variant stands for the
 * generator where no repo is open yet (`homeops app --help` outside a repo); the others are
 * loaded only for a repo of their layout.
 */
export function byLayout(
  flux: AnyGenerator,
  others: Partial<Record<Exclude<Layout['family'], 'flux'>, Load>>,
): AnyGenerator {
  const pick = async (layout: Layout): Promise<AnyGenerator> => {
    const variant = layout.family === 'flux' ? flux : await others[layout.family]?.();
    if (variant) return variant;
    throw new HomeopsError(
      'LAYOUT',
      `${flux.name} does not support the ${layout.id} layout (${layout.title}) yet`,
      {
        fix: 'set "layout:" in .homeops.yaml if the detection is wrong',
      },
    );
  };
  return { ...flux, forLayout: pick };
}

/** The generator to run in this repo: its layout's variant (the layout is read only when variants exist). */
export const variantFor = async (
  generator: AnyGenerator,
  repo: RepoContext,
): Promise<AnyGenerator> =>
  generator.forLayout ? await generator.forLayout(repo.layout) : generator;
