import type { AnyGenerator } from '../../../src/engine/generator.ts';

/** The `secret` generator for the argocd layout: not built yet (homeops says so and writes nothing). */
export const argocdSecretGenerator: AnyGenerator | undefined = undefined;
