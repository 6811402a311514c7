import type { AnyGenerator } from '../../../src/engine/generator.ts';

/** The `namespace` generator for the clustertool layout: not built yet (homeops says so and writes nothing). */
export const clustertoolNamespaceGenerator: AnyGenerator | undefined = undefined;
