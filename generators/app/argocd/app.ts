import type { AnyGenerator } from '../../../src/engine/generator.ts';

/** The `app` generator for the argocd layout: not built yet (homeops says so and writes nothing). */
export const argocdAppGenerator: AnyGenerator | undefined = undefined;
