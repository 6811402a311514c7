import { HomeopsError } from '../errors.ts';
import type { FieldRef, ItemFields, ItemRef, SecretRefSource, VaultRef } from './types.ts';

/** A field as typed by the user: its label, optionally with the section it sits in. */
export type OfflineField = string | { label: string; section?: string };

/** The names of one secret, as typed on the command line or in prompts. */
export interface OfflineNames {
  vault: string;
  item: string;
  fields: OfflineField[];
}

/** Names kept in the repo (e.g. a committed secret-refs.yaml), so CI needs no token. */
export interface OfflineCatalog {
  vaults: Array<{ title: string; items: Array<{ title: string; fields: OfflineField[] }> }>;
}

/**
 * Names the user already knows, with no network at all. IDs are the titles themselves, so the
 * references generated from it use titles.
 */
export class OfflineSource implements SecretRefSource {
  readonly kind = 'offline' as const;
  readonly #catalog: OfflineCatalog;

  constructor(input: OfflineNames | OfflineCatalog = { vaults: [] }) {
    this.#catalog =
      typeof input === 'object' && input !== null && 'vaults' in input
        ? checkCatalog(input)
        : checkCatalog(fromNames(input));
  }

  async listVaults(): Promise<VaultRef[]> {
    return this.#catalog.vaults.map((v) => ({ id: v.title, title: v.title }));
  }

  async findItems(vaultId: string, query: string): Promise<ItemRef[]> {
    const needle = query.toLowerCase();
    return this.#vault(vaultId)
      .items.filter((i) => i.title.toLowerCase().includes(needle))
      .map((i) => ({ id: i.title, title: i.title, vaultId }));
  }

  async describeItem(vaultId: string, itemId: string): Promise<ItemFields> {
    const item = this.#vault(vaultId).items.find((i) => i.title === itemId);
    if (!item) {
      throw new HomeopsError(
        'SOURCE_NOT_FOUND',
        `offline 1Password names have no item "${itemId}" in vault "${vaultId}"`,
        {
          fix: `check the spelling, or add the item under vault "${vaultId}" in the offline names`,
        },
      );
    }
    const fields = item.fields.map((f): FieldRef => {
      const { label, section } = typeof f === 'string' ? { label: f, section: undefined } : f;
      return section
        ? {
            id: `${section}/${label}`,
            label,
            sectionId: section,
            sectionLabel: section,
            type: 'unknown',
          }
        : { id: label, label, type: 'unknown' };
    });
    return { item: { id: item.title, title: item.title, vaultId }, fields };
  }

  #vault(vaultId: string): OfflineCatalog['vaults'][number] {
    const vault = this.#catalog.vaults.find((v) => v.title === vaultId);
    if (vault) return vault;
    throw new HomeopsError(
      'SOURCE_NOT_FOUND',
      `offline 1Password names have no vault "${vaultId}"`,
      {
        fix: `check the spelling, or add vault "${vaultId}" to the offline names`,
      },
    );
  }
}

function fromNames(names: OfflineNames): OfflineCatalog {
  return { vaults: [{ title: names.vault, items: [{ title: names.item, fields: names.fields }] }] };
}

/** Refuses malformed input (it may come from a hand-written file), naming the bad path. */
function checkCatalog(catalog: OfflineCatalog): OfflineCatalog {
  const fail = (path: string, what: string): never => {
    throw new HomeopsError('INVALID_INPUT', `offline 1Password names: ${path} ${what}`, {
      fix: 'write it as {vaults: [{title, items: [{title, fields: [label | {label, section}]}]}]} with non-empty titles',
    });
  };
  const name = (value: unknown, path: string): void => {
    if (typeof value !== 'string' || value.trim() === '') fail(path, 'must be a non-empty string');
  };
  if (!Array.isArray(catalog?.vaults)) fail('vaults', 'must be a list');
  catalog.vaults.forEach((v, vi) => {
    name(v?.title, `vaults[${vi}].title`);
    if (!Array.isArray(v.items)) fail(`vaults[${vi}].items`, 'must be a list');
    v.items.forEach((i, ii) => {
      const at = `vaults[${vi}].items[${ii}]`;
      name(i?.title, `${at}.title`);
      if (!Array.isArray(i.fields)) fail(`${at}.fields`, 'must be a list');
      i.fields.forEach((f, fi) => {
        if (typeof f === 'string') return name(f, `${at}.fields[${fi}]`);
        name(f?.label, `${at}.fields[${fi}].label`);
        if (f.section !== undefined) name(f.section, `${at}.fields[${fi}].section`);
      });
    });
  });
  return structuredClone(catalog);
}
