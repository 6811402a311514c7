import { describe, expect, it } from 'vitest';
import { compareText } from './compare-text.ts';

const sign = (n: number) => Math.sign(n);

/** Texts of the characters names, paths and keys hold, and some that are not ASCII. */
function randomText(random: () => number, alphabet: string): string {
  const length = Math.floor(random() * 8);
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)];
  return out;
}

/** A small seeded generator: the same texts every run. */
function seeded(seed: number): () => number {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
}

describe('compareText', () => {
  it('orders as localeCompare does, for printable ASCII and for others', () => {
    let printable = '';
    for (let c = 0x20; c < 0x7f; c++) printable += String.fromCharCode(c);
    const alphabets = [printable, 'aAbB-_./0:', 'abcXYZ_-', `${printable}éßæ\t\u00a0İ`];
    const random = seeded(7);
    for (const alphabet of alphabets) {
      for (let i = 0; i < 20000; i++) {
        const a = randomText(random, alphabet);
        const b = random() < 0.2 ? a.toUpperCase() : randomText(random, alphabet);
        expect(sign(compareText(a, b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
          sign(a.localeCompare(b)),
        );
      }
    }
  });

  it('sorts the names a repo holds as localeCompare sorts them', () => {
    const names = [
      'app-template',
      'apps',
      'APP_KEY',
      'APPRISE',
      'TZ',
      'tz',
      'a.b',
      'a-b',
      'a_b',
      'ab',
    ];
    expect([...names].sort(compareText)).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });
});
