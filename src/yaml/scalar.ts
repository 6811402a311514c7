import { parse } from 'yaml';

/**
 * A string as a YAML scalar: plain when every YAML 1.1 and 1.2 reader (Flux and kustomize read
 * 1.1-ish YAML through Go) reads it back as the same string, double-quoted otherwise.
 * `yes`, `on`, `1.10`, `0755`, `@./x`, `{{ x }}`, `a: b` and empty strings are quoted.
 */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  return isPlainSafe(value) ? value : doubleQuoted(value);
}

/** Always double-quoted (MACs, IPs, versions, hostnames in flow lists). */
export function doubleQuoted(value: string): string {
  return JSON.stringify(value);
}

const plainSafe = new Map<string, boolean>();

/** Whether a string may be written unquoted: every YAML reader reads it back as that string. */
export function isPlainSafe(value: string): boolean {
  let safe = plainSafe.get(value);
  if (safe === undefined) plainSafe.set(value, (safe = checkPlainSafe(value)));
  return safe;
}

function checkPlainSafe(value: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are what this looks for
  if (value === '' || value.trim() !== value || /[\n\r\t\u0000-\u001f\u007f]/.test(value))
    return false;
  if (
    /^[,[\]{}#&*!|>'"%@`]/.test(value) ||
    /^[-?:](\s|$)/.test(value) ||
    value.includes(': ') ||
    value.includes(' #') ||
    value.endsWith(':')
  ) {
    return false;
  }
  return readsBack(value);
}

function readsBack(value: string): boolean {
  try {
    return parse(value, { version: '1.1' }) === value && parse(value, { version: '1.2' }) === value;
  } catch {
    return false;
  }
}
