import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { HomeopsError } from '../../src/errors.ts';
import { chooseSource, type SourceEnv } from '../../src/onepassword/choose-source.ts';
import { createSource } from '../../src/onepassword/create-source.ts';
import type { SourceKind } from '../../src/onepassword/types.ts';

const SA = 'ops_SENTINELserviceaccount';
const CT = 'SENTINEL-connect-token';
const HOST = 'http://connect.local:8080';
const sdkEnv = { OP_SERVICE_ACCOUNT_TOKEN: SA };
const connectEnv = { OP_CONNECT_HOST: HOST, OP_CONNECT_TOKEN: CT };

describe('chooseSource', () => {
  const matrix: Array<[string, SourceEnv, SourceKind | undefined, SourceKind]> = [
    ['nothing set', {}, undefined, 'offline'],
    ['service account token', sdkEnv, undefined, 'sdk'],
    ['connect host and token', connectEnv, undefined, 'connect'],
    ['both: sdk wins', { ...sdkEnv, ...connectEnv }, undefined, 'sdk'],
    ['connect host only', { OP_CONNECT_HOST: HOST }, undefined, 'offline'],
    ['connect token only', { OP_CONNECT_TOKEN: CT }, undefined, 'offline'],
    ['blank service account token', { OP_SERVICE_ACCOUNT_TOKEN: '  ' }, undefined, 'offline'],
    ['explicit offline beats tokens', { ...sdkEnv, ...connectEnv }, 'offline', 'offline'],
    ['explicit connect beats sdk token', { ...sdkEnv, ...connectEnv }, 'connect', 'connect'],
    ['explicit sdk', sdkEnv, 'sdk', 'sdk'],
  ];
  for (const [name, env, explicit, kind] of matrix) {
    it(`${name} -> ${kind}`, () => {
      const choice = chooseSource(env, explicit);
      expect(choice.kind).toBe(kind);
      for (const shown of [
        JSON.stringify(choice),
        inspect(choice, { depth: 10, showHidden: true }),
        `${'token' in choice ? choice.token : ''}`,
      ]) {
        expect(shown).not.toContain(SA);
        expect(shown).not.toContain(CT);
      }
    });
  }

  it('hands over the token only through reveal()', () => {
    const choice = chooseSource(connectEnv);
    expect(choice).toMatchObject({ kind: 'connect', host: HOST });
    if (choice.kind !== 'connect') throw new Error('unreachable');
    expect(choice.token.reveal()).toBe(CT);
    expect(String(choice.token)).toBe('[REDACTED]');
  });

  const refusals: Array<[string, SourceEnv, SourceKind, string[], string[]]> = [
    ['sdk without its token', connectEnv, 'sdk', ['OP_SERVICE_ACCOUNT_TOKEN'], []],
    [
      'connect without a token',
      { OP_CONNECT_HOST: HOST, ...sdkEnv },
      'connect',
      ['OP_CONNECT_TOKEN'],
      ['OP_CONNECT_HOST and'],
    ],
    [
      'connect without a host',
      { OP_CONNECT_TOKEN: CT },
      'connect',
      ['OP_CONNECT_HOST'],
      ['and OP_CONNECT_TOKEN'],
    ],
    ['connect with nothing', {}, 'connect', ['OP_CONNECT_HOST and OP_CONNECT_TOKEN'], []],
  ];
  for (const [name, env, explicit, named, notNamed] of refusals) {
    it(`${name} -> INVALID_INPUT naming what to set`, () => {
      const err = catchError(() => chooseSource(env, explicit));
      expect(err.code).toBe('INVALID_INPUT');
      for (const n of named) expect(err.fix).toContain(`set ${n}`);
      for (const n of notNamed) expect(err.message).not.toContain(n);
      expect(err.format()).not.toContain(SA);
      expect(err.format()).not.toContain(CT);
    });
  }

  it('refuses an unknown source name', () => {
    expect(catchError(() => chooseSource({}, 'vault' as SourceKind)).code).toBe('INVALID_INPUT');
  });

  it('refuses a host that is not a URL without echoing it (it might be a token pasted in the wrong place)', () => {
    const err = catchError(() => chooseSource({ OP_CONNECT_HOST: CT, OP_CONNECT_TOKEN: CT }));
    expect(err.code).toBe('INVALID_INPUT');
    expect(err.message).toContain('OP_CONNECT_HOST');
    expect(err.format()).not.toContain(CT);
  });
});

describe('createSource', () => {
  it('opens offline and connect sources without any request', async () => {
    const offline = await createSource(chooseSource({}), {
      integrationVersion: '0.1.0',
      offline: { vault: 'v', item: 'i', fields: ['f'] },
    });
    expect(offline.kind).toBe('offline');
    expect(await offline.listVaults()).toEqual([{ id: 'v', title: 'v' }]);
    const connect = await createSource(chooseSource(connectEnv), { integrationVersion: '0.1.0' });
    expect(connect.kind).toBe('connect');
    expect(inspect(connect, { depth: 10, showHidden: true })).not.toContain(CT);
  });
});

function catchError(run: () => unknown): HomeopsError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(HomeopsError);
    return err as HomeopsError;
  }
  throw new Error('expected a HomeopsError');
}
