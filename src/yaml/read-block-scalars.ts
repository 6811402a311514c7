/** Plain scalars that YAML 1.1 or 1.2 reads as numbers, booleans or null. */
const NON_STRING_PLAIN =
  /^(?:[-+]?(?:0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9_]+(?:e[-+]?[0-9]+)?|\.inf)|\.nan|y|n|yes|no|true|false|on|off|null|~)$/i;

const SPACE = 32;
const HASH = 35;
const COLON = 58;
const CR = 13;

/** Characters a plain block key may have here: letters, digits, `_`, `.`, `/`, `-`. */
function isKeyChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 46 || c === 47 || c === 45;
}

/**
 * The scalar leaves of plain block-style YAML (one document of nested mappings), by dotted path:
 * `spec.ref.tag -> 4.4.0`. Returns undefined for anything else (sequences, flow collections,
 * anchors, tags, block or multi-line scalars, non-string plain scalars, several documents), so the
 * caller falls back to the full parser: as exact as it, and many times faster on the files that
 * generated repos are made of. With `wanted`, only those paths are kept, and reading stops once
 * all of them are found.
 */
export function readBlockScalars(text: string, wanted?: ReadonlySet<string>): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const stack: { indent: number; path: string }[] = [];
  let started = false;
  for (let at = 0; at < text.length; ) {
    let eol = text.indexOf('\n', at);
    if (eol === -1) eol = text.length;
    const end = text.charCodeAt(eol - 1) === CR ? eol - 1 : eol;
    const lineStart = at;
    at = eol + 1;
    let i = lineStart;
    while (i < end && text.charCodeAt(i) === SPACE) i++;
    if (i === end || text.charCodeAt(i) === HASH) continue; // blank or comment
    if (end - lineStart === 3 && text.startsWith('---', lineStart)) {
      if (started) return undefined;
      continue;
    }
    const keyStart = i;
    while (i < end && isKeyChar(text.charCodeAt(i))) i++;
    if (i === keyStart || text.charCodeAt(i) !== COLON || (i + 1 < end && text.charCodeAt(i + 1) !== SPACE)) return undefined;
    started = true;
    const indent = keyStart - lineStart;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const key = text.slice(keyStart, i);
    const path = stack.length ? `${stack[stack.length - 1]!.path}.${key}` : key;
    const value = scalar(text.slice(i + 1, end).trim());
    if (value === undefined) return undefined;
    if (value === null) stack.push({ indent, path });
    else if (!wanted) out.set(path, value);
    else if (wanted.has(path)) {
      out.set(path, value);
      if (out.size === wanted.size && !text.includes('\n---', at - 1)) return out; // no other document follows
    }
  }
  return out;
}

/** A value's text as a string; null when a nested block follows; undefined when not plain. */
function scalar(text: string): string | null | undefined {
  if (text === '' || text.startsWith('#')) return null;
  const first = text[0]!;
  if (first === '"') {
    const end = text.lastIndexOf('"');
    if (end === 0 || !/^(\s+#.*)?$/.test(text.slice(end + 1))) return undefined;
    try {
      return JSON.parse(text.slice(0, end + 1)) as string;
    } catch {
      return undefined;
    }
  }
  if (first === "'") {
    const end = text.lastIndexOf("'");
    if (end === 0 || !/^(\s+#.*)?$/.test(text.slice(end + 1))) return undefined;
    return text.slice(1, end).replaceAll("''", "'");
  }
  if ('{[&*!|>%@`-?:,]}'.includes(first)) return undefined;
  const value = text.includes('#') ? text.replace(/\s+#.*$/, '').trim() : text;
  return NON_STRING_PLAIN.test(value) || value.includes(': ') ? undefined : value;
}
