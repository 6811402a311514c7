import type { AnyGenerator } from '../src/engine/generator.ts';
import type { GENERATOR_NAMES } from '../src/repo/config.ts';

/**
 * Every generator, by name: the CLI and the plopfile both register exactly these. Each is loaded
 * only when asked for, so `homeops app` never loads the Talos or the other layouts' code.
 */
type Loader = () => Promise<AnyGenerator>;

export const GENERATORS: Record<string, Loader> = {
  app: async () => (await import('./app/app.ts')).appGenerator,
  namespace: async () => (await import('./namespace/namespace.ts')).namespaceGenerator,
  node: async () => (await import('./node/node.ts')).nodeGenerator,
  patch: async () => (await import('./patch/patch.ts')).patchGenerator,
  secret: async () => (await import('./secret/secret.ts')).secretGenerator,
} satisfies Record<(typeof GENERATOR_NAMES)[number], Loader>; // the names .homeops.yaml may use
