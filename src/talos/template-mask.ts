/**
 * Template syntax in Talos files, masked so the YAML around it can be parsed and edited, then put
 * back byte for byte. Covers minijinja / Jinja (`{{ }}`, `{% %}`, `{# #}`), makejinja (`#{ }#`;
 * its `#% %#` and `#| |#` are YAML comments already) and Go templates (`{{ }}`, topf's `.yaml.tpl`).
 * A statement alone on its lines (`{% if ENV.CONTROLPLANE %}`, `{{- end }}`) becomes a comment; any
 * other span becomes a plain token such as `__tpl3__`. Nothing is rendered.
 */

export interface MaskedText {
  /** The text with every template span replaced (same lines). */
  text: string;
  /** Whether the text had any template syntax. */
  templated: boolean;
  /** Puts the original spans back into (an edited copy of) the masked text. */
  unmask(text: string): string;
}

const SPAN = /\{\{[\s\S]*?\}\}|\{%[\s\S]*?%\}|\{#[\s\S]*?#\}|#\{[\s\S]*?\}#/g;
const TOKEN = /__tpl\d+__/;

/** Whether a (parsed) value holds a masked template span: its real value is unknown. */
export const isMasked = (value: unknown): boolean => typeof value === 'string' && TOKEN.test(value);

/** Go template actions and Jinja statements: control flow, not values. */
const isStatement = (span: string): boolean =>
  span.startsWith('{%') ||
  span.startsWith('{#') ||
  /^\{\{-?\s*(if|else|end|range|with|define|block|template|\/\*|-?\s*\/\*)\b/.test(span) ||
  /^\{\{-?\s*\/\*/.test(span);

export function maskTemplate(text: string): MaskedText {
  const originals = new Map<string, string>();
  let n = 0;
  const token = (original: string, comment: boolean): string => {
    const t = `${comment ? '#' : ''}__tpl${n++}__`;
    originals.set(t, original);
    return t;
  };
  let out = '';
  let last = 0;
  for (const m of text.matchAll(SPAN)) {
    const span = m[0];
    const at = m.index;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    const lineEnd = text.indexOf('\n', at + span.length);
    const before = text.slice(lineStart, at);
    const after = text.slice(at + span.length, lineEnd === -1 ? text.length : lineEnd);
    const alone = before.trim() === '' && after.trim() === '';
    out += text.slice(last, at);
    if (alone && isStatement(span)) {
      // one comment per line, so the masked text keeps the lines of the original
      out += span
        .split('\n')
        .map((part) => token(part, true))
        .join('\n');
    } else {
      out += span
        .split('\n')
        .map((part, i) => token(part, i > 0))
        .join('\n');
    }
    last = at + span.length;
  }
  out += text.slice(last);
  return {
    text: out,
    templated: n > 0,
    unmask: (edited) =>
      edited.replace(
        /(#?)(__tpl\d+__)/g,
        (all, hash: string, tok: string) =>
          originals.get(all) ?? hash + (originals.get(tok) ?? tok),
      ),
  };
}
