import { describe, expect, it } from 'vitest';
import { appName, hostname, image, volumeMountPath } from './checks.ts';

describe('hostname', () => {
  it.each([
    'app.example.com',
    'app.${SECRET_DOMAIN}',
    '${SECRET_DOMAIN}',
    '*.example.com',
    '{{ .Release.Name }}.x'.replace('{{ .Release.Name }}', 'echo'),
    '{{ .Release.Name }}.example.com',
    // Flux variables with a default, itself a variable, as siblings write them
    '${GATUS_SUBDOMAIN:=${APP}}.example.net',
    '${GATUS_SUBDOMAIN:=whoami}.example.net',
    '${APP}-api.example.net',
    // argocd-vault-plugin placeholders
    'whoami.<secret:private-domain>',
    'whoami.<path:kv/data/cluster#domain>',
  ])('accepts %s', (v) => {
    expect(hostname(v)).toBeUndefined();
  });
  it.each(['localhost', 'a: b', 'App.example.com', '*.', 'a..b', 'x.*.com', '${APP.example.com'])(
    'refuses %s',
    (v) => {
      expect(hostname(v)).toMatchObject({
        message: expect.stringContaining('not a valid hostname'),
      });
    },
  );
});

describe('image', () => {
  it('accepts a registry with a port and a digest', () => {
    expect(image(`registry.lan:5000/team/app:1.2.3@sha256:${'a'.repeat(64)}`)).toBeUndefined();
  });
  it.each([
    ['ghcr.io/org/app', 'image "ghcr.io/org/app" has no tag: it must be pinned to a version'],
    [
      'ghcr.io/org/app:latest',
      'image "ghcr.io/org/app:latest" uses the "latest" tag: images must be pinned to a version',
    ],
    [
      'GHCR.io/org/app:1',
      '"GHCR.io/org/app" is not a valid image repository (lower-case letters, digits, ".", "_", "-" and "/")',
    ],
    ['ghcr.io/org/app:1@sha256:abc', '"ghcr.io/org/app:1@sha256:abc" has an invalid digest'],
  ])('refuses %s, saying why and how to pin it', (v, message) => {
    expect(image(v)).toEqual({
      message,
      fix: 'pass a pinned image such as ghcr.io/org/app:1.2.3 (or :1.2.3@sha256:<digest>)',
    });
  });
});

describe('appName', () => {
  it('is a DNS-1035 label: it names a Service, so it starts with a letter', () => {
    expect(appName('echo-2')).toBeUndefined();
    expect(appName('1app')).toEqual({
      message:
        '"1app" is not a valid app name: it names a Service, so it must be a DNS-1035 label (lower-case letters, digits and "-", starting with a letter and ending with a letter or digit, at most 53 characters)',
      fix: 'use something like "app-1app"',
    });
    expect(appName('123')?.fix).toBe('use something like "app-123"');
    expect(appName('a'.repeat(54))?.message).toMatch(/at most 53 characters/);
  });
});

describe('volumeMountPath', () => {
  it.each(['/', '//', '/.', '/./'])('refuses %s: the whole file system', (v) => {
    expect(volumeMountPath(v, '/config')).toEqual({
      message: `"${v}" would mount the volume over the container's whole file system`,
      fix: 'pass the folder the app keeps its data in, e.g. --mountPath=/config',
    });
  });
  it.each(['/tmp', '/tmp/', '//tmp'])(
    'refuses %s: the generated emptyDir is mounted there',
    (v) => {
      expect(volumeMountPath(v, '/data')).toEqual({
        message: `"${v}" is already a mount of the container (its scratch emptyDir volume)`,
        fix: 'pass another folder, e.g. --mountPath=/data',
      });
    },
  );
  it.each(['/config', '/tmp/cache', '/var/tmp'])('accepts %s', (v) => {
    expect(volumeMountPath(v, '/config')).toBeUndefined();
  });
});
