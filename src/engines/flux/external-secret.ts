import type { SecretSpec } from '../../model/app-spec.ts';
import type { SourceKind } from '../../onepassword/types.ts';
import type { FluxCluster } from '../../repo/flux-model.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import { render } from '../../render/templates.ts';
import {
  externalSecretReferences,
  isWholeItem,
  literalReferences,
} from '../../secrets/external-secret-references.ts';
import type { OnePasswordStore } from '../../secrets/secret-stores.ts';
import type { KsRef } from './dependencies.ts';
import type { AppExample } from './examples.ts';
import { namedAsItsSecret, secretNameFor } from '../../secrets/secret-name.ts';
import type { FluxAppContext } from './flux-app-context.ts';
import { schemasOf } from './app-view.ts';
import { escapeForFlux } from '../../flux/substitution.ts';

const SOURCES: readonly SourceKind[] = ['sdk', 'connect', 'offline'];

/**
 * The template of an app's ExternalSecret (its default where no sibling has one), and what to say.
 * `substituted`: Flux substitutes variables in the file, so 1Password names are escaped for it.
 */
export async function externalSecretTemplate(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  app: string,
  secret: SecretSpec,
  examples: readonly AppExample[],
  substituted: boolean,
): Promise<{ template: string; store: OnePasswordStore; secretName: string; warnings: string[] }> {
  const store = ctx.secrets.pick(secret.store, ctx.storesScope(cluster), ctx.storesOf(cluster));
  const source = SOURCES.find((s) => s === secret.source) ?? 'offline';
  const found = await externalSecretReferences(ctx.secrets, store, {
    source,
    vault: secret.vault ?? '',
    item: secret.item,
    fields: secret.fields,
    keys: secret.keys,
  });
  const literal = substituted ? escapeForFlux : (v: string) => v;
  const references = literalReferences(found, literal);
  const secretName = secretNameFor(examples, app);
  const templated = !references.wholeItem && learnsTemplatedStyle(examples);
  const siblings = examples.flatMap((e) =>
    e.docs.filter((d) => d.role === 'externalsecret').map((d) => d.object?.data),
  );
  const template = render('flux/secret/externalsecret.yaml', {
    name: namedAsItsSecret(siblings) ? secretName : app,
    schemas: schemasOf(ctx),
    refreshInterval: '1h',
    store: storeRefName(examples, store, ctx.storesOf(cluster).length),
    target: secretName,
    ...references,
    templated,
    data: references.data.map((d, i) => ({
      ...d,
      template: literal(goTemplateOf(secret.fields[i] ?? d.secretKey)),
    })),
  });
  const warnings =
    references.wholeItem && references.duplicates.length
      ? [
          `item fields ${references.duplicates.join(', ')} occur more than once; a whole-item extract keeps only one of each`,
        ]
      : [];
  return { template, store, secretName, warnings };
}

export const describesWholeItem = isWholeItem;

/**
 * The store as the siblings' ExternalSecrets name it: a Flux variable (`${ONEPASSWORD_STORE}`)
 * where most of them use one and the repo has this one store, else its name.
 */
function storeRefName(
  examples: readonly AppExample[],
  store: OnePasswordStore,
  stores: number,
): string {
  const names = examples.flatMap((e) => {
    const doc = e.docs.find((d) => d.role === 'externalsecret')?.object;
    const name = str(dig(doc?.data, 'spec', 'secretStoreRef', 'name'));
    return name ? [name] : [];
  });
  const variable = names.filter((n) => /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/.test(n));
  const [first] = variable;
  return stores === 1 &&
    first &&
    variable.length * 2 > names.length &&
    variable.every((v) => v === first)
    ? first
    : store.name;
}

/**
 * Whether the repo's ExternalSecrets take the whole item and template the Secret's keys from it
 * (`dataFrom.extract` + `target.template.data`), rather than one `data` reference per key.
 */
function learnsTemplatedStyle(examples: readonly AppExample[]): boolean {
  const styles = examples.flatMap((e) => {
    const doc = e.docs.find((d) => d.role === 'externalsecret')?.object;
    if (!doc) return [];
    const templated =
      dig(doc.data, 'spec', 'target', 'template', 'data') !== undefined &&
      dig(doc.data, 'spec', 'dataFrom') !== undefined;
    return [templated];
  });
  return styles.filter(Boolean).length * 2 > styles.length;
}

/** `{{ .api_key }}` for a field label, `{{ index . "api key" }}` for one Go cannot name. */
function goTemplateOf(label: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(label)
    ? `{{ .${label} }}`
    : `{{ index . ${JSON.stringify(label)} }}`;
}

/**
 * The Kustomization that deploys the secret store (the one whose path holds its file, the
 * longest such), when some sibling with an ExternalSecret depends on it: an ExternalSecret cannot
 * sync before its store exists, and the repo's other such apps say how it is named.
 */
export function storeDependency(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  storeFile: string,
  examples: readonly AppExample[],
): KsRef | undefined {
  const deployers = ctx.model
    .groups(cluster)
    .flatMap((g) => ctx.model.apps(g))
    .filter((a) => a.ks.path !== undefined && storeFile.startsWith(`${a.ks.path}/`))
    .sort((a, b) => (b.ks.path?.length ?? 0) - (a.ks.path?.length ?? 0));
  const store = deployers[0];
  if (!store) return undefined;
  const ref = { name: store.ks.name, namespace: store.ks.namespace };
  const dependsOnIt = examples.some(
    (e) =>
      e.features.secret &&
      ((dig(e.app.ks.object.data, 'spec', 'dependsOn') ?? []) as unknown[]).some(
        (d) =>
          str(dig(d, 'name')) === ref.name &&
          (str(dig(d, 'namespace')) ?? e.app.ks.namespace) === ref.namespace,
      ),
  );
  return dependsOnIt ? ref : undefined;
}
