import type { RepoContext } from '../engine/generator.ts';
import {
  findSecretStores,
  pickStore,
  type OnePasswordStore,
  type OtherStore,
} from './secret-stores.ts';
import { OnePasswordLookup } from './onepassword-lookup.ts';

/** What the secret inputs need of a run: the repo's 1Password stores and a 1Password lookup. */
export class SecretsContext {
  private found: { onePassword: OnePasswordStore[]; other: OtherStore[] } | undefined;
  readonly onePassword: OnePasswordLookup;

  constructor(
    private readonly repo: RepoContext,
    /** Where stores may be: folders, or (read only when stores are asked for) a way to list them. */
    private readonly searchDirs: readonly string[] | (() => readonly string[]),
  ) {
    this.onePassword = new OnePasswordLookup(process.env, repo.interactive);
  }

  private all(): { onePassword: OnePasswordStore[]; other: OtherStore[] } {
    const dirs = typeof this.searchDirs === 'function' ? this.searchDirs() : this.searchDirs;
    return (this.found ??= findSecretStores(this.repo.tree, dirs));
  }

  /** The repo's 1Password ClusterSecretStores. */
  stores(): OnePasswordStore[] {
    return this.all().onePassword;
  }

  /** Its ClusterSecretStores of other secret managers. */
  otherStores(): OtherStore[] {
    return this.all().other;
  }

  /** The store to read through: the one named, or the only one (of `among`, default all). */
  pick(
    name: string | undefined,
    where = 'this repo',
    among: readonly OnePasswordStore[] = this.stores(),
  ): OnePasswordStore {
    return pickStore(among, name, where, this.otherStores());
  }
}

/** A generator context that can wire secrets. */
export interface HasSecrets {
  readonly secrets: SecretsContext;
}
