import type { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import { duplicateFieldLabels, pickFieldByLabel, referenceSegment } from '../../../src/onepassword/reference-names.ts';
import type { OnePasswordStore } from '../../../src/secrets/secret-stores.ts';
import { isWholeItem, type SecretAnswers } from '../secret-inputs.ts';

/**
 * The remote references of an ExternalSecret, in the store's provider format (Connect: key = item,
 * property = field; SDK: key = item/field). Names and IDs only. The same rules as the Flux
 * variant's (generators/secret/plan-external-secret.ts), which keeps its own private.
 */
export async function references(ctx: ClustertoolContext, store: OnePasswordStore, a: SecretAnswers) {
  const lookup = ctx.secrets.onePassword;
  const described = lookup.isOffline(a.source) ? undefined : await lookup.item(a.source, a.vault, a.item);
  const item = described ? { title: described.item.title, id: described.item.id } : { title: a.item };
  const itemKey = store.provider === 'sdk' ? referenceSegment('item', item) : item.title;
  if (isWholeItem(a.fields)) return { wholeItem: true, itemKey, data: [], duplicates: described ? duplicateFieldLabels(described) : [] };
  const data = a.fields.map((label, i) => {
    const field = described ? pickFieldByLabel(described, label) : { label, id: undefined };
    const secretKey = a.keys[i]!;
    if (store.provider === 'connect') return { secretKey, key: itemKey, property: field.label };
    return { secretKey, key: `${itemKey}/${referenceSegment('field', { title: field.label, ...(field.id && { id: field.id }) })}`, property: null };
  });
  return { wholeItem: false, itemKey, data, duplicates: [] as string[] };
}
