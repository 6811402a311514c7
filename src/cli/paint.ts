/**
 * Colour for a terminal: created files green, updated yellow, errors red, diffs coloured. None
 * when the stream is not a terminal (piped, a file, a test) or when NO_COLOR is set (no-color.org).
 */
export interface Paint {
  green(text: string): string;
  yellow(text: string): string;
  red(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const sgr =
  (open: number, close: number) =>
  (text: string): string =>
    `\u001b[${open}m${text}\u001b[${close}m`;

const COLOURS: Paint = {
  green: sgr(32, 39),
  yellow: sgr(33, 39),
  red: sgr(31, 39),
  cyan: sgr(36, 39),
  bold: sgr(1, 22),
  dim: sgr(2, 22),
};

const same = (text: string) => text;
export const NO_PAINT: Paint = {
  green: same,
  yellow: same,
  red: same,
  cyan: same,
  bold: same,
  dim: same,
};

/** Whether to colour what goes to this stream. */
export function wantsColour(
  stream: { isTTY?: boolean | undefined },
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  return stream.isTTY === true;
}

export const paintFor = (colour: boolean): Paint => (colour ? COLOURS : NO_PAINT);

/** A unified diff with its added lines green, removed red, hunk headers cyan, file names bold. */
export function paintDiff(diff: string, paint: Paint): string {
  return diff
    .split('\n')
    .map((line) =>
      line.startsWith('+++') || line.startsWith('---')
        ? paint.bold(line)
        : line.startsWith('+')
          ? paint.green(line)
          : line.startsWith('-')
            ? paint.red(line)
            : line.startsWith('@@')
              ? paint.cyan(line)
              : line,
    )
    .join('\n');
}
