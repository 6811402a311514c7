/** Every catalog input is one flag (and answers-file key) of `homeops patch`, whichever patch declares it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchInputs, sharedInputs } from '../generators/patch/inputs.ts';
import { PATCH_CATALOG } from '../src/talos/patch-catalog.ts';
import type { TalosPatchDef } from '../src/talos/patch-catalog.ts';
import { changedFiles, flags } from './support/talos-repos.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';

/** Values for the catalog inputs without a default. */
const REQUIRED: Record<string, Record<string, string>> = {
  'kernel-modules': { modules: 'br_netfilter' },
  'install-disk': { disk: '/dev/nvme0n1' },
  'registry-mirror': { mirror: 'https://mirror.example.com' },
};

const KUBEPRISM = 'talos/patches/global/machine-features.yaml'; // named by area, as the repo's patches are

describe('homeops patch: an input two patches share (--enabled) is one flag serving both', () => {
  it('turns KubePrism off with --enabled=false (it was bound to host-dns only)', async () => {
    const repo = copyFixture('flux');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'patch',
      '--dest',
      repo,
      '--yes',
      '--patch=kubeprism',
      '--target=all',
      '--enabled=false',
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const after = snapshotFiles(repo);
    expect(changedFiles(before, after)).toEqual([KUBEPRISM, 'talos/talconfig.yaml']);
    expect(after[KUBEPRISM]).toContain('kubePrism:\n      enabled: false\n      port: 7445\n');
  });

  it('turns the host DNS cache off with the same flag', async () => {
    const repo = copyFixture('flux');
    const run = await homeops(
      'patch',
      '--dest',
      repo,
      '--yes',
      '--patch=host-dns',
      '--target=all',
      '--enabled=false',
    );
    expect(run.stderr).toBe('');
    expect(snapshotFiles(repo)['talos/patches/global/machine-features.yaml']).toContain(
      'hostDNS:\n      enabled: false\n',
    );
  });

  it('reads the shared key from an answers file for either patch', async () => {
    const answers = join(mkdtempSync(join(tmpdir(), 'homeops-answers-')), 'answers.yaml');
    writeFileSync(answers, 'patch: kubeprism\ntarget: all\nenabled: false\nport: 7446\n');
    const repo = copyFixture('flux');
    const run = await homeops('patch', '--dest', repo, '--answers', answers);
    expect(run.stderr).toBe('');
    expect(snapshotFiles(repo)[KUBEPRISM]).toContain(
      'kubePrism:\n      enabled: false\n      port: 7446\n',
    );
  });

  it('still refuses --enabled for a patch that has no such input, naming both that do', async () => {
    const repo = copyFixture('flux');
    const before = snapshotFiles(repo);
    const run = await homeops(
      'patch',
      '--dest',
      repo,
      '--patch=max-pods',
      '--target=all',
      '--enabled=false',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--enabled: does not apply with the other inputs given');
    expect(run.stderr).toContain('it applies only with --patch=host-dns or --patch=kubeprism');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it("refuses a bad value with the chosen patch's own check", async () => {
    const run = await homeops(
      'patch',
      '--dest',
      copyFixture('flux'),
      '--patch=kubeprism',
      '--target=all',
      '--enabled=maybe',
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('--enabled: "maybe" is not yes or no');
  });
});

describe('homeops patch: one flag per input name, listed once', () => {
  const names = [...new Set(PATCH_CATALOG.flatMap((p) => p.inputs.map((i) => i.name)))];

  it('declares each name once', () => {
    expect(patchInputs.map((i) => i.name)).toEqual(['cluster', 'patch', 'target', ...names]);
  });

  it('--help lists each flag once', async () => {
    const help = await homeops('patch', '--dest', copyFixture('flux'), '--help');
    expect(help.code).toBe(0);
    const listed = [...help.stdout.matchAll(/^ {2}--(\S+)/gm)].map((m) => m[1]);
    expect(listed.filter((n) => n === 'enabled')).toHaveLength(1);
    expect(new Set(listed).size).toBe(listed.length);
    for (const name of names) expect(listed).toContain(name);
  });

  it('the unknown-option error lists each flag once', async () => {
    const run = await homeops('patch', '--dest', copyFixture('flux'), '--bogus=1');
    expect(run.code).toBe(2);
    const fix = run.stderr
      .split('\n')
      .find((l) => l.includes('fix: the inputs of this generator are'))!;
    const listed = fix.match(/--\w+/g)!;
    expect(listed.filter((n) => n === '--enabled')).toHaveLength(1);
    expect(new Set(listed).size).toBe(listed.length);
  });

  const pairs = PATCH_CATALOG.flatMap((def) =>
    def.inputs.map((input) => [def.id, input.name] as const),
  );
  it.each(pairs)('%s: --%s can be set by flag', async (id, name) => {
    const input = PATCH_CATALOG.find((p) => p.id === id)!.inputs.find((i) => i.name === name)!;
    const value =
      REQUIRED[id]?.[name] ??
      (Array.isArray(input.default) ? input.default.join(',') : String(input.default));
    const run = await homeops(
      'patch',
      '--dest',
      copyFixture('flux'),
      '--dry-run',
      ...flags({ patch: id, target: 'worker', ...REQUIRED[id], [name]: value }),
    );
    // the flag is taken: the dry run shows the patch, or the patch itself is refused because the
    // fixture already sets what it sets (cilium, sysctls, time-servers) - never the flag
    if (run.code === 0) {
      expect(run.stdout).toMatch(/^\+\+\+ b\/talos\/patches\/worker\/.*\.yaml$/m);
      expect(run.stdout).toContain('nothing was written');
    } else
      expect(run.stderr).toMatch(
        new RegExp(
          `^error: talos/\\S+: --patch: talos/\\S+ already sets \\S+; the ${id} patch would set .* a second time for the same nodes\n`,
        ),
      );
  });
});

describe('sharedInputs: a name two patches share must mean the same', () => {
  const patch = (id: string, input: Partial<TalosPatchDef['inputs'][number]>): TalosPatchDef => ({
    id,
    description: id,
    inputs: [
      { name: 'enabled', message: `Enable ${id}?`, type: 'boolean', default: true, ...input },
    ],
    render: () => '',
  });

  it('merges same-type, same-default declarations into one', () => {
    const merged = sharedInputs([patch('a', {}), patch('b', {})]);
    expect(merged.map((s) => [s.name, s.uses.map((u) => u.def.id)])).toEqual([
      ['enabled', ['a', 'b']],
    ]);
  });

  it("refuses another type or default, and the generator's own names", () => {
    expect(() => sharedInputs([patch('a', {}), patch('b', { default: false })])).toThrow(
      /b and a both declare "enabled" with another type or default/,
    );
    expect(() =>
      sharedInputs([patch('a', {}), patch('b', { type: 'string', default: 'x' })]),
    ).toThrow(/another type or default/);
    expect(() => sharedInputs([patch('a', { name: 'target' })])).toThrow(
      /a declares an input "target"/,
    );
  });
});
