import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HomeopsError } from '../../src/errors.ts';
import type { SecretRefSource } from '../../src/onepassword/types.ts';
import { SENTINEL_VALUE } from './fixtures.ts';

export interface ContractSetup {
  source: SecretRefSource;
  /** How many times the source fetched this item (by its title; 0 for a source with no reads). */
  reads(itemTitle: string): number;
  /** Every item read so far, for "only chosen items are read". */
  totalReads(): number;
  /** How many times a vault's item list was fetched. */
  listCalls(): number;
  teardown?(): Promise<void> | void;
}

/** What every SecretRefSource must do, whatever it talks to. */
export function sourceContract(name: string, setup: () => Promise<ContractSetup>): void {
  describe(`SecretRefSource contract: ${name}`, () => {
    let ctx: ContractSetup;
    beforeEach(async () => void (ctx = await setup()));
    afterEach(async () => ctx.teardown?.());

    const vaultId = async (title: string): Promise<string> => {
      const vault = (await ctx.source.listVaults()).find((v) => v.title === title);
      expect(vault, `vault ${title}`).toBeDefined();
      return vault!.id;
    };
    const itemId = async (vault: string, title: string): Promise<string> => {
      const item = (await ctx.source.findItems(vault, title)).find((i) => i.title === title);
      expect(item, `item ${title}`).toBeDefined();
      return item!.id;
    };

    it('lists vaults by id and title', async () => {
      const vaults = await ctx.source.listVaults();
      expect(vaults.map((v) => v.title).sort()).toEqual(['Homelab', 'Media']);
      for (const v of vaults) expect(v.id).toBeTruthy();
    });

    it('finds items by case-insensitive partial title without reading any', async () => {
      const homelab = await vaultId('Homelab');
      const found = await ctx.source.findItems(homelab, 'GRAF');
      expect(found.map((i) => i.title).sort()).toEqual(['Grafana Admin', 'grafana-oauth']);
      for (const i of found) expect(i.vaultId).toBe(homelab);
      expect((await ctx.source.findItems(homelab, '')).length).toBe(4);
      expect(await ctx.source.findItems(homelab, 'no such thing')).toEqual([]);
      expect(ctx.totalReads()).toBe(0);
    });

    it("lists a vault's items once, however many queries are made", async () => {
      const homelab = await vaultId('Homelab');
      const before = ctx.listCalls();
      await Promise.all([ctx.source.findItems(homelab, 'g'), ctx.source.findItems(homelab, 'gr')]);
      await ctx.source.findItems(homelab, 'gra');
      expect(ctx.listCalls() - before).toBeLessThanOrEqual(1);
    });

    it('describes an item by labels and sections, with no value anywhere', async () => {
      const homelab = await vaultId('Homelab');
      const described = await ctx.source.describeItem(
        homelab,
        await itemId(homelab, 'postgres db'),
      );
      expect(described.item).toMatchObject({ title: 'postgres db', vaultId: homelab });
      const byLabel = Object.fromEntries(described.fields.map((f) => [f.label, f]));
      expect(Object.keys(byLabel).sort()).toEqual([
        'api key',
        'note field',
        'password',
        'username',
      ]);
      expect(byLabel['api key']).toMatchObject({ sectionLabel: 'Extra' });
      expect(byLabel['api key']!.sectionId).toBeTruthy();
      expect(byLabel['password']!.sectionId).toBeUndefined();
      expect(byLabel['note field']!.sectionId).toBeUndefined(); // "add more" means no section
      if (ctx.source.kind !== 'offline') expect(byLabel['password']!.type).toBe('concealed');
      const json = JSON.stringify(described);
      expect(json).not.toContain(SENTINEL_VALUE);
      expect(json).not.toMatch(/"value"/);
      for (const f of described.fields)
        expect(Object.keys(f).sort()).toEqual(expect.arrayContaining(['id', 'label', 'type']));
    });

    it('keeps duplicate labels from different sections apart', async () => {
      const homelab = await vaultId('Homelab');
      const described = await ctx.source.describeItem(homelab, await itemId(homelab, 'redis'));
      const passwords = described.fields.filter((f) => f.label === 'password');
      expect(passwords.map((f) => f.sectionLabel ?? null).sort()).toEqual(['Backup', null]);
    });

    it('reads an item at most once, and only the items asked for', async () => {
      const homelab = await vaultId('Homelab');
      const id = await itemId(homelab, 'grafana-oauth');
      const [a, b] = await Promise.all([
        ctx.source.describeItem(homelab, id),
        ctx.source.describeItem(homelab, id),
      ]);
      a.fields.length = 0; // a caller mutating its copy must not change the cached answer
      const c = await ctx.source.describeItem(homelab, id);
      expect(b).toEqual(c);
      expect(c.fields.map((f) => f.label)).toEqual(['client id', 'client secret']);
      expect(ctx.reads('grafana-oauth')).toBeLessThanOrEqual(1);
      expect(ctx.totalReads()).toBe(ctx.reads('grafana-oauth'));
    });

    it('says SOURCE_NOT_FOUND for an item that is not there', async () => {
      const media = await vaultId('Media');
      const missing = name === 'offline' ? 'No Such Item' : 'nosuchitem0000000000000000';
      const err = await ctx.source.describeItem(media, missing).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(HomeopsError);
      expect((err as HomeopsError).code).toBe('SOURCE_NOT_FOUND');
      expect((err as HomeopsError).fix).toBeTruthy();
    });
  });
}
