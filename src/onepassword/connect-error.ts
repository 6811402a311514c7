import { HomeopsError } from '../errors.ts';
import { redact } from './redact.ts';
import type { Secret } from './secret.ts';

/** What the Connect source was doing when a call failed, for the message. */
export interface ConnectCallContext {
  /** Display form of OP_CONNECT_HOST (no credentials). */
  host: string;
  /** e.g. 'listing vaults', 'reading item "db" in vault "Homelab"'. */
  action: string;
  /** The vault involved, as the user knows it (title and/or ID). */
  vault?: string;
  /** The fix for a 404 when the default (vault/item missing) does not fit. */
  notFoundFix?: string;
  token: Secret;
  /**
   * Whether the server's own text may be shown (redacted). Not for item reads: a server can echo
   * a field's value into its error; the status and error code are shown instead.
   */
  quoteServer?: boolean;
}

const RATE_FIX =
  'wait and retry; 1Password limits reads per hour (1,000 on Teams/Families, 10,000 on Business)';
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ERR_NETWORK',
]);
const TIMEOUT_CODES = new Set(['ECONNABORTED', 'ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ERR_CANCELED']);

/**
 * Turns whatever the Connect client rejected with into a HomeopsError. The client rejects with a
 * body `{status, message}` or an AxiosError whose request still carries the bearer token, so only
 * status, code and a redacted server message are copied; the original is never kept as a cause.
 */
export function connectError(err: unknown, ctx: ConnectCallContext): HomeopsError {
  if (err instanceof HomeopsError) return err;
  const { status, message, code } = readFailure(err);
  const quoted = message && ctx.quoteServer !== false;
  const detail = quoted ? ` ${redact(message, [ctx.token]).slice(0, 200)}` : code ? ` ${code}` : '';
  const where = `1Password Connect at ${ctx.host}`;
  const vault = ctx.vault ? `vault ${ctx.vault}` : 'the vault';

  if (status === 401) {
    return new HomeopsError(
      'SOURCE_AUTH',
      `${where} rejected the token while ${ctx.action} (401${detail})`,
      {
        fix: 'check OP_CONNECT_TOKEN: it must be an access token issued for this Connect server (op connect token create)',
      },
    );
  }
  if (status === 403) {
    return new HomeopsError(
      'SOURCE_AUTH',
      `${where} refused access while ${ctx.action} (403${detail})`,
      {
        fix: `check OP_CONNECT_TOKEN / that the token has access to ${vault} (op connect token create --vault)`,
      },
    );
  }
  if (status === 404) {
    return new HomeopsError(
      'SOURCE_NOT_FOUND',
      `${where} found nothing while ${ctx.action} (404${detail})`,
      {
        fix:
          ctx.notFoundFix ??
          `check that ${vault} and the item exist and the token can see them; pick them from the listed vaults and items`,
      },
    );
  }
  if (status === 429) {
    return new HomeopsError(
      'SOURCE_RATE_LIMIT',
      `${where} hit the 1Password rate limit while ${ctx.action} (429${detail})`,
      {
        fix: RATE_FIX,
      },
    );
  }
  if (status === 400) {
    return new HomeopsError(
      'INVALID_INPUT',
      `${where} refused the request while ${ctx.action} (400${detail})`,
      {
        fix: 'pass vault and item IDs (26 characters) as listed by the source, not titles',
      },
    );
  }
  if (status !== undefined) {
    return new HomeopsError(
      'SOURCE_NETWORK',
      `${where} failed while ${ctx.action} (${status}${detail})`,
      {
        fix: "check the Connect server's logs and that it can reach 1Password, then retry",
      },
    );
  }
  if (code && TIMEOUT_CODES.has(code)) {
    return new HomeopsError(
      'SOURCE_NETWORK',
      `${where} did not answer in time while ${ctx.action} (${code})`,
      {
        fix: 'check OP_CONNECT_HOST and the network path to the Connect server, then retry',
      },
    );
  }
  const reason = code && NETWORK_CODES.has(code) ? code : (code ?? 'unknown network error');
  return new HomeopsError(
    'SOURCE_NETWORK',
    `could not reach ${where} while ${ctx.action} (${reason})`,
    {
      fix: 'check OP_CONNECT_HOST and that the Connect server is running and reachable from here',
    },
  );
}

/** Copies status, message and code out of a rejection; never anything else. */
function readFailure(err: unknown): { status?: number; message?: string; code?: string } {
  if (!err || typeof err !== 'object') return {};
  const e = err as {
    status?: unknown;
    message?: unknown;
    code?: unknown;
    response?: { status?: unknown };
  };
  const status =
    typeof e.status === 'number'
      ? e.status
      : typeof e.response?.status === 'number'
        ? e.response.status
        : undefined;
  const isBody = !(err instanceof Error);
  return {
    ...(status !== undefined && { status }),
    // A body's message comes from the server; an Error's message may quote the request, so skip it.
    ...(isBody && typeof e.message === 'string' && { message: e.message }),
    ...(typeof e.code === 'string' && { code: e.code }),
  };
}
