import { describe, expect, it } from 'vitest';
import { didYouMean } from './did-you-mean.ts';

const generators = ['app', 'namespace', 'node', 'patch', 'secret', 'init'];

describe('didYouMean', () => {
  it('names the generator a typo or a swap or a prefix is closest to', () => {
    expect(didYouMean('ap', generators)).toBe('app');
    expect(didYouMean('aap', generators)).toBe('app');
    expect(didYouMean('namepsace', generators)).toBe('namespace');
    expect(didYouMean('secrets', generators)).toBe('secret');
    expect(didYouMean('Patch', generators)).toBe('patch');
    expect(didYouMean('nod', generators)).toBe('node');
  });

  it('names none when nothing is close', () => {
    expect(didYouMean('deploy', generators)).toBeUndefined();
    expect(didYouMean('x', generators)).toBeUndefined();
  });
});
