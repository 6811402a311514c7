import { HomeopsError } from '../errors.ts';
import { isOnePasswordId } from './reference-names.ts';

/**
 * What a Connect server answered, checked before it is read: a login page, a proxy's JSON or any
 * other service on that URL comes back from the client as empty objects, which would be listed
 * as vaults and items without names. Only the shape is looked at, never a value.
 */
export function connectAnswer<T>(
  data: T,
  expect: 'vaults' | 'items' | 'item',
  where: { host: string; action: string },
): T {
  const record = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v);
  const named = (v: unknown, name: 'name' | 'title') =>
    record(v) && typeof v.id === 'string' && isOnePasswordId(v.id) && typeof v[name] === 'string';
  const ok =
    expect === 'item'
      ? named(data, 'title') &&
        record(data) &&
        (data.fields === undefined || Array.isArray(data.fields))
      : Array.isArray(data) && data.every((v) => named(v, expect === 'vaults' ? 'name' : 'title'));
  if (ok) return data;
  throw new HomeopsError(
    'SOURCE_NETWORK',
    `the server at OP_CONNECT_HOST (${where.host}) did not answer with Connect JSON while ${where.action}`,
    {
      fix: "set OP_CONNECT_HOST to the 1Password Connect server's base URL (the one serving /v1/vaults), not a proxy's or another service's",
    },
  );
}
