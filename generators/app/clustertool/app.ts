import type { AnyGenerator } from '../../../src/engine/generator.ts';

/** The `app` generator for the clustertool layout: not built yet (homeops says so and writes nothing). */
export const clustertoolAppGenerator: AnyGenerator | undefined = undefined;
