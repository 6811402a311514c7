/** Block YAML text: detect how a file indents sequences, render a node as a block at an indent, find an entry's comments. */
import { Document, Scalar, visit } from 'yaml';
import type { Node } from 'yaml';

/** True when the source indents block sequences under their key (`key:\n  - a`). */
export function detectIndentSeq(source: string): boolean {
  const m = /^( *)[^\s#-][^\n]*:[ \t]*\n( *)- /m.exec(source);
  return m ? m[2]!.length > m[1]!.length : true;
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
 * Where the comment lines at column `col` right above the line starting at `at` begin (`at` when
 * there are none): comments above an entry belong to it, so what goes before the entry goes above them.
 */
export function commentsAbove(text: string, at: number, col: number): number {
  const prefix = `${' '.repeat(col)}#`;
  while (at > 0) {
    const above = text.lastIndexOf('\n', at - 2) + 1;
    if (!text.slice(above, at - 1).startsWith(prefix)) break;
    at = above;
  }
  return at;
}
