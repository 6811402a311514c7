import { describe, expect, it } from 'vitest';
import { HomeopsError } from '../../src/errors.ts';
import {
  checkReferenceName,
  duplicateFieldLabels,
  isOnePasswordId,
  isReferenceName,
  pickFieldByLabel,
  pickItemByTitle,
  referenceSegment,
  toSecretKey,
} from '../../src/onepassword/reference-names.ts';
import type { ItemFields, ItemRef } from '../../src/onepassword/types.ts';

const ID = 'abcdefghijklmnopqrstuvwxyz';

describe('reference names', () => {
  // Checked against @1password/sdk 0.5.0 Secrets.validateSecretReference.
  it.each(['db', 'postgres db', 'my.app_1-x', 'a  b', ' leading', '.hidden', '-dash', 'UPPER'])(
    '%j can be used',
    (name) => {
      expect(isReferenceName(name)).toBe(true);
      expect(checkReferenceName('item', name)).toBeUndefined();
    },
  );

  it.each([
    '',
    'café',
    'a:b',
    'a/b',
    'user@host',
    'a(b)',
    'tab\there',
    'x+y',
    "o'brien",
    'a#b',
    '100%',
    'a,b',
  ])('%j cannot', (name) => {
    expect(isReferenceName(name)).toBe(false);
    const err = checkReferenceName('item', name);
    expect(err).toBeInstanceOf(HomeopsError);
    expect(err!.code).toBe('INVALID_INPUT');
    expect(err!.message).toContain('1Password item name');
  });

  it('points to the ID when one is known, else to renaming', () => {
    expect(checkReferenceName('item', 'db:prod', ID)!.fix).toContain(
      `use the item's ID ${ID} instead`,
    );
    expect(checkReferenceName('field', 'pass:word')!.fix).toMatch(/^rename it/);
    expect(checkReferenceName('vault', 'Ops (prod)')!.message).toContain('"("');
  });

  it('uses the title when it can, the ID when it cannot, and refuses when neither works', () => {
    expect(referenceSegment('item', { title: 'postgres db', id: ID })).toBe('postgres db');
    expect(referenceSegment('item', { title: 'db:prod', id: ID })).toBe(ID);
    expect(() => referenceSegment('field', { title: 'pass:word' })).toThrow(
      expect.objectContaining({
        code: 'INVALID_INPUT',
        message:
          '1Password field name "pass:word" contains characters a secret reference cannot hold (":")',
        fix: 'rename it in 1Password to use only letters, digits, space, _ . -',
      }),
    );
  });

  it('recognises 1Password IDs', () => {
    expect(isOnePasswordId(ID)).toBe(true);
    expect(isOnePasswordId('ABCDEFGHIJKLMNOPQRSTUVWXYZ')).toBe(false);
    expect(isOnePasswordId('short')).toBe(false);
  });
});

describe('pickItemByTitle', () => {
  const items: ItemRef[] = [
    { id: 'a'.repeat(26), title: 'postgres', vaultId: 'v' },
    { id: 'b'.repeat(26), title: 'redis', vaultId: 'v' },
    { id: 'c'.repeat(26), title: 'Redis', vaultId: 'v' },
  ];
  it('returns the single match', () =>
    expect(pickItemByTitle(items, 'postgres', 'Homelab').id).toBe('a'.repeat(26)));
  it('refuses duplicate titles (case-insensitively) with SOURCE_AMBIGUOUS and a fix', () => {
    const err = catchError(() => pickItemByTitle(items, 'redis', 'Homelab'));
    expect(err.code).toBe('SOURCE_AMBIGUOUS');
    expect(err.message).toContain('2 items are titled "redis" in 1Password vault "Homelab"');
    expect(err.fix).toContain(`use the item's ID ${'b'.repeat(26)} instead`);
  });
  it('says SOURCE_NOT_FOUND when nothing matches', () => {
    expect(catchError(() => pickItemByTitle(items, 'mysql', 'Homelab')).code).toBe(
      'SOURCE_NOT_FOUND',
    );
  });
});

describe('pickFieldByLabel', () => {
  const described: ItemFields = {
    item: { id: 'r', title: 'redis', vaultId: 'v' },
    fields: [
      { id: 'password', label: 'password', type: 'concealed' },
      { id: 'x', label: 'password', sectionId: 's', sectionLabel: 'Backup', type: 'concealed' },
      { id: 'u', label: 'username', type: 'string' },
    ],
  };
  it('returns the single match', () =>
    expect(pickFieldByLabel(described, 'Username').id).toBe('u'));
  it('refuses a label repeated across sections', () => {
    const err = catchError(() => pickFieldByLabel(described, 'password'));
    expect(err.code).toBe('SOURCE_AMBIGUOUS');
    expect(err.message).toContain('no section, section "Backup"');
    expect(err.fix).toMatch(/rename/);
  });
  it('lists the fields when the label is unknown', () => {
    const err = catchError(() => pickFieldByLabel(described, 'token'));
    expect(err.code).toBe('SOURCE_NOT_FOUND');
    expect(err.message).toContain('password, password, username');
  });
  it('reports duplicate labels for whole-item extracts', () => {
    expect(duplicateFieldLabels(described)).toEqual(['password']);
  });
});

describe('toSecretKey', () => {
  it.each([
    ['api key', 'API_KEY'],
    ['db-password', 'DB_PASSWORD'],
    ['password', 'PASSWORD'],
    ['apiToken', 'API_TOKEN'],
    ['HTTPSProxy', 'HTTPS_PROXY'],
    ['  Client Secret  ', 'CLIENT_SECRET'],
    ['user.name', 'USER_NAME'],
    ['a__b--c', 'A_B_C'],
    ['café key', 'CAFE_KEY'],
    ['2fa code', '2FA_CODE'],
    ['ALREADY_UPPER', 'ALREADY_UPPER'],
    ['RADARR__AUTH__APIKEY', 'RADARR__AUTH__APIKEY'],
  ])('%j -> %s', (label, key) => {
    expect(toSecretKey(label)).toBe(key);
    expect(key).toMatch(/^[-._a-zA-Z0-9]+$/);
  });
  it.each(['', '🔑', '---'])('%j has no usable key -> INVALID_INPUT', (label) => {
    expect(catchError(() => toSecretKey(label)).code).toBe('INVALID_INPUT');
  });
});

function catchError(run: () => unknown): HomeopsError {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(HomeopsError);
    return err as HomeopsError;
  }
  throw new Error('expected a HomeopsError');
}
