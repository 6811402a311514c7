import { HomeopsError } from '../errors.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import { parseYamlDocuments } from '../yaml/parse-yaml.ts';
import { lineOf } from '../yaml/parse-yaml.ts';
import { compareText } from '../text/compare-text.ts';

/** A ClusterSecretStore backed by 1Password, as the repo defines it. */
export interface OnePasswordStore {
  name: string;
  /** `connect`: remoteRef.key = item title, property = field label; `sdk`: key = item/[section/]field. */
  provider: 'connect' | 'sdk';
  /** The vaults it reads, by name or ID (Connect: in priority order; SDK: exactly one). */
  vaults: string[];
  file: string;
  line: number;
}

/** Every 1Password ClusterSecretStore under `dirs` (any `kind: ClusterSecretStore` document). */
export function findOnePasswordStores(tree: RepoTree, dirs: readonly string[]): OnePasswordStore[] {
  const stores: OnePasswordStore[] = [];
  // SOPS-encrypted files hold no store anyone could read
  for (const file of tree
    .yamlFilesMentioning(dirs, 'ClusterSecretStore')
    .filter((f) => !f.slice(f.lastIndexOf('/') + 1).includes('.sops.'))) {
    const text = tree.read(file);
    if (text === undefined) continue;
    let docs;
    try {
      docs = parseYamlDocuments(text, file);
    } catch {
      continue; // an unreadable file elsewhere in the repo is not this generator's business
    }
    for (const doc of docs) {
      const data = doc.toJS() as {
        kind?: string;
        metadata?: { name?: string };
        spec?: { provider?: Record<string, { vault?: string; vaults?: Record<string, number> }> };
      } | null;
      if (data?.kind !== 'ClusterSecretStore' || typeof data.metadata?.name !== 'string') continue;
      const provider = data.spec?.provider ?? {};
      const line = lineOf(text, (doc.contents as { range?: [number] } | null)?.range?.[0] ?? 0);
      if (provider.onepasswordSDK)
        stores.push({
          name: data.metadata.name,
          provider: 'sdk',
          vaults: provider.onepasswordSDK.vault ? [provider.onepasswordSDK.vault] : [],
          file,
          line,
        });
      else if (provider.onepassword) {
        const vaults = Object.entries(provider.onepassword.vaults ?? {})
          .sort(([, a], [, b]) => a - b)
          .map(([v]) => v);
        stores.push({ name: data.metadata.name, provider: 'connect', vaults, file, line });
      }
    }
  }
  return stores.sort((a, b) => compareText(a.name, b.name));
}

/** The store to use: the one named, or the only one; several or none is an error that says what to do. */
export function pickStore(
  stores: readonly OnePasswordStore[],
  name: string | undefined,
  /** Where the stores were looked for, in words: `this repo`, `cluster edge`. */
  where = 'this repo',
): OnePasswordStore {
  if (stores.length === 0) {
    throw new HomeopsError('CONFLICT', `${where} has no ClusterSecretStore for 1Password`, {
      field: 'store',
      fix: 'add one first (External Secrets with provider onepasswordSDK or onepassword (Connect)), e.g. kubernetes/apps/external-secrets/onepassword/app/clustersecretstore.yaml, then run this again',
    });
  }
  if (name === undefined) {
    const [only] = stores;
    if (only && stores.length === 1) return only;
    throw new HomeopsError(
      'MISSING_INPUT',
      `${where} has several 1Password ClusterSecretStores: ${stores.map((s) => s.name).join(', ')}`,
      { field: 'store', fix: `pass --store=<one of them>` },
    );
  }
  const store = stores.find((s) => s.name === name);
  if (!store)
    throw new HomeopsError(
      'INVALID_INPUT',
      `no 1Password ClusterSecretStore named "${name}" in ${where}`,
      { field: 'store', fix: `use one of: ${stores.map((s) => s.name).join(', ')}` },
    );
  return store;
}
