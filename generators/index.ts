import type { AnyGenerator } from '../src/engine/generator.ts';
import { appGenerator } from './app/app.ts';
import { namespaceGenerator } from './namespace/namespace.ts';
import { secretGenerator } from './secret/secret.ts';

/** Every generator, by name: the CLI and the plopfile both register exactly these. */
export const GENERATORS: Record<string, AnyGenerator> = {
  app: appGenerator,
  namespace: namespaceGenerator,
  secret: secretGenerator,
};
