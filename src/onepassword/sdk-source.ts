import { ReadOnce } from './read-once.ts';
import { sdkError } from './sdk-error.ts';
import type { Secret } from './secret.ts';
import type { FieldRef, ItemFields, ItemRef, SecretRefSource, VaultRef } from './types.ts';

/** The slice of @1password/sdk's Client this source uses; tests inject a fake of this shape. */
export interface SdkClientLike {
  vaults: { list(): Promise<Array<{ id: string; title: string }>> };
  items: {
    list(
      vaultId: string,
    ): Promise<Array<{ id: string; title: string; vaultId: string; state?: string }>>;
    get(vaultId: string, itemId: string): Promise<SdkItemLike>;
  };
}

/** The parts of an SDK Item this source reads; the real one also carries `value`, never copied. */
export interface SdkItemLike {
  id: string;
  title: string;
  vaultId: string;
  fields: Array<{ id: string; title: string; sectionId?: string; fieldType: string }>;
  sections: Array<{ id: string; title: string }>;
}

export interface SdkSourceOptions {
  /** OP_SERVICE_ACCOUNT_TOKEN */
  token: Secret;
  /** This tool's version, reported to 1Password with integrationName 'homeops-scaffold'. */
  integrationVersion: string;
}

/**
 * Names from 1Password through the official SDK (service account). The SDK's 14 MB WASM core is
 * loaded only by `create`, never by importing this file.
 */
export class SdkSource implements SecretRefSource {
  readonly kind = 'sdk' as const;
  readonly #client: SdkClientLike;
  readonly #token: Secret | undefined;
  readonly #items = new ReadOnce<ItemFields>();
  readonly #lists = new ReadOnce<ItemRef[]>();
  readonly #vaults = new ReadOnce<VaultRef[]>();
  readonly #vaultTitles = new Map<string, string>();

  /** Wraps an existing client (tests, or a caller that built one with DesktopAuth). */
  constructor(client: SdkClientLike, token?: Secret) {
    this.#client = client;
    this.#token = token;
  }

  /** Loads the SDK and signs in with the service-account token. */
  static async create(options: SdkSourceOptions): Promise<SdkSource> {
    const sdk = await import('@1password/sdk');
    try {
      const client = await sdk.createClient({
        auth: options.token.reveal(),
        integrationName: 'homeops-scaffold',
        integrationVersion: options.integrationVersion,
      });
      return new SdkSource(client, options.token);
    } catch (err) {
      throw sdkError(err, {
        action: 'signing in with OP_SERVICE_ACCOUNT_TOKEN',
        token: options.token,
      });
    }
  }

  /** Lists once per source; later calls reuse the answer (every call counts against the rate limit). */
  listVaults(): Promise<VaultRef[]> {
    return this.#vaults.get('', async () => {
      const vaults = await this.#call('listing vaults', undefined, () =>
        this.#client.vaults.list(),
      );
      return vaults.map((v) => {
        this.#vaultTitles.set(v.id, v.title);
        return { id: v.id, title: v.title };
      });
    });
  }

  async findItems(vaultId: string, query: string): Promise<ItemRef[]> {
    const items = await this.#lists.get(vaultId, async () => {
      const vault = this.#vaultName(vaultId);
      const listed = await this.#call(`listing items in vault ${vault}`, vault, () =>
        this.#client.items.list(vaultId),
      );
      return listed
        .filter((i) => i.state !== 'archived')
        .map((i) => ({ id: i.id, title: i.title, vaultId: i.vaultId || vaultId }));
    });
    const needle = query.toLowerCase();
    return items.filter((i) => i.title.toLowerCase().includes(needle));
  }

  async describeItem(vaultId: string, itemId: string): Promise<ItemFields> {
    return this.#items.get(`${vaultId}/${itemId}`, async () => {
      const vault = this.#vaultName(vaultId);
      const action = `reading item ${itemId} in vault ${vault}`;
      // The item holds decrypted values: reduce it inside this expression, keep nothing else.
      return toItemFields(
        await this.#call(action, vault, () => this.#client.items.get(vaultId, itemId)),
      );
    });
  }

  #vaultName(vaultId: string): string {
    const title = this.#vaultTitles.get(vaultId);
    return title ? `"${title}" (${vaultId})` : vaultId;
  }

  async #call<T>(action: string, vault: string | undefined, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw sdkError(err, {
        action,
        ...(vault && { vault }),
        ...(this.#token && { token: this.#token }),
      });
    }
  }
}

function toItemFields(item: SdkItemLike): ItemFields {
  const sectionTitles = new Map(item.sections.map((s) => [s.id, s.title]));
  const fields = item.fields.map((f): FieldRef => {
    const sectionLabel = f.sectionId ? sectionTitles.get(f.sectionId) || undefined : undefined;
    // SDK issue #170: fields outside any section may report sectionId "add more".
    const inSection = f.sectionId && !(f.sectionId === 'add more' && !sectionLabel);
    return {
      id: f.id,
      label: f.title,
      ...(inSection && { sectionId: f.sectionId }),
      ...(inSection && sectionLabel && { sectionLabel }),
      type: f.fieldType.toLowerCase(),
    };
  });
  return { item: { id: item.id, title: item.title, vaultId: item.vaultId }, fields };
}
