import type { ConventionOverrides } from './config.ts';
import { mostCommon } from './most-common.ts';

export interface GatewayName {
  name: string;
  namespace: string;
}

/**
 * The Gateway new routes attach to: the parentRef most of the repo's HTTPRoutes use (ties: the
 * first seen), else `fallback`. `.homeops.yaml`'s `gatewayInternal` / `gatewayNamespace` win over
 * it; one given alone keeps the learned other half (or `internal` / `gateway`).
 */
export function learnGateway(
  parents: readonly GatewayName[],
  overrides: Pick<ConventionOverrides, 'gatewayInternal' | 'gatewayNamespace'>,
  fallback?: GatewayName,
): GatewayName | undefined {
  const key = (p: GatewayName) => `${p.namespace}/${p.name}`;
  const best = mostCommon(parents.map(key));
  const learned = parents.find((p) => key(p) === best) ?? fallback;
  if (!overrides.gatewayInternal && !overrides.gatewayNamespace)
    return learned && { name: learned.name, namespace: learned.namespace };
  return {
    name: overrides.gatewayInternal ?? learned?.name ?? 'internal',
    namespace: overrides.gatewayNamespace ?? learned?.namespace ?? 'gateway',
  };
}
