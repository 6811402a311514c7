import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { yamlScalar } from './scalar.ts';

describe('yamlScalar', () => {
  it.each([
    'echo',
    'ghcr.io/org/app',
    'v1.10.4',
    '${SECRET_DOMAIN}',
    'app.${SECRET_DOMAIN}',
    './echo/ks.yaml',
    '/config',
    'quote"d',
  ])('leaves %s plain', (v) => {
    expect(yamlScalar(v)).toBe(v);
  });

  it.each([
    'yes',
    'on',
    'No',
    'true',
    'null',
    '1.10',
    '0755',
    '12',
    '@./patches/a.yaml',
    '*.example.com',
    '{{ .Release.Name }}.x',
    'a: b',
    'a #b',
    '',
    ' x',
    'line\nbreak',
    '- x',
  ])('quotes %j so that YAML 1.1 and 1.2 read the same string back', (v) => {
    const out = yamlScalar(v);
    expect(out.startsWith('"')).toBe(true);
    expect(parse(`k: ${out}`, { version: '1.1' }).k).toBe(v);
    expect(parse(`k: ${out}`).k).toBe(v);
  });
});
