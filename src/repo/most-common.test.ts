import { describe, expect, it } from 'vitest';
import { mostCommon } from './most-common.ts';

describe('mostCommon', () => {
  it('picks the most frequent value', () => {
    expect(mostCommon(['a', 'b', 'b', 'c'])).toBe('b');
    expect(mostCommon([1000, 65532, 1000])).toBe(1000);
  });

  it('gives a tie to the value seen first', () => {
    expect(mostCommon(['b', 'a', 'a', 'b'])).toBe('b');
  });

  it('skips undefined, however often it occurs', () => {
    expect(mostCommon(['a', undefined, undefined])).toBe('a');
  });

  it('counts the empty string as a value (a caller may mean "none" by it)', () => {
    expect(mostCommon(['', '', 'https'])).toBe('');
  });

  it('is undefined for no values', () => {
    expect(mostCommon([])).toBeUndefined();
    expect(mostCommon([undefined])).toBeUndefined();
  });
});
