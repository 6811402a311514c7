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

/** A ClusterSecretStore of another provider (Bitwarden, Infisical, Vault ...): named when 1Password has none. */
export interface OtherStore {
  name: string;
  /** Its `spec.provider` key, e.g. `bitwardensecretsmanager`. */
  provider: string;
  file: string;
  /** Not defined in the repo's files: only its ExternalSecrets name it (`file` is the first of them). */
  undeclared?: boolean;
}

/** Every ClusterSecretStore under `dirs`: the 1Password ones, and the others by name and provider. */
export function findSecretStores(
  tree: RepoTree,
  dirs: readonly string[],
): { onePassword: OnePasswordStore[]; other: OtherStore[] } {
  const stores: OnePasswordStore[] = [];
  const other: OtherStore[] = [];
  // the stores the repo's ExternalSecrets read, and the first file naming each
  const named = new Map<string, string>();
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
        spec?: {
          provider?: Record<string, { vault?: string; vaults?: Record<string, number> }>;
          secretStoreRef?: { kind?: string; name?: string };
        };
      } | null;
      const ref = data?.kind === 'ExternalSecret' ? data.spec?.secretStoreRef : undefined;
      if (
        ref?.kind === 'ClusterSecretStore' &&
        typeof ref.name === 'string' &&
        !ref.name.includes('${') &&
        !named.has(ref.name)
      )
        named.set(ref.name, file);
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
      } else
        other.push({
          name: data.metadata.name,
          provider: Object.keys(provider)[0] ?? 'no provider named',
          file,
        });
    }
  }
  // a store the ExternalSecrets read that no file defines (a chart's values make it, or another repo)
  for (const [name, file] of named)
    if (!stores.some((x) => x.name === name) && !other.some((x) => x.name === name))
      other.push({ name, provider: 'not defined in this repo', file, undeclared: true });
  const byName = (a: { name: string }, b: { name: string }) => compareText(a.name, b.name);
  return { onePassword: stores.sort(byName), other: other.sort(byName) };
}

/** The repo's other stores in words, for `homeops info`: null where there are none. */
export const otherStoresText = (others: readonly OtherStore[]): string | null =>
  others.length
    ? `External Secrets through ${others.map((o) => (o.undeclared ? `${o.name} (${o.provider}; read in ${o.file})` : `${o.name} (${o.provider}) in ${o.file}`)).join(', ')}: ${others.some((o) => o.undeclared) ? 'no 1Password store homeops secret can read' : 'not 1Password, which homeops secret reads'}`
    : null;

/** There is no 1Password store: what there is instead, and how to add one. */
export function noOnePasswordStore(where: string, all: readonly OtherStore[]): HomeopsError {
  const others = all.filter((o) => !o.undeclared);
  const undeclared = all.filter((o) => o.undeclared);
  const [first] = others;
  const found = others.map((o) => `${o.name} (${o.provider}, ${o.file})`).join(', ');
  const read = undeclared.map((o) => `${o.name} (e.g. ${o.file})`).join(', ');
  const parts = [
    `${where} has no ClusterSecretStore for 1Password`,
    ...(first
      ? [
          `its ClusterSecretStore${others.length > 1 ? 's' : ''} ${found} read${others.length > 1 ? '' : 's'} another secret manager`,
        ]
      : []),
    ...(undeclared.length
      ? [
          `its ExternalSecrets read ${read}, defined outside its files, so homeops cannot tell what ${undeclared.length > 1 ? 'they read' : 'it reads'}`,
        ]
      : []),
  ];
  const against = first ?? undeclared[0];
  return new HomeopsError('CONFLICT', parts.join('; '), {
    field: 'store',
    fix: first
      ? `homeops writes references to 1Password items only: add a 1Password ClusterSecretStore (provider onepasswordSDK or onepassword) beside ${first.file}, or write this ExternalSecret by hand against ${first.name}`
      : against
        ? `if ${against.name} is a 1Password store, define it in the repo as a ClusterSecretStore (provider onepasswordSDK or onepassword) so homeops can read its vaults; else write this ExternalSecret by hand against ${against.name}`
        : "add one first (External Secrets with provider onepasswordSDK or onepassword (Connect)), beside the repo's External Secrets app, then run this again",
  });
}

/** The store to use: the one named, or the only one; several or none is an error that says what to do. */
export function pickStore(
  stores: readonly OnePasswordStore[],
  name: string | undefined,
  /** Where the stores were looked for, in words: `this repo`, `cluster edge`. */
  where = 'this repo',
  /** The repo's stores of other providers, named in the error when there is no 1Password one. */
  others: readonly OtherStore[] = [],
): OnePasswordStore {
  if (stores.length === 0) throw noOnePasswordStore(where, others);
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
