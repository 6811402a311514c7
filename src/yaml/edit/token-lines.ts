/** Source tokens seen as lines: the start of a block item is its comment and blank lines, then its own line's indent. */
import type { CST } from 'yaml';

export const spaceToken = (width: number): CST.SourceToken => ({
  type: 'space',
  offset: 0,
  indent: 0,
  source: ' '.repeat(width),
});

export const newlineToken = (): CST.SourceToken => ({
  type: 'newline',
  offset: 0,
  indent: 0,
  source: '\n',
});

export const commaToken = (): CST.SourceToken => ({
  type: 'comma',
  offset: 0,
  indent: 0,
  source: ',',
});

/** Tokens cut after each line break (the last line may have none). */
export function splitLines(tokens: readonly CST.SourceToken[]): CST.SourceToken[][] {
  const lines: CST.SourceToken[][] = [[]];
  for (const token of tokens) {
    lines.at(-1)!.push(token);
    if (token.type === 'newline') lines.push([]);
  }
  if (lines.at(-1)!.length === 0) lines.pop();
  return lines;
}

/** The width of a line's leading spaces. */
export const lineIndent = (line: readonly CST.SourceToken[]): number =>
  line[0]?.type === 'space' ? line[0].source.length : 0;

/** A line holding only a comment (and its indent). */
export function isCommentLine(line: readonly CST.SourceToken[]): boolean {
  const rest = line.filter((t) => t.type !== 'space' && t.type !== 'newline');
  return rest.length === 1 && rest[0]!.type === 'comment';
}

export const isBlankLine = (line: readonly CST.SourceToken[]): boolean =>
  line.every((t) => t.type === 'space' || t.type === 'newline');

/** The text of a comment line (`# - ./x/ks.yaml`), undefined for other lines. */
export const commentOf = (line: readonly CST.SourceToken[]): string | undefined =>
  isCommentLine(line) ? line.find((t) => t.type === 'comment')!.source : undefined;
