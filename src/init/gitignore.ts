/** A `.gitignore` line that keeps every node_modules folder (or the root one) out of git. */
const IGNORES_NODE_MODULES = /^(\/|\*\*\/)?node_modules(\/(\*\*)?)?$/;

/**
 * The repo's .gitignore with `node_modules/` added, or undefined when a line already ignores it.
 * A new line goes at the end, after the file's last line; a repo without the file gets one.
 */
export function ignoreNodeModules(text: string | undefined): string | undefined {
  if (text === undefined) return 'node_modules/\n';
  const lines = text.split(/\r?\n/).map((line) => line.trim());
  // the last word on node_modules wins: a later `!node_modules/` undoes an earlier ignore
  const last = lines.filter((l) => IGNORES_NODE_MODULES.test(l.replace(/^!/, ''))).at(-1);
  if (last !== undefined && !last.startsWith('!')) return undefined;
  const newline = text.includes('\r\n') ? '\r\n' : '\n';
  const ends = text === '' || text.endsWith('\n');
  return `${text}${ends ? '' : newline}node_modules/${newline}`;
}
