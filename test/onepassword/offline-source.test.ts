import { describe, expect, it } from 'vitest';
import { HomeopsError } from '../../src/errors.ts';
import { OfflineSource, type OfflineCatalog } from '../../src/onepassword/offline-source.ts';

describe('OfflineSource', () => {
  it('is built from the names the user typed', async () => {
    const source = new OfflineSource({
      vault: 'Homelab',
      item: 'postgres db',
      fields: ['username', { label: 'api key', section: 'Extra' }],
    });
    expect(await source.listVaults()).toEqual([{ id: 'Homelab', title: 'Homelab' }]);
    expect(await source.findItems('Homelab', 'POST')).toEqual([
      { id: 'postgres db', title: 'postgres db', vaultId: 'Homelab' },
    ]);
    const described = await source.describeItem('Homelab', 'postgres db');
    expect(described.fields).toEqual([
      { id: 'username', label: 'username', type: 'unknown' },
      {
        id: 'Extra/api key',
        label: 'api key',
        sectionId: 'Extra',
        sectionLabel: 'Extra',
        type: 'unknown',
      },
    ]);
  });

  it('knows no vaults when given nothing', async () => {
    expect(await new OfflineSource().listVaults()).toEqual([]);
  });

  it('names an unknown vault', async () => {
    const err = await new OfflineSource().findItems('Nope', '').catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'SOURCE_NOT_FOUND' });
    expect((err as HomeopsError).message).toContain('"Nope"');
  });

  it.each([
    [{ vaults: 'x' }, 'vaults must be a list'],
    [{ vaults: [{ title: '', items: [] }] }, 'vaults[0].title must be a non-empty string'],
    [
      { vaults: [{ title: 'v', items: [{ title: 'i' }] }] },
      'vaults[0].items[0].fields must be a list',
    ],
    [
      { vaults: [{ title: 'v', items: [{ title: 'i', fields: [{ label: 'f', section: 3 }] }] }] },
      'vaults[0].items[0].fields[0].section',
    ],
  ])('refuses a malformed catalog: %j', (catalog, where) => {
    let err: unknown;
    try {
      new OfflineSource(catalog as unknown as OfflineCatalog);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HomeopsError);
    expect((err as HomeopsError).code).toBe('INVALID_INPUT');
    expect((err as HomeopsError).message).toContain(where);
  });
});
