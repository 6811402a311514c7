import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readBlockScalars } from './read-block-scalars.ts';

const oci = `---
# yaml-language-server: $schema=https://kubernetes-schemas.pages.dev/source.toolkit.fluxcd.io/ocirepository_v1.json
apiVersion: source.toolkit.fluxcd.io/v1
kind: OCIRepository
metadata:
  name: echo  # the app
spec:
  interval: 15m
  layerSelector:
    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip
    operation: copy
  ref:
    tag: "4.4.0"
  url: oci://ghcr.io/bjw-s-labs/helm/app-template
`;

describe('readBlockScalars', () => {
  it('reads every leaf of a plain block file exactly as the full parser does', () => {
    const fast = readBlockScalars(oci)!;
    expect(fast.get('spec.ref.tag')).toBe('4.4.0');
    expect(fast.get('spec.interval')).toBe('15m');
    expect(fast.get('metadata.name')).toBe('echo');
    const full = parse(oci) as { spec: { url: string; layerSelector: { mediaType: string } } };
    expect(fast.get('spec.url')).toBe(full.spec.url);
    expect(fast.get('spec.layerSelector.mediaType')).toBe(full.spec.layerSelector.mediaType);
  });

  it.each([
    ['a sequence', 'resources:\n  - ./a.yaml\n'],
    ['a flow mapping', 'spec: {a: 1}\n'],
    ['an anchor', 'a: &x b\n'],
    ['a block scalar', 'a: |\n  text\n'],
    ['a number', 'tag: 4.10\n'],
    ['a YAML 1.1 boolean', 'enabled: yes\n'],
    ['two documents', '---\na: b\n---\nc: d\n'],
    ['a multi-line plain scalar', 'a: b\n  c\n'],
  ])('gives up on %s, so the caller uses the full parser', (_what, text) => {
    expect(readBlockScalars(text)).toBeUndefined();
  });
});
