/** Small builders for new YAML nodes that look like existing ones. */
import { isCollection, isScalar, isSeq, Scalar, visit, YAMLSeq } from 'yaml';
import type { Node } from 'yaml';

/**
 * A string scalar quoted like `like`: its quotes, or plain when it is plain (YAML still quotes a
 * value that would not read back as a string). Without a `like` scalar, double-quoted when `quote`.
 */
export function scalar(value: string, like: unknown, quote = false): Scalar {
  const s = new Scalar(value);
  const t = isScalar(like) ? like.type : undefined;
  if (t === 'QUOTE_DOUBLE' || t === 'QUOTE_SINGLE') s.type = t;
  else if (quote && !isScalar(like)) s.type = 'QUOTE_DOUBLE';
  return s;
}

/** A deep copy without anchors or comments (aliases stay aliases). */
export function copy(node: unknown): Node {
  const c = (node as Node).clone() as Node;
  visit(c, (_k, n) => {
    if (isScalar(n) || isCollection(n))
      Object.assign(n, {
        anchor: undefined,
        comment: undefined,
        commentBefore: undefined,
        spaceBefore: false,
      });
  });
  return c;
}

export function seqLike(template: unknown, items: Node[]): YAMLSeq {
  const seq = new YAMLSeq();
  seq.items.push(...items);
  if (isSeq(template) && template.flow) seq.flow = true;
  return seq;
}

export const keyText = (k: unknown): string => String(isScalar(k) ? k.value : k);
