import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { copyFixture, homeops } from './support/temp-repo.ts';

/** The flux fixture: its top-level patches are sorted, machine-files.yaml to machine-time.yaml. */
const TALCONFIG = 'talos/talconfig.yaml';

const read = (repo: string): string => readFileSync(join(repo, TALCONFIG), 'utf8');
const edit = (repo: string, from: string, to: string): void => {
  const text = read(repo);
  expect(text).toContain(from);
  writeFileSync(join(repo, TALCONFIG), text.replace(from, to));
};

describe('homeops patch: where the new reference goes in a talconfig patches list', () => {
  it('in sorted place where the list is sorted (first, and in the middle)', async () => {
    const repo = copyFixture('flux');
    const dns = await homeops('patch', '--dest', repo, '--patch=host-dns', '--target=all');
    expect(dns.stderr).toBe('');
    expect(read(repo)).toContain(
      [
        'patches:',
        '  - "@./patches/global/machine-features.yaml"',
        '  - "@./patches/global/machine-files.yaml"',
      ].join('\n'),
    );
    const mirror = await homeops(
      'patch',
      '--dest',
      repo,
      '--patch=registry-mirror',
      '--mirror=https://zot.lan',
      '--target=all',
    );
    expect(mirror.stderr).toBe('');
    expect(read(repo)).toContain(
      [
        '  - "@./patches/global/machine-network.yaml"',
        '  - "@./patches/global/machine-registries.yaml"',
        '  - "@./patches/global/machine-sysctls.yaml"',
      ].join('\n'),
    );
  });

  it('in sorted place in controlPlane.patches too', async () => {
    const repo = copyFixture('flux');
    writeFileSync(join(repo, 'talos/patches/controller/scheduler.yaml'), '---\ncluster: {}\n');
    edit(
      repo,
      '    - "@./patches/controller/cluster.yaml"\n',
      '    - "@./patches/controller/cluster.yaml"\n    - "@./patches/controller/scheduler.yaml"\n',
    );
    const result = await homeops(
      'patch',
      '--dest',
      repo,
      '--patch=kubeprism',
      '--target=controlplane',
    );
    expect(result.stderr).toBe('');
    expect(read(repo)).toContain(
      [
        '    - "@./patches/controller/cluster.yaml"',
        '    - "@./patches/controller/kubeprism.yaml"',
        '    - "@./patches/controller/scheduler.yaml"',
      ].join('\n'),
    );
  });

  it('after the last item where the list is not sorted, as before', async () => {
    const repo = copyFixture('flux');
    edit(
      repo,
      '  - "@./patches/global/machine-time.yaml"\n',
      '  - "@./patches/global/machine-time.yaml"\n  - "@./patches/global/machine-bios.yaml"\n',
    );
    writeFileSync(join(repo, 'talos/patches/global/machine-bios.yaml'), '---\nmachine: {}\n');
    const result = await homeops('patch', '--dest', repo, '--patch=host-dns', '--target=all');
    expect(result.stderr).toBe('');
    expect(read(repo)).toContain(
      [
        '  - "@./patches/global/machine-bios.yaml"',
        '  - "@./patches/global/machine-features.yaml"',
        '',
      ].join('\n'),
    );
  });
});
