import { HomeopsError, isHomeopsError } from '../errors.ts';
import { chooseSource, type SourceEnv } from '../onepassword/choose-source.ts';
import { createSource } from '../onepassword/create-source.ts';
import { pickItemByTitle } from '../onepassword/reference-names.ts';
import type {
  ItemFields,
  ItemRef,
  SecretRefSource,
  SourceKind,
  VaultRef,
} from '../onepassword/types.ts';

const VERSION = '0.1.0';

/** Failures of 1Password itself (not of the names asked for): an interactive run goes on offline. */
const OUTAGES = new Set(['SOURCE_AUTH', 'SOURCE_RATE_LIMIT', 'SOURCE_NETWORK']);

/**
 * 1Password as this run sees it: the source chosen from the environment (or `--source`), opened
 * once, asked only for names. When a lookup fails in an interactive run, the run continues with
 * names typed by hand (the lookup goes offline); a script gets the error.
 */
export class OnePasswordLookup {
  private opened: Promise<SecretRefSource> | undefined;
  private openedKind: SourceKind | undefined;
  private degraded = false;

  constructor(
    private readonly env: SourceEnv,
    private readonly interactive: boolean,
  ) {}

  /** The source kind the environment selects. */
  defaultKind(): SourceKind {
    return chooseSource(this.env).kind;
  }

  /** Refuses a source whose credentials are missing from the environment. */
  checkKind(kind: SourceKind): void {
    chooseSource(this.env, kind);
  }

  /** Whether names are taken as typed (offline source, or lookups failed in an interactive run). */
  isOffline(kind: SourceKind): boolean {
    return kind === 'offline' || this.degraded;
  }

  async vaults(kind: SourceKind): Promise<VaultRef[]> {
    return this.call(kind, (s) => s.listVaults());
  }

  /** The vault named (title or ID, case-insensitively). */
  async vault(kind: SourceKind, name: string): Promise<VaultRef> {
    const vaults = await this.vaults(kind);
    const found = vaults.find((v) => v.id === name || v.title.toLowerCase() === name.toLowerCase());
    if (!found) {
      throw new HomeopsError(
        'SOURCE_NOT_FOUND',
        `no 1Password vault "${name}" is visible to this token`,
        {
          field: 'vault',
          fix: `use one of: ${vaults.map((v) => v.title).join(', ') || '(none: check the token has access to the vault)'}`,
        },
      );
    }
    return found;
  }

  async findItems(kind: SourceKind, vaultName: string, query: string): Promise<ItemRef[]> {
    const vault = await this.vault(kind, vaultName);
    return this.call(kind, (s) => s.findItems(vault.id, query));
  }

  /** The one item of this title (or ID) in the vault, with its fields' names. */
  async item(kind: SourceKind, vaultName: string, title: string): Promise<ItemFields> {
    const vault = await this.vault(kind, vaultName);
    const items = await this.call(kind, (s) => s.findItems(vault.id, ''));
    const item = items.find((i) => i.id === title) ?? pickItemByTitle(items, title, vault.title);
    return this.call(kind, (s) => s.describeItem(vault.id, item.id));
  }

  private async call<T>(
    kind: SourceKind,
    run: (source: SecretRefSource) => Promise<T>,
  ): Promise<T> {
    try {
      if (!this.opened || this.openedKind !== kind) {
        this.openedKind = kind;
        this.opened = createSource(chooseSource(this.env, kind), { integrationVersion: VERSION });
      }
      return await run(await this.opened);
    } catch (error) {
      if (this.interactive && isHomeopsError(error) && OUTAGES.has(error.code))
        this.degraded = true;
      throw error;
    }
  }
}
