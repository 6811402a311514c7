import type { AnyGenerator } from '../../../src/engine/generator.ts';

/** The `secret` generator for the clustertool layout: not built yet (homeops says so and writes nothing). */
export const clustertoolSecretGenerator: AnyGenerator | undefined = undefined;
