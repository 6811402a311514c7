import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { redact } from '../../src/onepassword/redact.ts';
import { Secret } from '../../src/onepassword/secret.ts';

const RAW = 'SENTINEL-raw-token-123';

describe('Secret', () => {
  const secret = new Secret(RAW);
  it('prints [REDACTED] everywhere', () => {
    expect(String(secret)).toBe('[REDACTED]');
    expect(`${secret}`).toBe('[REDACTED]');
    expect('' + secret).toBe('[REDACTED]');
    expect(JSON.stringify({ secret })).toBe('{"secret":"[REDACTED]"}');
    expect(inspect({ nested: { secret } }, { depth: 10, showHidden: true })).not.toContain(RAW);
    expect(Object.keys(secret)).toEqual([]);
  });
  it('reveals the value on request', () => expect(secret.reveal()).toBe(RAW));
});

describe('redact', () => {
  it.each([
    ['token ops_abcDEF123== rejected', 'token [REDACTED] rejected'],
    ['authorization: Bearer eyJhbGciOi.x.y', 'authorization: Bearer [REDACTED]'],
    ['jwt eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJ4In0.sig here', 'jwt [REDACTED] here'],
    ['nothing secret here', 'nothing secret here'],
  ])('%j', (input, output) => expect(redact(input)).toBe(output));

  it('removes given tokens, raw or wrapped', () => {
    expect(redact(`a ${RAW} b ${RAW}`, [RAW])).toBe('a [REDACTED] b [REDACTED]');
    expect(redact(`a ${RAW}`, [new Secret(RAW), undefined, ''])).toBe('a [REDACTED]');
  });
});
