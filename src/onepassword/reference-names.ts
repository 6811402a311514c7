import { HomeopsError } from '../errors.ts';
import type { FieldRef, ItemFields, ItemRef } from './types.ts';

export { toSecretKey } from './to-secret-key.ts';

/** The part of a secret reference (`op://vault/item/[section/]field`) a name fills. */
export type ReferencePart = 'vault' | 'item' | 'section' | 'field';

/** Characters 1Password accepts in a reference segment (checked against Secrets.validateSecretReference). */
const REFERENCE_NAME = /^[A-Za-z0-9 _.-]+$/;
/** Vault, item and field IDs: 26 lower-case letters and digits. */
const ONEPASSWORD_ID = /^[a-z0-9]{26}$/;

export const isReferenceName = (name: string): boolean => REFERENCE_NAME.test(name);
export const isOnePasswordId = (id: string): boolean => ONEPASSWORD_ID.test(id);

/**
 * Why `name` cannot appear in a secret reference, or undefined when it can. The fix points to the
 * ID when one is known, else to renaming the thing in 1Password.
 */
export function checkReferenceName(
  part: ReferencePart,
  name: string,
  id?: string,
): HomeopsError | undefined {
  if (REFERENCE_NAME.test(name)) return undefined;
  const bad = [...new Set([...name].filter((c) => !REFERENCE_NAME.test(c)))]
    .map((c) => JSON.stringify(c))
    .join(' ');
  const reason =
    name === '' ? 'is empty' : `contains characters a secret reference cannot hold (${bad})`;
  const fix = id
    ? `use the ${part}'s ID ${id} instead, or rename it in 1Password to use only letters, digits, space, _ . -`
    : `rename it in 1Password to use only letters, digits, space, _ . -`;
  return new HomeopsError('INVALID_INPUT', `1Password ${part} name "${name}" ${reason}`, { fix });
}

/** The segment to put in a reference: the title when usable, else the ID; throws when neither is. */
export function referenceSegment(part: ReferencePart, ref: { title: string; id?: string }): string {
  const problem = checkReferenceName(part, ref.title, ref.id);
  if (!problem) return ref.title;
  if (ref.id && REFERENCE_NAME.test(ref.id)) return ref.id;
  throw problem;
}

/**
 * The one item titled `title` (case-insensitively, as references match). Duplicates make ESO fail
 * ("expected one 1Password Item matching", "found multiple items with name"), so they are refused.
 */
export function pickItemByTitle(
  items: readonly ItemRef[],
  title: string,
  vaultTitle: string,
): ItemRef {
  const matches = items.filter((i) => sameName(i.title, title));
  const [only] = matches;
  if (only && matches.length === 1) return only;
  if (!only) {
    throw new HomeopsError(
      'SOURCE_NOT_FOUND',
      `no item titled "${title}" in 1Password vault "${vaultTitle}"`,
      {
        fix: `check the spelling, or create the item in vault "${vaultTitle}" first`,
      },
    );
  }
  const ids = matches.map((i) => i.id).join(', ');
  throw new HomeopsError(
    'SOURCE_AMBIGUOUS',
    `${matches.length} items are titled "${title}" in 1Password vault "${vaultTitle}" (${ids})`,
    {
      fix: `rename or archive the duplicates, or use the item's ID ${only.id} instead`,
    },
  );
}

/**
 * The one field labelled `label` anywhere in the item. ESO ignores sections when matching labels
 * ("expected one 1Password ItemField matching"), so a label repeated across sections is refused.
 */
export function pickFieldByLabel(described: ItemFields, label: string): FieldRef {
  const matches = described.fields.filter((f) => sameName(f.label, label));
  const [only] = matches;
  const item = `1Password item "${described.item.title}"`;
  if (only && matches.length === 1) return only;
  if (!only) {
    const known = described.fields.map((f) => f.label).join(', ') || 'none';
    throw new HomeopsError(
      'SOURCE_NOT_FOUND',
      `${item} has no field labelled "${label}" (fields: ${known})`,
      {
        fix: `pick one of the listed fields, or add a "${label}" field to the item`,
      },
    );
  }
  const where = matches
    .map((f) => (f.sectionLabel ? `section "${f.sectionLabel}"` : 'no section'))
    .join(', ');
  throw new HomeopsError(
    'SOURCE_AMBIGUOUS',
    `${item} has ${matches.length} fields labelled "${label}" (${where})`,
    {
      fix: `rename all but one of the "${label}" fields in 1Password; ESO matches labels regardless of section`,
    },
  );
}

/** Labels that occur more than once in the item (across sections): whole-item extracts lose all but one. */
export function duplicateFieldLabels(described: ItemFields): string[] {
  const seen = new Map<string, number>();
  for (const f of described.fields)
    seen.set(f.label.toLowerCase(), (seen.get(f.label.toLowerCase()) ?? 0) + 1);
  const dupes = described.fields
    .filter((f) => (seen.get(f.label.toLowerCase()) ?? 0) > 1)
    .map((f) => f.label);
  return [...new Set(dupes)];
}

const sameName = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
