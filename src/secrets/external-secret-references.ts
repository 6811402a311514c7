import {
  duplicateFieldLabels,
  pickFieldByLabel,
  referenceSegment,
} from '../onepassword/reference-names.ts';
import type { SourceKind } from '../onepassword/types.ts';
import { keyOfField } from './onepassword-inputs.ts';
import type { OnePasswordStore } from './secret-stores.ts';
import type { SecretsContext } from './secrets-context.ts';

export interface ReferenceChoice {
  source: SourceKind;
  vault: string;
  item: string;
  /** Field labels, or ['*'] for the whole item. */
  fields: string[];
  keys: string[];
}

export interface ExternalSecretReferences {
  wholeItem: boolean;
  /** The item as the store's provider names it. */
  itemKey: string;
  data: { secretKey: string; key: string; property: string | null }[];
  /** Labels repeated inside the item (a whole-item extract keeps one of each). */
  duplicates: string[];
}

export const isWholeItem = (fields: readonly string[]) => fields.length === 1 && fields[0] === '*';

/**
 * The remote references of an ExternalSecret, in the store's provider format: `onepassword`
 * (Connect) reads `key: <item title>` + `property: <field label>`; `onepasswordSDK` reads
 * `key: <item>/<field>`, each part a title when a reference can hold it, else its ID. Names and IDs
 * only: nothing here ever sees a value.
 */
export async function externalSecretReferences(
  secrets: SecretsContext,
  store: OnePasswordStore,
  a: ReferenceChoice,
): Promise<ExternalSecretReferences> {
  const lookup = secrets.onePassword;
  const described = lookup.isOffline(a.source)
    ? undefined
    : await lookup.item(a.source, a.vault, a.item);
  const item = described
    ? { title: described.item.title, id: described.item.id }
    : { title: a.item };
  const itemKey = store.provider === 'sdk' ? referenceSegment('item', item) : item.title;
  if (isWholeItem(a.fields))
    return {
      wholeItem: true,
      itemKey,
      data: [],
      duplicates: described ? duplicateFieldLabels(described) : [],
    };
  const data = a.fields.map((label, i) => {
    const field = described ? pickFieldByLabel(described, label) : { label, id: undefined };
    const secretKey = keyOfField(a.keys, a.fields, i);
    if (store.provider === 'connect') return { secretKey, key: itemKey, property: field.label };
    return {
      secretKey,
      key: `${itemKey}/${referenceSegment('field', { title: field.label, ...(field.id && { id: field.id }) })}`,
      property: null,
    };
  });
  return { wholeItem: false, itemKey, data, duplicates: [] };
}

/** The references with each 1Password name (item, field) as it must be written in the file. */
export function literalReferences(
  refs: ExternalSecretReferences,
  literal: (value: string) => string,
): ExternalSecretReferences {
  return {
    ...refs,
    itemKey: literal(refs.itemKey),
    data: refs.data.map((d) => ({
      ...d,
      key: literal(d.key),
      property: d.property === null ? null : literal(d.property),
    })),
  };
}
