/**
 * One data set for every source: the Connect fake serves it, the SDK fake returns it in the SDK's
 * shapes, and the offline catalog names it. Every value and the token are sentinels that must
 * never reach a result, an error or the terminal.
 */
export const SENTINEL_VALUE = 'SENTINEL-VALUE-7f3a';
export const SENTINEL_TOKEN = 'SENTINEL-TOKEN-c0ffee42';
export const WRONG_TOKEN = 'SENTINEL-WRONG-TOKEN-d15ea5e';

export interface FixtureField {
  id: string;
  label: string;
  /** Section ID; 'add more' is how 1Password marks "no section" for some custom fields. */
  section?: string;
  type: 'STRING' | 'CONCEALED';
  purpose?: '' | 'USERNAME' | 'PASSWORD';
  value: string;
}
export interface FixtureItem {
  id: string;
  title: string;
  category: string;
  sections: Array<{ id: string; label?: string }>;
  fields: FixtureField[];
}
export interface FixtureVault {
  id: string;
  title: string;
  items: FixtureItem[];
}

/** A 26-character 1Password-style ID. */
export const opId = (seed: string): string =>
  (seed.toLowerCase().replace(/[^a-z0-9]/g, '') + '0'.repeat(26)).slice(0, 26);

const secret = (n: number): string => `${SENTINEL_VALUE}-${n}`;

export const FIXTURE: FixtureVault[] = [
  {
    id: opId('homelab'),
    title: 'Homelab',
    items: [
      {
        id: opId('postgresdb'),
        title: 'postgres db',
        category: 'DATABASE',
        sections: [{ id: 'extrasection', label: 'Extra' }, { id: 'add more' }],
        fields: [
          {
            id: 'username',
            label: 'username',
            type: 'STRING',
            purpose: 'USERNAME',
            value: secret(1),
          },
          {
            id: 'password',
            label: 'password',
            type: 'CONCEALED',
            purpose: 'PASSWORD',
            value: secret(2),
          },
          {
            id: opId('apikey'),
            label: 'api key',
            section: 'extrasection',
            type: 'CONCEALED',
            value: secret(3),
          },
          {
            id: opId('notefield'),
            label: 'note field',
            section: 'add more',
            type: 'STRING',
            value: secret(4),
          },
        ],
      },
      {
        id: opId('grafanaadmin'),
        title: 'Grafana Admin',
        category: 'LOGIN',
        sections: [],
        fields: [
          {
            id: 'username',
            label: 'username',
            type: 'STRING',
            purpose: 'USERNAME',
            value: secret(5),
          },
          {
            id: 'password',
            label: 'password',
            type: 'CONCEALED',
            purpose: 'PASSWORD',
            value: secret(6),
          },
        ],
      },
      {
        id: opId('grafanaoauth'),
        title: 'grafana-oauth',
        category: 'API_CREDENTIAL',
        sections: [{ id: 'oauthsection', label: 'OAuth' }],
        fields: [
          {
            id: opId('clientid'),
            label: 'client id',
            section: 'oauthsection',
            type: 'STRING',
            value: secret(7),
          },
          {
            id: opId('clientsecret'),
            label: 'client secret',
            section: 'oauthsection',
            type: 'CONCEALED',
            value: secret(8),
          },
        ],
      },
      {
        id: opId('redis'),
        title: 'redis',
        category: 'PASSWORD',
        sections: [{ id: 'backupsection', label: 'Backup' }],
        fields: [
          {
            id: 'password',
            label: 'password',
            type: 'CONCEALED',
            purpose: 'PASSWORD',
            value: secret(9),
          },
          {
            id: opId('backuppassword'),
            label: 'password',
            section: 'backupsection',
            type: 'CONCEALED',
            value: secret(10),
          },
        ],
      },
    ],
  },
  {
    id: opId('media'),
    title: 'Media',
    items: [
      {
        id: opId('plextoken'),
        title: 'Plex Token',
        category: 'API_CREDENTIAL',
        sections: [],
        fields: [{ id: 'credential', label: 'credential', type: 'CONCEALED', value: secret(11) }],
      },
    ],
  },
];

/** The same names as an offline catalog (what a committed secret-refs.yaml would hold). */
export function fixtureCatalog() {
  return {
    vaults: FIXTURE.map((v) => ({
      title: v.title,
      items: v.items.map((i) => ({
        title: i.title,
        fields: i.fields.map((f) => {
          const section = i.sections.find((s) => s.id === f.section)?.label;
          return section ? { label: f.label, section } : f.label;
        }),
      })),
    })),
  };
}
