import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { flags } from './support/talos-repos.ts';
import { copyFixture, homeops } from './support/temp-repo.ts';

/** The flux fixture's patch files: every one starts with `---`. */
const PATCHES = 'talos/patches';

/** Drops the leading `---` of the first `count` patch files the fixture references. */
function dropMarkers(repo: string, count: number): void {
  const files = readdirSync(join(repo, PATCHES), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .sort();
  expect(files.length).toBeGreaterThanOrEqual(count);
  for (const f of files.slice(0, count)) {
    const path = join(repo, PATCHES, f);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('---\n')).toBe(true);
    writeFileSync(path, text.slice(4));
  }
}

const mirror = ['--patch=registry-mirror', '--mirror=https://zot.lan', '--target=all'];
const NEW = join(PATCHES, 'global/machine-registries.yaml');

describe('homeops patch (talhelper): a new patch file starts with --- as the repo patch files do', () => {
  it('no leading --- where none of the patch files has one', async () => {
    const repo = copyFixture('flux');
    dropMarkers(repo, 8);
    const result = await homeops('patch', '--dest', repo, ...mirror);
    expect(result.stderr).toBe('');
    expect(readFileSync(join(repo, NEW), 'utf8')).toMatch(/^machine:\n {2}registries:\n/);
    // the second run finds the same bytes: nothing to change
    const again = await homeops('patch', '--dest', repo, ...mirror);
    expect(again.stdout).toMatch(/^nothing to change: /);
  });

  it('no leading --- where most of them have none; kept where most have one', async () => {
    const most = copyFixture('flux');
    dropMarkers(most, 5);
    await homeops('patch', '--dest', most, ...mirror);
    expect(readFileSync(join(most, NEW), 'utf8')).toMatch(/^machine:\n/);
    const few = copyFixture('flux');
    dropMarkers(few, 3);
    await homeops('patch', '--dest', few, ...mirror);
    expect(readFileSync(join(few, NEW), 'utf8')).toMatch(/^---\nmachine:\n/);
  });

  it("a new node's own patch file follows them too", async () => {
    const repo = copyFixture('flux');
    const file = join(repo, 'talos/talconfig.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace(
        '  - hostname: "k8s-2"',
        '    patches:\n      - "@./patches/k8s-1/machine-kernel.yaml"\n  - hostname: "k8s-2"',
      ),
    );
    mkdirSync(join(repo, PATCHES, 'k8s-1'));
    writeFileSync(
      join(repo, PATCHES, 'k8s-1/machine-kernel.yaml'),
      readFileSync(join(repo, PATCHES, 'k8s-0/machine-kernel.yaml'), 'utf8'),
    );
    dropMarkers(repo, 9);
    const result = await homeops(
      'node',
      '--dest',
      repo,
      ...flags({
        hostname: 'k8s-3',
        ip: '192.168.1.14',
        role: 'controlplane',
        disk: '/dev/nvme0n1',
        mac: 'bc:24:11:3a:5f:04',
      }),
    );
    expect(result.code).toBe(0);
    expect(readFileSync(join(repo, PATCHES, 'k8s-3/machine-kernel.yaml'), 'utf8')).toMatch(
      /^# Patch for node k8s-3 only/,
    );
  });
});
