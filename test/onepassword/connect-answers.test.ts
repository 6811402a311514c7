import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HomeopsError } from '../../src/errors.ts';
import { ConnectSource } from '../../src/onepassword/connect-source.ts';
import { Secret } from '../../src/onepassword/secret.ts';
import { startConnectServer, type FakeConnect } from './connect-server.ts';
import { FIXTURE, SENTINEL_TOKEN } from './fixtures.ts';

const homelab = FIXTURE[0]!;
const item = homelab.items[0]!;

const calls = {
  listVaults: { action: 'listing vaults', run: (s: ConnectSource) => s.listVaults() },
  findItems: {
    action: `listing items in vault ${homelab.id}`,
    run: (s: ConnectSource) => s.findItems(homelab.id, 'db'),
  },
  describeItem: {
    action: `reading item ${item.id} in vault ${homelab.id}`,
    run: (s: ConnectSource) => s.describeItem(homelab.id, item.id),
  },
};

/** What other services on OP_CONNECT_HOST answer: none of it is Connect JSON. */
const answers = [
  ['a login page', 'text/html', '<html><body>Sign in</body></html>'],
  ['a JSON object', 'application/json', '{"status":"ok"}'],
  ['objects without IDs', 'application/json', '[{"name":"x"},{"title":"y"}]'],
  ['JSON null', 'application/json', 'null'],
] as const;

describe('ConnectSource: a server that does not answer with Connect JSON', () => {
  let server: FakeConnect;
  beforeAll(async () => void (server = await startConnectServer()));
  afterAll(() => server.close());
  beforeEach(() => server.fail(undefined));

  for (const [what, contentType, body] of answers) {
    for (const [name, call] of Object.entries(calls)) {
      it(`${what} during ${name}: says so, instead of listing nameless vaults and items`, async () => {
        const source = new ConnectSource({ host: server.url, token: new Secret(SENTINEL_TOKEN) });
        server.fail({ raw: { status: 200, contentType, body } });
        const error = await call.run(source).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(HomeopsError);
        expect(error).toMatchObject({
          code: 'SOURCE_NETWORK',
          message: `the server at OP_CONNECT_HOST (${server.url}) did not answer with Connect JSON while ${call.action}`,
          fix: expect.stringMatching(
            /^set OP_CONNECT_HOST to the 1Password Connect server's base URL/,
          ),
        });
      });
    }
  }

  it('an error of an item read shows its status, never the text (which may echo a value)', async () => {
    const source = new ConnectSource({ host: server.url, token: new Secret(SENTINEL_TOKEN) });
    server.fail({ status: 500, message: 'cannot decrypt field password=hunter2-value' });
    const error = (await source
      .describeItem(homelab.id, item.id)
      .catch((e: unknown) => e)) as Error;
    expect(error.message).toBe(
      `1Password Connect at ${server.url} failed while reading item ${item.id} in vault ${homelab.id} (500)`,
    );
    expect(JSON.stringify(error)).not.toContain('hunter2');
  });

  it('the text of a list error is still shown (it names no item)', async () => {
    const source = new ConnectSource({ host: server.url, token: new Secret(SENTINEL_TOKEN) });
    server.fail({ status: 500, message: 'database is locked' });
    await expect(source.listVaults()).rejects.toThrow(
      `1Password Connect at ${server.url} failed while listing vaults (500 database is locked)`,
    );
  });
});
