import { HomeopsError } from '../errors.ts';
import { parseConnectHost } from './connect-host.ts';
import { Secret } from './secret.ts';
import type { SourceKind } from './types.ts';

/** Which source to open, with its credentials wrapped so they never print. */
export type SourceChoice =
  | { kind: 'sdk'; token: Secret }
  | { kind: 'connect'; host: string; token: Secret }
  | { kind: 'offline' };

export type SourceEnv = Readonly<Record<string, string | undefined>>;

const KINDS: readonly SourceKind[] = ['sdk', 'connect', 'offline'];

/**
 * Picks the 1Password source: `explicit` wins; else OP_SERVICE_ACCOUNT_TOKEN -> sdk; else
 * OP_CONNECT_HOST + OP_CONNECT_TOKEN -> connect; else offline. Tokens come only from `env`.
 */
export function chooseSource(env: SourceEnv, explicit?: SourceKind): SourceChoice {
  if (explicit !== undefined && !KINDS.includes(explicit)) {
    throw new HomeopsError('INVALID_INPUT', `unknown 1Password source "${String(explicit)}"`, {
      fix: `choose one of ${KINDS.join(', ')}`,
    });
  }
  const saToken = read(env, 'OP_SERVICE_ACCOUNT_TOKEN');
  const host = read(env, 'OP_CONNECT_HOST');
  const connectToken = read(env, 'OP_CONNECT_TOKEN');
  const kind = explicit ?? (saToken ? 'sdk' : host && connectToken ? 'connect' : 'offline');

  if (kind === 'sdk') {
    if (!saToken) throw missing('sdk', ['OP_SERVICE_ACCOUNT_TOKEN']);
    return { kind, token: new Secret(saToken) };
  }
  if (kind === 'connect') {
    const unset = [
      ...(host ? [] : ['OP_CONNECT_HOST']),
      ...(connectToken ? [] : ['OP_CONNECT_TOKEN']),
    ];
    if (!host || !connectToken) throw missing('connect', unset);
    parseConnectHost(host); // refuse a malformed host now, before any prompt
    return { kind, host, token: new Secret(connectToken) };
  }
  return { kind: 'offline' };
}

function read(env: SourceEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function missing(kind: SourceKind, vars: string[]): HomeopsError {
  const what =
    kind === 'sdk'
      ? 'a 1Password service-account token'
      : 'the Connect server URL and an access token';
  return new HomeopsError(
    'INVALID_INPUT',
    `the ${kind} 1Password source needs ${vars.join(' and ')}, which ${vars.length > 1 ? 'are' : 'is'} not set`,
    {
      fix: `set ${vars.join(' and ')} in the environment (${what}; tokens are never taken from flags), or use --source=offline (names as typed, not looked up)`,
    },
  );
}
