import { describe, expect, it } from 'vitest';
import { learnGateway } from './learn-gateway.ts';

const internal = { name: 'internal', namespace: 'gateway' };
const external = { name: 'external', namespace: 'gateway' };
const lab = { name: 'lab-gateway', namespace: 'traefik' };

describe('learnGateway', () => {
  it('takes the parentRef most routes use, the first seen on a tie', () => {
    expect(learnGateway([external, internal, internal], {})).toEqual(internal);
    expect(learnGateway([external, internal], {})).toEqual(external);
  });

  it('tells Gateways of the same name in other namespaces apart', () => {
    expect(learnGateway([lab, { name: 'lab-gateway', namespace: 'other' }, lab], {})).toEqual(lab);
  });

  it('falls back to the given Gateway when no route names one, else undefined', () => {
    expect(learnGateway([], {}, lab)).toEqual(lab);
    expect(learnGateway([], {})).toBeUndefined();
    expect(learnGateway([internal], {}, lab)).toEqual(internal);
  });

  it('lets .homeops.yaml pin the name, the namespace or both', () => {
    expect(learnGateway([lab], { gatewayInternal: 'gw', gatewayNamespace: 'net' })).toEqual({
      name: 'gw',
      namespace: 'net',
    });
    expect(learnGateway([lab], { gatewayInternal: 'gw' })).toEqual({
      name: 'gw',
      namespace: 'traefik',
    });
    expect(learnGateway([lab], { gatewayNamespace: 'net' })).toEqual({
      name: 'lab-gateway',
      namespace: 'net',
    });
    expect(learnGateway([], { gatewayNamespace: 'net' })).toEqual({
      name: 'internal',
      namespace: 'net',
    });
    expect(learnGateway([], { gatewayInternal: 'gw' })).toEqual({
      name: 'gw',
      namespace: 'gateway',
    });
  });
});
