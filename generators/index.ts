import type { AnyGenerator } from '../src/engine/generator.ts';
import { appGenerator } from './app/app.ts';
import { namespaceGenerator } from './namespace/namespace.ts';
import { nodeGenerator } from './node/node.ts';
import { patchGenerator } from './patch/patch.ts';
import { secretGenerator } from './secret/secret.ts';

/** Every generator, by name: the CLI and the plopfile both register exactly these. */
export const GENERATORS: Record<string, AnyGenerator> = {
  app: appGenerator,
  namespace: namespaceGenerator,
  node: nodeGenerator,
  patch: patchGenerator,
  secret: secretGenerator,
};
