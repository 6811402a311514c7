import { HomeopsError } from '../errors.ts';

/**
 * Parses OP_CONNECT_HOST. Returns the base URL the Connect client needs (with a trailing slash,
 * so a path prefix survives) and a display form without credentials for messages.
 */
export function parseConnectHost(host: string): { serverURL: string; display: string } {
  let url: URL;
  try {
    url = new URL(host.trim());
  } catch {
    throw new HomeopsError(
      'INVALID_INPUT',
      'OP_CONNECT_HOST is not a URL (its value is not shown in case it holds a credential)',
      {
        fix: 'set OP_CONNECT_HOST to the Connect server URL, e.g. http://onepassword-connect:8080',
      },
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new HomeopsError(
      'INVALID_INPUT',
      `OP_CONNECT_HOST must use http or https, got "${url.protocol}"`,
      {
        fix: 'set OP_CONNECT_HOST to the Connect server URL, e.g. http://onepassword-connect:8080',
      },
    );
  }
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  const display = `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
  return { serverURL: url.href, display };
}
