import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

const whoami = [
  '--name=whoami',
  '--namespace=default',
  '--image=ghcr.io/traefik/whoami:v1.10.4',
  '--port=80',
];

describe('homeops usage errors say what to write', () => {
  it.each([['--dest'], ['--answers'], ['--name']])(
    '%s given without a value: exit 2, naming it',
    async (flag) => {
      const repo = copyFixture('flux');
      const args =
        flag === '--dest'
          ? ['app', ...whoami, '--dest']
          : ['app', '--dest', repo, ...whoami.filter((a) => !a.startsWith(flag)), flag];
      const run = await homeops(...args);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`${flag} is given without a value`);
      expect(run.stderr).toContain(`${flag}=<value>`);
    },
  );

  it('says a switch takes no value', async () => {
    const run = await homeops('app', '--dest', copyFixture('flux'), ...whoami, '--dry-run=yes');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--dry-run takes no value');
  });

  it('names the answers file that holds a key the generator does not take', async () => {
    const repo = copyFixture('flux');
    const before = snapshotFiles(repo);
    const answers = join(repo, '..', 'answers.yaml');
    writeFileSync(answers, 'name: whoami\nprot: 80\n');
    const run = await homeops('app', '--dest', repo, '--answers', answers, ...whoami.slice(1));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /the answers file .*answers\.yaml has key prot, which app does not take/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('ends a YAML error message at its position, not at a dangling colon', async () => {
    const repo = copyFixture('flux');
    writeFileSync(join(repo, '.homeops.yaml'), 'layout: flux\n  bad: [\n');
    const run = await homeops('app', '--dest', repo, ...whoami);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      'error: .homeops.yaml:1: Nested mappings are not allowed in compact mappings at line 1, column 9\n  fix: fix the YAML syntax of this file, then run the generator again\nnothing was written\n',
    );
  });
});
