import { describe, expect, it } from 'vitest';
import { hostname, image } from './checks.ts';

describe('hostname', () => {
  it.each([
    'app.example.com',
    'app.${SECRET_DOMAIN}',
    '${SECRET_DOMAIN}',
    '*.example.com',
    '{{ .Release.Name }}.x'.replace('{{ .Release.Name }}', 'echo'),
  ])('accepts %s', (v) => {
    expect(hostname(v)).toBeUndefined();
  });
  it.each(['localhost', 'a: b', 'App.example.com', '*.', 'a..b', 'x.*.com'])('refuses %s', (v) => {
    expect(hostname(v)).toMatchObject({ message: expect.stringContaining('not a valid hostname') });
  });
});

describe('image', () => {
  it('accepts a registry with a port and a digest', () => {
    expect(image(`registry.lan:5000/team/app:1.2.3@sha256:${'a'.repeat(64)}`)).toBeUndefined();
  });
  it.each([
    'ghcr.io/org/app',
    'ghcr.io/org/app:latest',
    'GHCR.io/org/app:1',
    'ghcr.io/org/app:1@sha256:abc',
  ])('refuses %s', (v) => {
    expect(image(v)).toBeDefined();
  });
});
