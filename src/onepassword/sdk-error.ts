import { HomeopsError } from '../errors.ts';
import { redact } from './redact.ts';
import type { Secret } from './secret.ts';

/** What the SDK source was doing when a call failed, for the message. */
export interface SdkCallContext {
  /** e.g. 'signing in', 'listing vaults', 'reading item x in vault "Homelab"'. */
  action: string;
  vault?: string;
  token?: Secret;
}

const RATE_FIX =
  'wait and retry; 1Password limits reads per hour (1,000 on Teams/Families, 10,000 on Business) and per day';

/**
 * Turns an SDK rejection into a HomeopsError. The WASM core turns most failures into plain
 * `Error(message)` (a 429 arrives as "authentication error: rate limit exceeded"), so the class is
 * checked first, then the message. Only a redacted message is copied, never the original error.
 */
export function sdkError(err: unknown, ctx: SdkCallContext): HomeopsError {
  if (err instanceof HomeopsError) return err;
  const name = err instanceof Error ? err.constructor.name : '';
  const raw = err instanceof Error ? err.message : typeof err === 'string' ? err : '';
  const message = redact(raw, [ctx.token]).slice(0, 300);
  const detail = message ? ` (${message})` : '';
  const vault = ctx.vault ? `vault ${ctx.vault}` : 'the vault';

  if (name === 'RateLimitExceededError' || /rate.?limit/i.test(raw)) {
    return new HomeopsError(
      'SOURCE_RATE_LIMIT',
      `1Password rate limit reached while ${ctx.action}${detail}`,
      { fix: RATE_FIX },
    );
  }
  if (
    name === 'AuthExpiredError' ||
    name === 'DesktopSessionExpiredError' ||
    /not authenticated|auth|service account token|invalid[^.]*token/i.test(raw)
  ) {
    return new HomeopsError(
      'SOURCE_AUTH',
      `1Password refused the service account while ${ctx.action}${detail}`,
      {
        fix: `check OP_SERVICE_ACCOUNT_TOKEN (an ops_… service-account token that is not revoked or expired) / that it has read access to ${vault}`,
      },
    );
  }
  if (/couldn't be found|could not be found|not found/i.test(raw)) {
    return new HomeopsError(
      'SOURCE_NOT_FOUND',
      `1Password found nothing while ${ctx.action}${detail}`,
      {
        fix: `check that ${vault} and the item exist and the service account can read them; pick them from the listed vaults and items`,
      },
    );
  }
  if (/invalid user input|invalid (vault|item) id/i.test(raw)) {
    return new HomeopsError(
      'INVALID_INPUT',
      `1Password refused the request while ${ctx.action}${detail}`,
      {
        fix: 'pass vault and item IDs as listed by the source, not titles',
      },
    );
  }
  if (
    /fetch failed|network|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ETIMEDOUT|timed? ?out|socket|dns/i.test(
      raw,
    )
  ) {
    return new HomeopsError(
      'SOURCE_NETWORK',
      `could not reach 1Password while ${ctx.action}${detail}`,
      {
        fix: 'check the network connection to 1Password (my.1password.com or your account host), then retry',
      },
    );
  }
  return new HomeopsError('SOURCE_NETWORK', `1Password SDK failed while ${ctx.action}${detail}`, {
    fix: 'retry; if it keeps failing, use OP_CONNECT_HOST/OP_CONNECT_TOKEN or the offline source',
  });
}
