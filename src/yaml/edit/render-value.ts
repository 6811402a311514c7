/** A new value as YAML text: block lines at an indent, or one flow item; strings quoted through yamlScalar. */
import { Document, isNode, Scalar, stringify, visit } from 'yaml';
import type { Node } from 'yaml';
import { doubleQuoted, yamlScalar } from '../scalar.ts';

/** True when the source indents block sequences under their key (`key:\n  - a`). */
export function detectIndentSeq(source: string): boolean {
  const m = /^( *)[^\s#-][^\n]*:[ \t]*\n( *)- /m.exec(source);
  return m ? m[2]!.length > m[1]!.length : true;
}

/** A value as a node: a string becomes a scalar quoted as yamlScalar quotes it; nodes stay as they are. */
export function toNode(value: unknown): Node {
  if (isNode(value)) return value;
  if (typeof value === 'string') {
    const scalar = new Scalar(value);
    if (yamlScalar(value) !== value) scalar.type = 'QUOTE_DOUBLE';
    return scalar;
  }
  return new Document(value).contents as Node;
}

/** Renders a node as block YAML, every line prefixed by `indent` spaces. Aliases stay aliases. */
export function renderBlock(node: Node, indent: number, indentSeq: boolean): string {
  const doc = new Document();
  doc.contents = node.clone() as Node;
  const aliases: string[] = [];
  visit(doc, {
    Alias(_k, a) {
      aliases.push(a.source);
      return new Scalar(`__homeops_alias_${aliases.length - 1}__`);
    },
  });
  let text = doc.toString({ lineWidth: 0, indentSeq, flowCollectionPadding: false });
  text = text.replace(/__homeops_alias_(\d+)__/g, (_m, i: string) => `*${aliases[Number(i)]}`);
  const pad = ' '.repeat(indent);
  return text.replace(/^(?=.)/gm, pad);
}

/**
 * A value as an item of a flow list: a string quoted when it holds a flow indicator (as yamlScalar
 * would not), a scalar node as it renders, a collection in flow style (braces padded as `padded`).
 */
export function renderFlow(value: unknown, padded: boolean): string {
  if (typeof value === 'string')
    return /[,[\]{}]/.test(value) ? doubleQuoted(value) : yamlScalar(value);
  if (isNode(value) && value instanceof Scalar) return renderBlock(value, 0, true).trimEnd();
  const data = isNode(value) ? value.toJSON() : value;
  return stringify(data, {
    collectionStyle: 'flow',
    flowCollectionPadding: padded,
    version: '1.1',
    lineWidth: 0,
  }).trimEnd();
}
