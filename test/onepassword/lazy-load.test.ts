import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

it('loads neither 1Password package until a source that needs it is opened', () => {
  const probe = fileURLToPath(new URL('./lazy-load-probe.ts', import.meta.url));
  const out = execFileSync(process.execPath, ['--import', 'tsx', probe], { encoding: 'utf8' });
  expect(JSON.parse(out)).toEqual({
    afterImport: [],
    afterOffline: [],
    afterConnect: ['@1password/connect'],
  });
});
