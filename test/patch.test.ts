import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchInputs } from '../generators/patch/inputs.ts';
import { PATCH_CATALOG } from '../src/talos/patch-catalog.ts';
import { addedLines, changedFiles, copyMise112, flags } from './support/talos-repos.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';
import { hasSchemas, validateTalconfig, validateTalosPatch } from './talos/talos-schema.ts';
import type { TalosSchemaVersion } from './talos/talos-schema.ts';

interface Layout {
  fixture: () => string;
  talosVersion: TalosSchemaVersion;
  /** The file that references patches: talconfig.yaml or .mise.toml. */
  wiring: string;
}

const LAYOUTS: Record<string, Layout> = {
  flux: { fixture: () => copyFixture('flux'), talosVersion: 'v1.11', wiring: 'talos/talconfig.yaml' },
  'flux-operator': { fixture: () => copyFixture('flux-operator'), talosVersion: 'v1.12', wiring: 'talos/talconfig.yaml' },
  clustertool: { fixture: () => copyFixture('clustertool'), talosVersion: 'v1.11', wiring: 'clusters/main/talos/talconfig.yaml' },
  'argocd-mise': { fixture: () => copyFixture('argocd-mise'), talosVersion: 'v1.11', wiring: '.mise.toml' },
  'argocd-mise-1.12': { fixture: copyMise112, talosVersion: 'v1.12', wiring: '.mise.toml' },
};

/** Golden cases: layout, then the flags. */
const CASES: [string, Record<string, string>][] = [
  ['flux', { patch: 'time-servers', target: 'all', servers: 'time.cloudflare.com,192.168.1.1' }],
  ['flux', { patch: 'max-pods', target: 'worker', maxPods: '250' }],
  ['flux', { patch: 'kernel-modules', target: 'k8s-1', modules: 'nct6775 force_id=0xd420,br_netfilter' }],
  ['flux-operator', { patch: 'registry-mirror', target: 'all', spegel: 'true', mirror: 'https://zot.lan/v2', registries: 'docker.io,ghcr.io' }],
  ['flux-operator', { patch: 'nvidia', target: 'k8s-2' }],
  ['clustertool', { patch: 'kubeprism', target: 'controlplane' }],
  ['clustertool', { patch: 'intel-gpu', target: 'k8s-worker-1', driver: 'xe' }],
  ['argocd-mise', { patch: 'max-pods', target: 'all', maxPods: '250' }],
  ['argocd-mise', { patch: 'kernel-modules', target: 'urd', modules: 'nct6775' }],
  ['argocd-mise-1.12', { patch: 'time-servers', target: 'all' }],
];

/** Values for the catalog inputs without a default. */
const REQUIRED: Record<string, Record<string, string>> = {
  'kernel-modules': { modules: 'br_netfilter' },
  'install-disk': { disk: '/dev/nvme0n1' },
  'registry-mirror': { spegel: 'true', mirror: 'https://mirror.example.com' },
};

describe.each(CASES)('homeops patch on %s: %j', (layout, given) => {
  const l = LAYOUTS[layout]!;
  const run = (repo: string, ...extra: string[]) => homeops('patch', '--dest', repo, ...flags(given), ...extra);
  const name = `${layout}/${given['patch']}-${given['target']}`;

  it('writes the patch file and its reference (golden files), adding lines only', async () => {
    const repo = l.fixture();
    const before = snapshotFiles(repo);
    const result = await run(repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = snapshotFiles(repo);
    const changed = changedFiles(before, after);
    expect(changed).toContain(l.wiring);
    expect(changed).toHaveLength(2);
    for (const file of changed) await expect(after[file]).toMatchFileSnapshot(`golden/patch/${name}/${file}`);
    expect(addedLines(before[l.wiring]!, after[l.wiring]!)).toBeDefined();
  });

  it('changes nothing on a second run, and writes nothing with --dry-run', async () => {
    const dry = l.fixture();
    const untouched = snapshotFiles(dry);
    const preview = await run(dry, '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toContain(`+++ b/${l.wiring}`);
    expect(snapshotFiles(dry)).toEqual(untouched);
    const repo = l.fixture();
    await run(repo);
    const once = snapshotFiles(repo);
    const again = await run(repo);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^nothing to change: /);
    expect(snapshotFiles(repo)).toEqual(once);
  });
});

describe.skipIf(!hasSchemas)('homeops patch: every catalog patch, on every Talos layout, validates for the repo version', () => {
  it.each(Object.keys(LAYOUTS))('%s', async (layout) => {
    const l = LAYOUTS[layout]!;
    const repo = l.fixture();
    for (const def of PATCH_CATALOG) {
      const before = snapshotFiles(repo);
      // (the mise fixture has a cilium.yaml of its own: one node's patches get files of their own)
      const target = l.wiring === '.mise.toml' ? 'urd' : 'worker';
      const result = await homeops('patch', '--dest', repo, ...flags({ patch: def.id, target, ...REQUIRED[def.id] }));
      expect(result.stderr, `${def.id} on ${layout}`).toBe('');
      const after = snapshotFiles(repo);
      for (const file of changedFiles(before, after)) {
        if (file.endsWith('talconfig.yaml')) expect(validateTalconfig(after[file]!)).toEqual([]);
        else if (file.endsWith('.yaml')) expect(validateTalosPatch(after[file]!, l.talosVersion), `${file} (${def.id})`).toEqual([]);
      }
    }
  });
});

describe('homeops patch: version awareness and placement', () => {
  it('writes machine.time before Talos 1.12 and a TimeSyncConfig document from 1.12 on', async () => {
    const old = copyFixture('flux');
    await homeops('patch', '--dest', old, '--patch=time-servers', '--target=all');
    expect(snapshotFiles(old)['talos/patches/global/time-servers.yaml']).toContain('machine:\n  time:\n');
    const typed = copyFixture('flux-operator');
    await homeops('patch', '--dest', typed, '--patch=time-servers', '--target=all');
    expect(snapshotFiles(typed)['talos/patches/global/time-servers.yaml']).toBe('---\napiVersion: v1alpha1\nkind: TimeSyncConfig\nntp:\n  servers:\n    - time.cloudflare.com\n');
  });

  it('follows the repo file style: no leading --- in the mise layout', async () => {
    const repo = copyFixture('argocd-mise');
    await homeops('patch', '--dest', repo, '--patch=schedule-on-controlplanes');
    const text = snapshotFiles(repo)['src/talos/patches/schedule-on-controlplanes.yaml']!;
    expect(text.startsWith('# Remove the control-plane NoSchedule taint')).toBe(true);
    expect(snapshotFiles(repo)['.mise.toml']).toContain('  --config-patch-control-plane @src/talos/patches/controlplane-metrics.yaml \\\n  --config-patch-control-plane @src/talos/patches/schedule-on-controlplanes.yaml \\\n');
  });

  it('says how to apply the patch when the mise tasks do not list patches line by line', async () => {
    const repo = copyFixture('argocd-mise');
    const mise = join(repo, '.mise.toml');
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(mise, readFileSync(mise, 'utf8').replace(/talosctl gen config[\s\S]*?--force/g, 'talosctl gen config --with-secrets secrets.yaml norns ${CONTROL_PLANE_ENDPOINT} --force'));
    const before = snapshotFiles(repo);
    const result = await homeops('patch', '--dest', repo, '--patch=max-pods', '--target=all');
    expect(result.code).toBe(0);
    expect(changedFiles(before, snapshotFiles(repo))).toEqual(['src/talos/patches/max-pods.yaml']);
    expect(result.stdout).toContain('not wired into .mise.toml');
    expect(result.stdout).toContain('talosctl gen config ... --config-patch @src/talos/patches/max-pods.yaml ...');
  });

  it('declares each catalog input once per patch; a name two patches share has the same type and default', () => {
    const byName = new Map<string, { type: string; default: unknown }[]>();
    for (const def of PATCH_CATALOG) for (const i of def.inputs) byName.set(i.name, [...(byName.get(i.name) ?? []), { type: i.type, default: i.default }]);
    for (const [name, uses] of byName) for (const u of uses) expect(u, name).toEqual(uses[0]);
    expect(patchInputs.map((i) => i.name).filter((n) => n === 'patch' || n === 'target')).toEqual(['patch', 'target']);
    expect(patchInputs).toHaveLength(2 + PATCH_CATALOG.reduce((n, p) => n + p.inputs.length, 0));
  });
});

describe('homeops patch: refusals exit 1, name the field, write nothing', () => {
  const cases: [string, string, Record<string, string>, RegExp][] = [
    ['an unknown patch', 'flux', { patch: 'nope', target: 'all' }, /--patch: "nope" is not one of cilium, max-pods/],
    ['an unknown target', 'flux', { patch: 'max-pods', target: 'k8s-9' }, /--target: "k8s-9" is not one of all, controlplane, worker, k8s-0, k8s-1, k8s-2/],
    ['a value out of range', 'flux', { patch: 'max-pods', target: 'all', maxPods: '0' }, /--maxPods: max-pods: 0 is not a whole number from 1 to 10000/],
    ['a value of the wrong type', 'clustertool', { patch: 'kubeprism', target: 'all', port: 'http' }, /--port: "http" is not a whole number/],
    ['a bad list item', 'argocd-mise', { patch: 'time-servers', target: 'all', servers: 'ok.example.com,bad host!' }, /--servers: time-servers: "bad host!" is not a host name/],
    ['a missing required value', 'flux', { patch: 'kernel-modules', target: 'all' }, /missing required input: --modules/],
    ['a registry mirror with neither URL nor Spegel', 'flux-operator', { patch: 'registry-mirror', target: 'all' }, /--mirror: registry-mirror: give a mirror URL, or enable spegel/],
    ['an existing file with other content', 'argocd-mise', { patch: 'cilium', target: 'all' }, /src\/talos\/patches\/cilium\.yaml: --patch: src\/talos\/patches\/cilium\.yaml already exists with other content/],
  ];
  it.each(cases)('%s', async (_what, layout, given, message) => {
    const repo = LAYOUTS[layout]!.fixture();
    const before = snapshotFiles(repo);
    const result = await homeops('patch', '--dest', repo, ...flags(given));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain('nothing was written');
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses when the repo does not say its Talos version', async () => {
    const repo = copyFixture('flux');
    rmSync(join(repo, 'talos/talenv.yaml'));
    const before = snapshotFiles(repo);
    const result = await homeops('patch', '--dest', repo, '--patch=max-pods', '--target=all');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/talosVersion is "\$\{talosVersion\}" in talos\/talconfig\.yaml and talos\/talenv\.yaml gives it no value/);
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses a repo without Talos configuration (argocd layout)', async () => {
    const repo = copyFixture('argocd');
    const result = await homeops('patch', '--dest', repo, '--patch=max-pods', '--target=all');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no Talos configuration in this repo/);
  });
});
