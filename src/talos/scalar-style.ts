/**
 * How a repo's node entries quote their string values, for a new value whose key no sibling has
 * (`installDisk` where every node has an `installDiskSelector`): the style most of their strings
 * take. A string YAML must quote (`">= 200GB"`, `"0"`, `""`) is no choice and is not counted.
 */
import { Scalar, stringify, visit } from 'yaml';
import type { Node } from 'yaml';

type Style = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE';

/** Whether YAML writes the string plain when nothing asks for quotes. */
const plainByDefault = (value: string): boolean => !/^["']/.test(stringify(value));

/** A scalar in the style most string values of `entries` have (keys aside), or undefined on a tie or none. */
export function majorityScalarStyle(entries: readonly unknown[]): Scalar | undefined {
  const counts: Record<Style, number> = { PLAIN: 0, QUOTE_DOUBLE: 0, QUOTE_SINGLE: 0 };
  for (const entry of entries) {
    if (entry === undefined || entry === null) continue;
    visit(entry as Node, {
      Scalar(key, node) {
        if (key === 'key' || typeof node.value !== 'string') return;
        const type = node.type;
        if (type === 'PLAIN') counts.PLAIN++;
        else if ((type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') && plainByDefault(node.value))
          counts[type]++;
      },
    });
  }
  const quoted = counts.QUOTE_DOUBLE + counts.QUOTE_SINGLE;
  if (quoted === counts.PLAIN) return undefined;
  const like = new Scalar('');
  like.type =
    counts.PLAIN > quoted
      ? 'PLAIN'
      : counts.QUOTE_SINGLE > counts.QUOTE_DOUBLE
        ? 'QUOTE_SINGLE'
        : 'QUOTE_DOUBLE';
  return like;
}
