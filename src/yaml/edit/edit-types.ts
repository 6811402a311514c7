/** The edits the YAML edit module makes, and what it returns. */
export type YamlPath = readonly (string | number)[];

/**
 * Where a new list item goes:
 * - `end`: after the last item (before trailing comments at the list's own indent);
 * - `sorted`: before the first item `among` accepts that sorts after it (above that item's
 *   comments), else at the end; with `commented`, commented-out items (`# - ./x/ks.yaml`) count as
 *   places too, and the item goes right above its neighbour's line;
 * - `before` / `after`: next to an existing item (right above its line, or right after it).
 */
export type ItemPlace =
  | 'end'
  | { sorted: true; among?: (item: string) => boolean; commented?: boolean }
  | { before: string }
  | { after: string };

/** Where a new key goes: at the end, in sorted place when the keys are sorted, or next to a key (a learned place). */
export type KeyPlace = 'end' | 'sorted' | { before: string } | { after: string };

export type YamlEdit =
  | {
      kind: 'item';
      path: YamlPath;
      value: unknown;
      place?: ItemPlace;
      /** An empty `[]` becomes a block list (the default, as other lists are) or stays a flow list. */
      emptyFlow?: 'block' | 'flow';
    }
  | { kind: 'key'; path: YamlPath; key: string; value: unknown; place?: KeyPlace }
  | { kind: 'scalar'; path: YamlPath; value: string | number | boolean };

export interface EditOptions {
  /**
   * When an edit cannot be spliced into the text (a layout the CST edits do not handle), render
   * the file again through the `yaml` Document API (`exact: false`) instead of refusing.
   */
  rerender?: boolean;
}

export interface EditResult {
  text: string;
  /** False when nothing was to do (a string item already in its list): the text is unchanged. */
  changed: boolean;
  /** False when the file had to be rendered again (some untouched bytes may differ). */
  exact: boolean;
}
