import type { Secret } from './secret.ts';

const PATTERNS: Array<[RegExp, string]> = [
  [/Bearer\s+\S+/gi, 'Bearer [REDACTED]'],
  [/ops_\S+/g, '[REDACTED]'],
  [/eyJ\S+/g, '[REDACTED]'],
];

/**
 * Removes credentials from text meant for a human: service-account tokens (`ops_…`), bearer
 * headers, JWT-like strings (Connect tokens) and every token passed in.
 */
export function redact(
  message: string,
  tokens: ReadonlyArray<string | Secret | undefined> = [],
): string {
  let out = message;
  for (const token of tokens) {
    const raw = typeof token === 'string' ? token : token?.reveal();
    if (raw) out = out.split(raw).join('[REDACTED]');
  }
  for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
