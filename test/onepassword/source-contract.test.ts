import { afterEach, beforeEach, describe, vi } from 'vitest';
import { ConnectSource } from '../../src/onepassword/connect-source.ts';
import { OfflineSource } from '../../src/onepassword/offline-source.ts';
import { SdkSource } from '../../src/onepassword/sdk-source.ts';
import { Secret } from '../../src/onepassword/secret.ts';
import { startConnectServer } from './connect-server.ts';
import { fakeSdkClient } from './fake-sdk-client.ts';
import { FIXTURE, SENTINEL_TOKEN, fixtureCatalog } from './fixtures.ts';
import { sourceContract } from './source-contract.ts';

const idOf = (title: string): string =>
  FIXTURE.flatMap((v) => v.items).find((i) => i.title === title)!.id;
const noNetwork = vi.fn(async () => {
  throw new Error('network used by a source that must not touch it');
});

sourceContract('connect', async () => {
  const server = await startConnectServer();
  const source = new ConnectSource({ host: server.url, token: new Secret(SENTINEL_TOKEN) });
  return {
    source,
    reads: (title) => server.reads(idOf(title)),
    totalReads: () => server.requests.filter((r) => /\/items\/[^/]+$/.test(r.path)).length,
    listCalls: () => server.requests.filter((r) => /\/items\/?$/.test(r.path)).length,
    teardown: () => server.close(),
  };
});

describeWithoutFetch('sources that must not touch the network', () => {
  sourceContract('sdk', async () => {
    const fake = fakeSdkClient();
    return {
      source: new SdkSource(fake.client, new Secret(SENTINEL_TOKEN)),
      reads: (title) => fake.reads(idOf(title)),
      totalReads: () => fake.calls.filter((c) => c.startsWith('items.get')).length,
      listCalls: () => fake.calls.filter((c) => c.startsWith('items.list')).length,
    };
  });

  sourceContract('offline', async () => ({
    source: new OfflineSource(fixtureCatalog()),
    reads: () => 0,
    totalReads: () => 0,
    listCalls: () => 0,
  }));
});

/** Replaces globalThis.fetch with a function that throws, and checks it was never called. */
function describeWithoutFetch(title: string, body: () => void): void {
  describe(title, () => {
    const original = globalThis.fetch;
    beforeEach(() => {
      noNetwork.mockClear();
      globalThis.fetch = noNetwork as unknown as typeof fetch;
    });
    afterEach(() => {
      globalThis.fetch = original;
      if (noNetwork.mock.calls.length > 0) throw new Error('a source called fetch');
    });
    body();
  });
}
