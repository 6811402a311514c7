import { describe, expect, it } from 'vitest';
import { readShapes } from './read-shape.ts';
import { emitDocument } from './emit.ts';
import { quantity, repairResources } from './resources-repair.ts';

const repaired = (text: string) => {
  const [shape] = readShapes(text);
  if (!shape) throw new Error('no document');
  return emitDocument({ ...shape, root: repairResources(shape.root) });
};

describe('repairResources', () => {
  it('raises a limit below its request to the request, and leaves the rest', () => {
    const out = repaired(
      'resources:\n  requests:\n    cpu: 500m\n    memory: 500Mi\n  limits:\n    cpu: 1\n    memory: 256Mi\n',
    );
    expect(out).toContain('limits:\n    cpu: 1\n    memory: 500Mi\n');
  });

  it('keeps a limit at or above its request, and one that is no quantity', () => {
    const text =
      'a:\n  requests:\n    memory: 1Gi\n  limits:\n    memory: 1024Mi\nb:\n  requests:\n    memory: 2Gi\n  limits:\n    memory: ${LIMIT}\n';
    expect(repaired(text)).toBe(text);
  });

  it('reads the units Kubernetes writes', () => {
    expect(quantity('1Gi')).toBe(1024 ** 3);
    expect(quantity('100m')).toBeCloseTo(0.1);
    expect(quantity('2')).toBe(2);
    expect(quantity('1.5G')).toBe(1.5e9);
    expect(quantity('lots')).toBeUndefined();
  });
});
