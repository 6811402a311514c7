import type { SdkClientLike } from '../../src/onepassword/sdk-source.ts';
import { FIXTURE, SENTINEL_VALUE, type FixtureVault } from './fixtures.ts';

/** Named like the SDK's class, which is how the source recognises it without loading the SDK. */
export class RateLimitExceededError extends Error {}

export interface FakeSdk {
  client: SdkClientLike;
  /** How many times items.get read this item. */
  reads(itemId: string): number;
  /** Every call made, e.g. 'vaults.list', 'items.list <vaultId>', 'items.get <vaultId> <itemId>'. */
  calls: string[];
  /** Makes every call reject with this until cleared. */
  fail(error: unknown): void;
}

/** A client with @1password/sdk's shapes (VaultOverview, ItemOverview, Item) over the fixture. */
export function fakeSdkClient(data: FixtureVault[] = FIXTURE): FakeSdk {
  const calls: string[] = [];
  let failure: unknown;
  const stamp = new Date('2024-01-01T00:00:00Z');
  const call = async <T>(name: string, run: () => T): Promise<T> => {
    calls.push(name);
    await Promise.resolve();
    if (failure !== undefined) throw failure;
    return run();
  };
  const vault = (id: string): FixtureVault => {
    const v = data.find((x) => x.id === id);
    if (!v) throw new Error(`error: vault ${id} couldn't be found`);
    return v;
  };

  const client = {
    vaults: {
      list: () =>
        call('vaults.list', () =>
          data.map((v) => ({
            id: v.id,
            title: v.title,
            description: '',
            vaultType: 'userCreated',
            activeItemCount: v.items.length,
            contentVersion: 1,
            attributeVersion: 1,
            createdAt: stamp,
            updatedAt: stamp,
          })),
        ),
    },
    items: {
      list: (vaultId: string) =>
        call(`items.list ${vaultId}`, () =>
          vault(vaultId).items.map((i) => ({
            id: i.id,
            title: i.title,
            category: 'Login',
            vaultId,
            websites: [],
            tags: [],
            createdAt: stamp,
            updatedAt: stamp,
            state: 'active',
          })),
        ),
      get: (vaultId: string, itemId: string) =>
        call(`items.get ${vaultId} ${itemId}`, () => {
          const item = vault(vaultId).items.find((i) => i.id === itemId);
          if (!item) throw new Error(`error: item ${itemId} couldn't be found`);
          return {
            id: item.id,
            title: item.title,
            category: 'Login',
            vaultId,
            fields: item.fields.map((f) => ({
              id: f.id,
              title: f.label,
              ...(f.section && { sectionId: f.section }),
              fieldType: f.type === 'CONCEALED' ? 'Concealed' : 'Text',
              value: f.value,
            })),
            sections: item.sections.map((s) => ({ id: s.id, title: s.label ?? '' })),
            notes: `${SENTINEL_VALUE}-notes`,
            tags: [],
            websites: [],
            version: 1,
            files: [],
            createdAt: stamp,
            updatedAt: stamp,
          };
        }),
    },
  } satisfies SdkClientLike;

  return {
    client,
    calls,
    reads: (itemId) =>
      calls.filter((c) => c.startsWith('items.get ') && c.endsWith(` ${itemId}`)).length,
    fail: (error) => void (failure = error),
  };
}
