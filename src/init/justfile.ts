/** The names just looks for, in the repo root (the first found wins; just ignores case). */
export const JUSTFILE_NAMES = ['justfile', 'Justfile', '.justfile', 'JUSTFILE'];

/** A recipe header: `name`, optional parameters, then `:` (not `:=`, an assignment). */
const RECIPE = /^@?([A-Za-z_][A-Za-z0-9_-]*)\b[^:=]*:(?!=)/;

/** Whether the justfile has a recipe (or alias) of this name already. */
export function hasRecipe(text: string, name: string): boolean {
  return text
    .split(/\r?\n/)
    .some(
      (line) => RECIPE.exec(line)?.[1] === name || new RegExp(`^alias\\s+${name}\\s*:=`).test(line),
    );
}

/**
 * The justfile with a recipe appended that runs `command` with the arguments given to it, its
 * body indented like the file's other recipes (a tab, or their spaces). Undefined when the recipe
 * exists. The comment above a recipe is what `just --list` shows.
 */
export function addRecipe(
  text: string,
  name: string,
  doc: string,
  command: string,
): string | undefined {
  if (hasRecipe(text, name)) return undefined;
  const lines = text.split(/\r?\n/);
  const indent =
    lines
      .find((line, i) => i > 0 && /^[ \t]+\S/.test(line) && RECIPE.test(lines[i - 1] ?? ''))
      ?.match(/^[ \t]+/)?.[0] ?? '    ';
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const recipe = [`# ${doc}`, `${name} *args:`, `${indent}${command} {{ args }}`].join(newline);
  const body = text.replace(/(\r?\n)*$/, '');
  return `${body}${body ? `${newline}${newline}` : ''}${recipe}${newline}`;
}
