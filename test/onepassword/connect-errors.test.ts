import { createServer } from 'node:net';
import { inspect } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HomeopsError, type ErrorCode } from '../../src/errors.ts';
import { ConnectSource } from '../../src/onepassword/connect-source.ts';
import { Secret } from '../../src/onepassword/secret.ts';
import { startConnectServer, type ConnectFailure, type FakeConnect } from './connect-server.ts';
import { FIXTURE, SENTINEL_TOKEN, WRONG_TOKEN } from './fixtures.ts';
import { captureOutput, errorSurfaces, expectNoSentinels } from './leak-check.ts';

const homelab = FIXTURE[0]!;
const item = homelab.items[0]!;

type Call = (s: ConnectSource) => Promise<unknown>;
const calls: Record<string, Call> = {
  listVaults: (s) => s.listVaults(),
  findItems: (s) => s.findItems(homelab.id, 'db'),
  describeItem: (s) => s.describeItem(homelab.id, item.id),
};

const cases: Array<{
  name: string;
  failure?: ConnectFailure;
  token?: string;
  code: ErrorCode;
  fix: RegExp;
}> = [
  { name: '401 wrong token', token: WRONG_TOKEN, code: 'SOURCE_AUTH', fix: /OP_CONNECT_TOKEN/ },
  {
    name: '401 echoing the token',
    failure: { status: 401, message: `Invalid token ${SENTINEL_TOKEN}` },
    code: 'SOURCE_AUTH',
    fix: /OP_CONNECT_TOKEN/,
  },
  {
    name: '403 vault out of scope',
    failure: { status: 403 },
    code: 'SOURCE_AUTH',
    fix: /has access to/,
  },
  { name: '404', failure: { status: 404 }, code: 'SOURCE_NOT_FOUND', fix: /exist|OP_CONNECT_HOST/ },
  { name: '429', failure: { status: 429 }, code: 'SOURCE_RATE_LIMIT', fix: /wait and retry/ },
  { name: '500', failure: { status: 500 }, code: 'SOURCE_NETWORK', fix: /Connect server's logs/ },
  {
    name: '502 with an empty body (AxiosError path)',
    failure: { status: 502, emptyBody: true },
    code: 'SOURCE_NETWORK',
    fix: /logs/,
  },
];

describe('ConnectSource errors', () => {
  let server: FakeConnect;
  beforeAll(async () => void (server = await startConnectServer()));
  afterAll(() => server.close());
  beforeEach(() => server.fail(undefined));

  for (const c of cases) {
    for (const [callName, call] of Object.entries(calls)) {
      it(`${c.name} during ${callName} -> ${c.code}, with a fix and no secrets`, async () => {
        server.fail(c.failure);
        const source = new ConnectSource({
          host: server.url,
          token: new Secret(c.token ?? SENTINEL_TOKEN),
        });
        const { error, output } = await captureOutput(() => call(source));
        expectSafeError(error, c.code, c.fix, output);
        expectNoSentinels({
          source: inspect(source, { depth: 10, showHidden: true }),
          json: JSON.stringify(source),
        });
      });
    }
  }

  it('names the vault by title in messages once it has been listed', async () => {
    const source = new ConnectSource({ host: server.url, token: new Secret(SENTINEL_TOKEN) });
    await source.listVaults();
    server.fail({ status: 403 });
    const err = (await source
      .describeItem(homelab.id, item.id)
      .catch((e: unknown) => e)) as HomeopsError;
    expect(err.message).toContain('"Homelab"');
    expect(err.fix).toContain('"Homelab"');
  });

  it('retries a read that failed, and still reads it only once when it succeeds', async () => {
    const source = new ConnectSource({ host: server.url, token: new Secret(SENTINEL_TOKEN) });
    server.fail({ status: 429 });
    await expect(source.describeItem(homelab.id, item.id)).rejects.toMatchObject({
      code: 'SOURCE_RATE_LIMIT',
    });
    server.fail(undefined);
    const before = server.reads(item.id);
    await source.describeItem(homelab.id, item.id);
    await source.describeItem(homelab.id, item.id);
    expect(server.reads(item.id) - before).toBe(1);
  });

  it('a server that never answers -> SOURCE_NETWORK after the timeout', async () => {
    server.fail({ hang: true });
    const source = new ConnectSource({
      host: server.url,
      token: new Secret(SENTINEL_TOKEN),
      timeoutMs: 200,
    });
    const { error, output } = await captureOutput(() => source.describeItem(homelab.id, item.id));
    expectSafeError(error, 'SOURCE_NETWORK', /OP_CONNECT_HOST/, output);
    expect((error as HomeopsError).message).toMatch(/did not answer in time/);
  });

  it('refuses a title where Connect needs an ID, before any request', async () => {
    const source = new ConnectSource({ host: server.url, token: new Secret(SENTINEL_TOKEN) });
    const before = server.requests.length;
    await expect(source.describeItem('Homelab', 'postgres db')).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    expect(server.requests.length).toBe(before);
  });
});

describe('ConnectSource on a closed port', () => {
  for (const [callName, call] of Object.entries(calls)) {
    it(`ECONNREFUSED during ${callName} -> SOURCE_NETWORK, with a fix and no token`, async () => {
      const port = await closedPort();
      const source = new ConnectSource({
        host: `http://127.0.0.1:${port}`,
        token: new Secret(SENTINEL_TOKEN),
      });
      const { error, output } = await captureOutput(() => call(source));
      expectSafeError(error, 'SOURCE_NETWORK', /OP_CONNECT_HOST/, output);
      expect((error as HomeopsError).message).toContain('ECONNREFUSED');
    });
  }
});

function expectSafeError(error: unknown, code: ErrorCode, fix: RegExp, output: string): void {
  expect(error).toBeInstanceOf(HomeopsError);
  const err = error as HomeopsError;
  expect(err.code).toBe(code);
  expect(err.fix).toMatch(fix);
  expect(err.message).toMatch(/1Password Connect at http:\/\/127\.0\.0\.1:\d+/);
  expect(Object.keys(err)).not.toContain('cause');
  expectNoSentinels({ ...errorSurfaces(err), output });
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
