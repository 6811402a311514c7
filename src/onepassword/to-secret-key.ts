import { HomeopsError } from '../errors.ts';

/** Kubernetes Secret data keys: https://kubernetes.io/docs/concepts/configuration/secret/ */
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const MAX_KEY_LENGTH = 253;

/**
 * The default Kubernetes Secret key for a 1Password field label, in UPPER_SNAKE_CASE:
 * "api key" -> API_KEY, "db-password" -> DB_PASSWORD, "apiToken" -> API_TOKEN; a label that is
 * already such a name stays as it is.
 */
export function toSecretKey(label: string): string {
  // already an environment variable's name: kept as written (`RADARR__AUTH__APIKEY` nests settings)
  if (/^[A-Z][A-Z0-9_]*$/.test(label) && label.length <= MAX_KEY_LENGTH) return label;
  const key = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // é -> e
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2') // camelCase -> camel_Case
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2') // HTTPSProxy -> HTTPS_Proxy
    .replace(/[^A-Za-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '')
    .toUpperCase();
  if (!key || !SECRET_KEY.test(key) || key.length > MAX_KEY_LENGTH) {
    throw new HomeopsError(
      'INVALID_INPUT',
      `cannot derive a Kubernetes Secret key from field label "${label}"`,
      {
        fix: 'give the key explicitly (letters, digits, - _ . ; at most 253 characters)',
      },
    );
  }
  return key;
}
