import { inspect } from 'node:util';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HomeopsError, type ErrorCode } from '../../src/errors.ts';
import { SdkSource } from '../../src/onepassword/sdk-source.ts';
import { Secret } from '../../src/onepassword/secret.ts';
import { RateLimitExceededError, fakeSdkClient } from './fake-sdk-client.ts';
import { FIXTURE, SENTINEL_TOKEN } from './fixtures.ts';
import { captureOutput, errorSurfaces, expectNoSentinels } from './leak-check.ts';

const homelab = FIXTURE[0]!;
const item = homelab.items[0]!;

/** The errors @1password/sdk 0.5.0 was seen to throw (see shared/notes/onepassword.md §1). */
const cases: Array<{ name: string; error: unknown; code: ErrorCode; fix: RegExp }> = [
  {
    name: 'RateLimitExceededError',
    error: new RateLimitExceededError('rate limit exceeded'),
    code: 'SOURCE_RATE_LIMIT',
    fix: /wait and retry/,
  },
  {
    name: '429 as a plain auth Error',
    error: new Error('authentication error: rate limit exceeded'),
    code: 'SOURCE_RATE_LIMIT',
    fix: /wait and retry/,
  },
  {
    name: '401',
    error: new Error('authentication error: you are not authenticated'),
    code: 'SOURCE_AUTH',
    fix: /OP_SERVICE_ACCOUNT_TOKEN/,
  },
  {
    name: 'a message quoting the token',
    error: new Error(`invalid token ${SENTINEL_TOKEN}`),
    code: 'SOURCE_AUTH',
    fix: /OP_SERVICE_ACCOUNT_TOKEN/,
  },
  {
    name: 'not found',
    error: new Error("error: the item couldn't be found"),
    code: 'SOURCE_NOT_FOUND',
    fix: /exist/,
  },
  {
    name: 'fetch failure',
    error: new TypeError('fetch failed'),
    code: 'SOURCE_NETWORK',
    fix: /network/,
  },
  {
    name: 'something else',
    error: new Error('an internal error occurred'),
    code: 'SOURCE_NETWORK',
    fix: /retry/,
  },
];

const calls: Record<string, (s: SdkSource) => Promise<unknown>> = {
  listVaults: (s) => s.listVaults(),
  findItems: (s) => s.findItems(homelab.id, 'db'),
  describeItem: (s) => s.describeItem(homelab.id, item.id),
};

describe('SdkSource errors', () => {
  for (const c of cases) {
    for (const [callName, call] of Object.entries(calls)) {
      it(`${c.name} during ${callName} -> ${c.code}, with a fix and no secrets`, async () => {
        const fake = fakeSdkClient();
        fake.fail(c.error);
        const source = new SdkSource(fake.client, new Secret(SENTINEL_TOKEN));
        const { error, output } = await captureOutput(() => call(source));
        expect(error).toBeInstanceOf(HomeopsError);
        expect((error as HomeopsError).code).toBe(c.code);
        expect((error as HomeopsError).fix).toMatch(c.fix);
        expectNoSentinels({
          ...errorSurfaces(error),
          output,
          source: inspect(source, { depth: 10, showHidden: true }),
        });
      });
    }
  }

  it('forgets a failed read so it can be retried, then reads once', async () => {
    const fake = fakeSdkClient();
    const source = new SdkSource(fake.client);
    fake.fail(new Error('authentication error: rate limit exceeded'));
    await expect(source.describeItem(homelab.id, item.id)).rejects.toMatchObject({
      code: 'SOURCE_RATE_LIMIT',
    });
    fake.fail(undefined);
    await source.describeItem(homelab.id, item.id);
    await source.describeItem(homelab.id, item.id);
    expect(fake.reads(item.id)).toBe(2); // the failed attempt and one successful read
  });
});

describe('SdkSource.create with the real SDK', () => {
  const original = globalThis.fetch;
  const fetchSpy = vi.fn(async () => {
    throw new TypeError('fetch failed');
  });
  beforeEach(() => void (globalThis.fetch = fetchSpy as unknown as typeof fetch));
  afterEach(() => void (globalThis.fetch = original));

  it('a malformed service-account token -> SOURCE_AUTH, locally, without echoing it', async () => {
    const token = `ops_${SENTINEL_TOKEN}`;
    const { error, output } = await captureOutput(() =>
      SdkSource.create({ token: new Secret(token), integrationVersion: '0.1.0' }),
    );
    expect(error).toBeInstanceOf(HomeopsError);
    expect((error as HomeopsError).code).toBe('SOURCE_AUTH');
    expect((error as HomeopsError).message).toMatch(/signing in/);
    expectNoSentinels({ ...errorSurfaces(error), output }, [token]);
    expect(fetchSpy).not.toHaveBeenCalled();
  });
});
