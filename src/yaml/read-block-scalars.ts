const KEY_LINE = /^( *)([A-Za-z0-9_./-]+): *(.*)$/;
/** Plain scalars that YAML 1.1 or 1.2 reads as numbers, booleans or null. */
const NON_STRING_PLAIN =
  /^(?:[-+]?(?:0x[0-9a-f_]+|0o?[0-7_]+|0b[01_]+|[0-9][0-9_]*(?::[0-5]?[0-9])*(?:\.[0-9_]*)?(?:e[-+]?[0-9]+)?|\.[0-9_]+(?:e[-+]?[0-9]+)?|\.inf)|\.nan|y|n|yes|no|true|false|on|off|null|~)$/i;

/**
 * The scalar leaves of plain block-style YAML (one document of nested mappings), by dotted path:
 * `spec.ref.tag -> 4.4.0`. Returns undefined for anything else (sequences, flow collections,
 * anchors, tags, block or multi-line scalars, non-string plain scalars, several documents), so the
 * caller falls back to the full parser: as exact as it, and many times faster on the files that
 * generated repos are made of. With `wanted`, it stops as soon as those paths are read.
 */
export function readBlockScalars(text: string, wanted?: ReadonlySet<string>): Map<string, string> | undefined {
  const out = new Map<string, string>();
  const stack: { indent: number; path: string }[] = [];
  let started = false;
  for (let at = 0; at < text.length; ) {
    let eol = text.indexOf('\n', at);
    if (eol === -1) eol = text.length;
    const line = text.charCodeAt(eol - 1) === 13 ? text.slice(at, eol - 1) : text.slice(at, eol);
    at = eol + 1;
    const trimmed = line.trimStart();
    if (trimmed === '' || trimmed[0] === '#') continue;
    if (line === '---') {
      if (started) return undefined;
      continue;
    }
    const match = KEY_LINE.exec(line);
    if (!match) return undefined;
    started = true;
    const indent = match[1]!.length;
    while (stack.length && stack[stack.length - 1]!.indent >= indent) stack.pop();
    const path = stack.length ? `${stack[stack.length - 1]!.path}.${match[2]!}` : match[2]!;
    const value = scalar(match[3]!);
    if (value === undefined) return undefined;
    if (value === null) stack.push({ indent, path });
    else {
      out.set(path, value);
      if (wanted && out.size >= wanted.size && [...wanted].every((k) => out.has(k))) return out;
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
  const value = text.replace(/\s+#.*$/, '').trim();
  return NON_STRING_PLAIN.test(value) || value.includes(': ') ? undefined : value;
}
