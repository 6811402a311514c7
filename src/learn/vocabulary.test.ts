import { describe, expect, it } from 'vitest';
import { abstractText, fillText } from './vocabulary.ts';

describe('abstractText: a sibling app file in the words of any app', () => {
  const vocab = { app: 'dashy', ns: 'web', cluster: 'dev' };

  it("takes a value that is the cluster's name for the cluster (per-cluster substitutions)", () => {
    expect(abstractText('dev', vocab)).toBe('⟪cluster⟫');
    // the new app of cluster prod gets prod, not the sibling's dev
    expect(fillText(abstractText('dev', vocab), { app: 'whoami', cluster: 'prod' })).toBe('prod');
  });

  it('takes the cluster word inside a value only as a path segment', () => {
    expect(abstractText('./fleet/clusters/dev/web', vocab)).toBe('./fleet/clusters/⟪cluster⟫/⟪ns⟫');
    expect(abstractText('devices.example.org', vocab)).toBe('devices.example.org');
    expect(abstractText('dev-tools', vocab)).toBe('dev-tools');
    // a URL's segment is not the repo's folder (a branch named like the cluster)
    const url =
      'https://raw.githubusercontent.com/fluxcd-community/flux2-schemas/dev/helmrelease.json';
    expect(abstractText(url, vocab)).toBe(url);
  });

  it("takes Helm's name for the release as its own word", () => {
    expect(abstractText('{{ .Release.Name }}.${LAB_DOMAIN}', vocab)).toBe(
      '⟪release⟫.${LAB_DOMAIN}',
    );
  });
});
