import { readPlainYaml, scalarAt, type Scalar, type ScalarLine } from './read-plain-yaml.ts';

const SPACE = 32;
const CR = 13;

/**
 * The shape of a plain block YAML file: its lines, and which of them hold a scalar value. Files
 * generated from one template (every app's `ocirepository.yaml`) differ only in such values, so
 * a file of the same shape is read by comparing lines, without walking its structure again: a
 * line is either the same, or the same up to its value and then another scalar. That keeps every
 * structural fact `readPlainYaml` checked (indentation, keys, items, nulls), so what it reads is
 * still exactly what the full parser reads.
 */
export class PlainShape {
  private constructor(
    private readonly lines: string[],
    /** For each line that holds a scalar, the text before its value (up to the `:` or `-`). */
    private readonly prefixes: Map<number, string>,
    /** For each wanted path: the line of its value (-1 when not a scalar line), and its value here. */
    private readonly wanted: { line: number; value: unknown }[],
  ) {
    this.matchable = wanted.every((w) => w.value === null || typeof w.value !== 'object');
  }

  private readonly matchable: boolean;

  /**
   * The shape of a file `readPlainYaml` reads, keeping track of the values at `paths`; undefined
   * for a file it does not read. A path to a mapping or a sequence makes a shape that matches no
   * other file (their values could differ below).
   */
  static of(text: string, paths: readonly (readonly string[])[]): PlainShape | undefined {
    const scalarLines: ScalarLine[] = [];
    const plain = readPlainYaml(text, scalarLines);
    if (!plain) return undefined;
    const lines = text.split('\n');
    const prefixes = new Map(scalarLines.map((s) => [s.line, lines[s.line]!.slice(0, s.valueAt)]));
    const wanted = paths.map((path) => {
      const value = dig(plain.data, path);
      const parent = dig(plain.data, path.slice(0, -1));
      const slot = scalarLines.find(
        (s) => s.container === parent && s.key === path[path.length - 1],
      );
      return { line: slot?.line ?? -1, value };
    });
    return new PlainShape(lines, prefixes, wanted);
  }

  /** The values at the paths in the file of this shape first given. */
  values(): unknown[] {
    return this.wanted.map((w) => w.value);
  }

  /** The values at the paths in a file of this shape; undefined when the file has another shape. */
  valuesOf(text: string): unknown[] | undefined {
    const lines = text.split('\n');
    if (lines.length !== this.lines.length || !this.matchable) return undefined;
    let changed: Map<number, Scalar> | undefined;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      if (line === this.lines[i]) continue;
      const prefix = this.prefixes.get(i);
      if (
        prefix === undefined ||
        !line.startsWith(prefix) ||
        line.charCodeAt(prefix.length) !== SPACE
      )
        return undefined;
      // a CR ends a line only before a line feed: the last line keeps it (and is then no plain value)
      const content =
        line.charCodeAt(line.length - 1) === CR && i < lines.length - 1 ? line.slice(0, -1) : line;
      if (content.includes('\r')) return undefined;
      const value = scalarAt(content, prefix.length);
      if (value === null || value === undefined) return undefined;
      (changed ??= new Map()).set(i, value);
    }
    return this.wanted.map((w) => (changed?.has(w.line) ? changed.get(w.line) : w.value));
  }
}

function dig(data: unknown, path: readonly string[]): unknown {
  let at = data;
  for (const key of path)
    at =
      at !== null && typeof at === 'object' && !Array.isArray(at)
        ? (at as Record<string, unknown>)[key]
        : undefined;
  return at;
}
