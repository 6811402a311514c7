/**
 * What the secret generator may learn from 1Password: names and IDs, never values.
 * No type in this folder has a `value`; sources drop it the moment an item arrives.
 */

/** A vault as listed by the source. Offline sources use the title as the ID. */
export interface VaultRef {
  id: string;
  title: string;
}

/** An item summary: enough to pick one, not enough to leak anything. */
export interface ItemRef {
  id: string;
  title: string;
  vaultId: string;
}

/** One field of an item, by name only. */
export interface FieldRef {
  id: string;
  label: string;
  /** Absent when the field sits outside any section (built-in username/password, SDK's "add more"). */
  sectionId?: string;
  sectionLabel?: string;
  /** Lower-cased field type as the source reports it ('concealed', 'string', 'text', 'otp' …); 'unknown' offline. */
  type: string;
}

/** An item reduced to its field names. */
export interface ItemFields {
  item: ItemRef;
  fields: FieldRef[];
}

export type SourceKind = 'sdk' | 'connect' | 'offline';

export interface SecretRefSource {
  readonly kind: SourceKind;
  listVaults(): Promise<VaultRef[]>;
  /** Items whose title contains `query`, case-insensitively; '' lists all. One list call, no item reads. */
  findItems(vaultId: string, query: string): Promise<ItemRef[]>;
  /** Field names of one item. The item is read at most once per source, however often this is called. */
  describeItem(vaultId: string, itemId: string): Promise<ItemFields>;
}
