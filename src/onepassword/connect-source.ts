import { OnePasswordConnect, type OPConnect } from '@1password/connect';
import { HomeopsError } from '../errors.ts';
import { connectAnswer } from './connect-answer.ts';
import { connectError } from './connect-error.ts';
import { parseConnectHost } from './connect-host.ts';
import { ReadOnce } from './read-once.ts';
import { isOnePasswordId } from './reference-names.ts';
import type { Secret } from './secret.ts';
import type { FieldRef, ItemFields, ItemRef, SecretRefSource, VaultRef } from './types.ts';

export interface ConnectSourceOptions {
  /** OP_CONNECT_HOST, e.g. http://onepassword-connect:8080 */
  host: string;
  /** OP_CONNECT_TOKEN */
  token: Secret;
  /** Per-request timeout; the client's default is 15 s. */
  timeoutMs?: number;
}

/** The parts of a Connect full item that are kept; `value` is deliberately absent. */
interface ConnectItemShape {
  id?: string;
  title?: string;
  vault?: { id?: string };
  sections?: Array<{ id?: string; label?: string }>;
  fields?: Array<{
    id?: string;
    label?: string;
    type?: unknown;
    section?: { id?: string; label?: string };
  }>;
}

/**
 * Names from a 1Password Connect server, over the official client. Vaults and items are listed
 * and matched here (Connect's title filters disagree with its spec); each chosen item is read once
 * and reduced to field names on arrival.
 */
export class ConnectSource implements SecretRefSource {
  readonly kind = 'connect' as const;
  readonly #client: OPConnect;
  readonly #token: Secret;
  readonly #host: string;
  readonly #items = new ReadOnce<ItemFields>();
  readonly #lists = new ReadOnce<ItemRef[]>();
  readonly #vaults = new ReadOnce<VaultRef[]>();
  readonly #vaultTitles = new Map<string, string>();

  constructor(options: ConnectSourceOptions) {
    const { serverURL, display } = parseConnectHost(options.host);
    this.#host = display;
    this.#token = options.token;
    this.#client = OnePasswordConnect({
      serverURL,
      token: options.token.reveal(),
      ...(options.timeoutMs !== undefined && { timeout: options.timeoutMs }),
    });
  }

  /** Lists once per source; later calls reuse the answer (every call counts against the rate limit). */
  listVaults(): Promise<VaultRef[]> {
    return this.#vaults.get('', async () => {
      const vaults = await this.#call('listing vaults', undefined, async () =>
        this.#answer(await this.#client.listVaults(), 'vaults', 'listing vaults'),
      );
      return vaults.map((v) => {
        const ref = { id: String(v.id ?? ''), title: String(v.name ?? '') };
        this.#vaultTitles.set(ref.id, ref.title);
        return ref;
      });
    });
  }

  async findItems(vaultId: string, query: string): Promise<ItemRef[]> {
    checkId('vault', vaultId);
    const items = await this.#lists.get(vaultId, async () => {
      const vault = this.#vaultName(vaultId);
      const action = `listing items in vault ${vault}`;
      const listed = await this.#call(action, vault, async () =>
        this.#answer(await this.#client.listItems(vaultId), 'items', action),
      );
      return listed
        .filter((i) => !i.trashed)
        .map((i) => ({
          id: String(i.id ?? ''),
          title: String(i.title ?? ''),
          vaultId: i.vault?.id ?? vaultId,
        }));
    });
    const needle = query.toLowerCase();
    return items.filter((i) => i.title.toLowerCase().includes(needle));
  }

  async describeItem(vaultId: string, itemId: string): Promise<ItemFields> {
    checkId('vault', vaultId);
    checkId('item', itemId);
    return this.#items.get(`${vaultId}/${itemId}`, async () => {
      const vault = this.#vaultName(vaultId);
      const action = `reading item ${itemId} in vault ${vault}`;
      // The full item holds decrypted values: reduce it inside this expression, keep nothing else.
      return toItemFields(
        await this.#call(
          action,
          vault,
          async () => this.#answer(await this.#client.getItemById(vaultId, itemId), 'item', action),
          { quoteServer: false }, // a server may echo a field's value into its error
        ),
        vaultId,
      );
    });
  }

  #vaultName(vaultId: string): string {
    const title = this.#vaultTitles.get(vaultId);
    return title ? `"${title}" (${vaultId})` : vaultId;
  }

  #answer<T>(data: T, expect: 'vaults' | 'items' | 'item', action: string): T {
    return connectAnswer(data, expect, { host: this.#host, action });
  }

  async #call<T>(
    action: string,
    vault: string | undefined,
    run: () => Promise<T>,
    options: { quoteServer?: boolean } = {},
  ): Promise<T> {
    try {
      return await run();
    } catch (err) {
      const notFoundFix = vault
        ? undefined
        : `check OP_CONNECT_HOST (${this.#host}): it must be the Connect server's base URL, the one serving /v1/vaults`;
      throw connectError(err, {
        host: this.#host,
        action,
        ...(vault && { vault }),
        ...(notFoundFix && { notFoundFix }),
        token: this.#token,
        quoteServer: options.quoteServer ?? true,
      });
    }
  }
}

function toItemFields(item: ConnectItemShape, vaultId: string): ItemFields {
  const sectionLabels = new Map((item.sections ?? []).map((s) => [s.id ?? '', s.label ?? '']));
  const fields = (item.fields ?? []).map((f): FieldRef => {
    const sectionId = f.section?.id;
    const sectionLabel =
      f.section?.label || (sectionId ? sectionLabels.get(sectionId) : undefined) || undefined;
    const inSection = sectionId && !(sectionId === 'add more' && !sectionLabel);
    return {
      id: String(f.id ?? ''),
      label: String(f.label ?? ''),
      ...(inSection && { sectionId }),
      ...(inSection && sectionLabel && { sectionLabel }),
      type: typeof f.type === 'string' ? f.type.toLowerCase() : 'unknown',
    };
  });
  return {
    item: {
      id: String(item.id ?? ''),
      title: String(item.title ?? ''),
      vaultId: item.vault?.id ?? vaultId,
    },
    fields,
  };
}

function checkId(kind: 'vault' | 'item', id: string): void {
  if (isOnePasswordId(id)) return;
  throw new HomeopsError('INVALID_INPUT', `1Password Connect needs a ${kind} ID, got "${id}"`, {
    fix: `pass the ${kind}'s 26-character ID as listed by the source, not its title`,
  });
}
