import type { AnyGenerator } from '../../../src/engine/generator.ts';

/** The `namespace` generator for the argocd layout: not built yet (homeops says so and writes nothing). */
export const argocdNamespaceGenerator: AnyGenerator | undefined = undefined;
