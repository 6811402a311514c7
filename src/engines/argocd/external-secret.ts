import type { SecretSpec } from '../../model/app-spec.ts';
import type { SourceKind } from '../../onepassword/types.ts';
import { dig } from '../../repo/graph/objects.ts';
import { render } from '../../render/templates.ts';
import { externalSecretReferences } from '../../secrets/external-secret-references.ts';
import type { SecretsContext } from '../../secrets/secrets-context.ts';
import { namedAsItsSecret } from '../../secrets/secret-name.ts';
import type { Example } from '../../learn/merge.ts';
import { toData } from '../../learn/tree.ts';

const SOURCES: readonly SourceKind[] = ['sdk', 'connect', 'offline'];

/**
 * The template of an Argo CD app's ExternalSecret: the repo's 1Password store, the references in
 * its provider's format, and the style (one `data` reference per key, or the whole item with a
 * `target.template`) most siblings use. Names only; never a value.
 */
export async function argoExternalSecret(
  secrets: SecretsContext,
  app: string,
  /** The Secret it makes. */
  secretName: string,
  secret: SecretSpec,
  /** The repo's ExternalSecrets this one is learned from. */
  examples: readonly Example[],
): Promise<{ template: string; store: string }> {
  const store = secrets.pick(secret.store);
  const references = await externalSecretReferences(secrets, store, {
    source: SOURCES.find((s) => s === secret.source) ?? 'offline',
    vault: secret.vault ?? '',
    item: secret.item,
    fields: secret.fields,
    keys: secret.keys,
  });
  const styles = examples.map((e) => {
    const data = toData(e.shape.root);
    return (
      dig(data, 'spec', 'target', 'template', 'data') !== undefined &&
      dig(data, 'spec', 'dataFrom') !== undefined
    );
  });
  const templated = !references.wholeItem && styles.filter(Boolean).length * 2 > styles.length;
  const template = render('flux/secret/externalsecret.yaml', {
    name: namedAsItsSecret(examples.map((e) => toData(e.shape.root))) ? secretName : app,
    schemas: { externalsecret: null },
    refreshInterval: '1h',
    store: store.name,
    target: secretName,
    ...references,
    templated,
    data: references.data.map((d, i) => ({
      ...d,
      template: goTemplate(secret.fields[i] ?? d.secretKey),
    })),
  });
  return { template, store: store.name };
}

function goTemplate(label: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(label)
    ? `{{ .${label} }}`
    : `{{ index . ${JSON.stringify(label)} }}`;
}
