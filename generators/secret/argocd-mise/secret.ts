import type { AnyGenerator } from '../../../src/engine/generator.ts';

/** The `secret` generator for the argocd-mise layout: not built yet (homeops says so and writes nothing). */
export const argocdMiseSecretGenerator: AnyGenerator | undefined = undefined;
