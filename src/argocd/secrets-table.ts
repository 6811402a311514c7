import { HomeopsError } from '../errors.ts';
import { captured } from '../captured.ts';

/**
 * The SECRETS=( "namespace|secret|key|1Password item|1Password field|ENV_VAR" ) table of a
 * bootstrap script (seed 004's kubernetes/bootstrap/setup-secrets.sh): each line makes one Secret
 * with one key from one 1Password field. Read and extended as text: every other byte stays.
 */
export interface SecretsTableEntry {
  namespace: string;
  secret: string;
  key: string;
  item: string;
  field: string;
  envVar: string;
}

export interface SecretsTable {
  entries: SecretsTableEntry[];
  /** The vault the script reads (`OP_VAULT="..."`), if it sets one. */
  vault: string | undefined;
  /** Offset of the line holding the closing `)`, and the indentation of the entries. */
  closeAt: number;
  indent: string;
}

/** Characters that would break the table's line (`|`) or the double-quoted bash string. */
const UNSAFE = /[|"$`\\\n\r]/;

export const tableCellProblem = (value: string): string | undefined =>
  UNSAFE.test(value)
    ? `contains a character the SECRETS table cannot hold (| " $ \` \\ or a line break)`
    : undefined;

export function readSecretsTable(text: string, file: string): SecretsTable {
  const open = /^SECRETS=\($/m.exec(text);
  if (!open) {
    throw new HomeopsError('CONFLICT', `${file} has no SECRETS=( ... ) table`, {
      file,
      fix: 'add the table (one "namespace|secret|key|item|field|ENV_VAR" string per line), or add the Secret by hand',
    });
  }
  const bodyStart = open.index + open[0].length + 1;
  const close = /^[ \t]*\)[ \t]*$/m.exec(text.slice(bodyStart));
  if (!close)
    throw new HomeopsError('CONFLICT', `the SECRETS table of ${file} is not closed by a ")" line`, {
      file,
      fix: 'fix the script by hand',
    });
  const body = text.slice(bodyStart, bodyStart + close.index);
  const entries: SecretsTableEntry[] = [];
  let indent = '  ';
  for (const line of body.split('\n')) {
    const m = /^(\s*)"([^"]*)"\s*$/.exec(line);
    if (!m) continue;
    indent = captured(m, 1);
    const [namespace = '', secret = '', key = '', item = '', field = '', envVar = ''] = captured(
      m,
      2,
    ).split('|');
    entries.push({ namespace, secret, key, item, field, envVar });
  }
  return {
    entries,
    vault: /^OP_VAULT="([^"]*)"/m.exec(text)?.[1],
    closeAt: bodyStart + close.index,
    indent,
  };
}

export const tableLine = (e: SecretsTableEntry): string =>
  `"${[e.namespace, e.secret, e.key, e.item, e.field, e.envVar].join('|')}"`;

/** The text with `entries` added at the end of the table (those already there, identical, are skipped). */
export function addToSecretsTable(
  text: string,
  file: string,
  entries: readonly SecretsTableEntry[],
): string {
  const table = readSecretsTable(text, file);
  const added: string[] = [];
  for (const entry of entries) {
    const same = table.entries.find(
      (e) => e.namespace === entry.namespace && e.secret === entry.secret,
    );
    if (same && tableLine(same) === tableLine(entry)) continue;
    if (same) {
      throw new HomeopsError(
        'CONFLICT',
        `${file} already lists Secret ${entry.namespace}/${entry.secret} (${tableLine(same)})`,
        {
          file,
          field: 'keys',
          fix: 'edit that line by hand, or choose other --keys (each key is a Secret of its own)',
        },
      );
    }
    added.push(`${table.indent}${tableLine(entry)}\n`);
  }
  return text.slice(0, table.closeAt) + added.join('') + text.slice(table.closeAt);
}
