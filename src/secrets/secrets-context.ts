import type { RepoContext } from '../engine/generator.ts';
import { findOnePasswordStores, type OnePasswordStore } from './secret-stores.ts';
import { OnePasswordLookup } from './onepassword-lookup.ts';

/** What the secret inputs need of a run: the repo's 1Password stores and a 1Password lookup. */
export class SecretsContext {
  private found: OnePasswordStore[] | undefined;
  readonly onePassword: OnePasswordLookup;

  constructor(
    private readonly repo: RepoContext,
    /** Where stores may be: folders, or (read only when stores are asked for) a way to list them. */
    private readonly searchDirs: readonly string[] | (() => readonly string[]),
  ) {
    this.onePassword = new OnePasswordLookup(process.env, repo.interactive);
  }

  stores(): OnePasswordStore[] {
    const dirs = typeof this.searchDirs === 'function' ? this.searchDirs() : this.searchDirs;
    return (this.found ??= findOnePasswordStores(this.repo.tree, dirs));
  }
}

/** A generator context that can wire secrets. */
export interface HasSecrets {
  readonly secrets: SecretsContext;
}
