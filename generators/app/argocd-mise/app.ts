import type { AnyGenerator } from '../../../src/engine/generator.ts';

/** The `app` generator for the argocd-mise layout: not built yet (homeops says so and writes nothing). */
export const argocdMiseAppGenerator: AnyGenerator | undefined = undefined;
