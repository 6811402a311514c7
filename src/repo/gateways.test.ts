import { describe, expect, it } from 'vitest';
import { learnGateways } from './gateways.ts';

const ref = (name: string) => ({ name, namespace: 'network', sectionName: undefined });

describe('learnGateways', () => {
  it('tells internal from external by name', () => {
    const g = learnGateways(
      [ref('envoy-external'), ref('envoy-internal'), ref('envoy-internal')],
      [],
    );
    expect(g.internal?.name).toBe('envoy-internal');
    expect(g.external?.name).toBe('envoy-external');
  });

  it('takes the less used of two unnamed gateways for the external', () => {
    const g = learnGateways([ref('alpha'), ref('alpha'), ref('beta')], []);
    expect(g.internal?.name).toBe('alpha');
    expect(g.external?.name).toBe('beta');
  });

  it('has no external gateway where both names say internal', () => {
    const g = learnGateways(
      [ref('gateway-internal-lan'), ref('gateway-internal-lan'), ref('gateway-internal')],
      [],
    );
    expect(g.internal?.name).toBe('gateway-internal-lan');
    expect(g.external).toBeUndefined();
    expect(g.all.map((x) => x.name)).toEqual(['gateway-internal-lan', 'gateway-internal']);
  });
});
