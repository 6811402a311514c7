import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchInputs } from '../generators/patch/inputs.ts';
import { PATCH_CATALOG, renderPatch } from '../src/talos/patch-catalog.ts';
import { parseTalosVersion } from '../src/talos/talos-version.ts';
import { addedLines, changedFiles, copyMise112, flags } from './support/talos-repos.ts';
import { copyFixture, homeops, snapshotFiles } from './support/temp-repo.ts';
import { expectGoldenFiles } from './support/golden.ts';
import {
  hasSchemas,
  repoSchemaVersion,
  validateTalosFile,
  validateTalosPatch,
} from './talos/talos-schema.ts';
import type { TalosSchemaVersion } from './talos/talos-schema.ts';

interface Layout {
  fixture: () => string;
  talosVersion: TalosSchemaVersion;
  /** The file that references patches (talconfig.yaml, .mise.toml); none where folders wire them (topf) or patches merge into templates. */
  wiring?: string;
  /** A target every catalog patch may take in this repo, and flags the repo needs (--cluster). */
  anyTarget: string;
  flags?: Record<string, string>;
}

const LAYOUTS: Record<string, Layout> = {
  flux: {
    fixture: () => copyFixture('flux'),
    talosVersion: 'v1.11',
    wiring: 'talos/talconfig.yaml',
    anyTarget: 'worker',
  },
  'flux-operator': {
    fixture: () => copyFixture('flux-operator'),
    talosVersion: 'v1.12',
    wiring: 'talos/talconfig.yaml',
    anyTarget: 'worker',
  },
  clustertool: {
    fixture: () => copyFixture('clustertool'),
    talosVersion: 'v1.11',
    wiring: 'clusters/main/talos/talconfig.yaml',
    anyTarget: 'worker',
  },
  // (the mise fixture has a cilium.yaml of its own: one node's patches get files of their own)
  'argocd-mise': {
    fixture: () => copyFixture('argocd-mise'),
    talosVersion: 'v1.11',
    wiring: '.mise.toml',
    anyTarget: 'urd',
  },
  'argocd-mise-1.12': {
    fixture: copyMise112,
    talosVersion: 'v1.12',
    wiring: '.mise.toml',
    anyTarget: 'urd',
  },
  'talos-topf': {
    fixture: () => copyFixture('talos-topf'),
    talosVersion: 'v1.13',
    anyTarget: 'worker',
  },
  'talos-templates': {
    fixture: () => copyFixture('talos-templates'),
    talosVersion: 'v1.12',
    anyTarget: 'worker',
  },
  'talos-templates-clusters': {
    fixture: () => copyFixture('talos-templates-clusters'),
    talosVersion: 'v1.13',
    anyTarget: 'w0',
    flags: { cluster: 'main' },
  },
  'talos-talhelper-setup': {
    fixture: () => copyFixture('talos-talhelper-setup'),
    talosVersion: 'v1.12',
    wiring: 'setup/talos/talconfig.yaml',
    anyTarget: 'worker',
  },
  'talos-talhelper-clusters': {
    fixture: () => copyFixture('talos-talhelper-clusters'),
    talosVersion: 'v1.13',
    wiring: 'talos/lab/talconfig.yaml',
    anyTarget: 'worker',
    flags: { cluster: 'lab' },
  },
};

/** Golden cases: layout, then the flags. */
const CASES: [string, Record<string, string>][] = [
  ['flux', { patch: 'sysctls', target: 'all', sysctls: 'vm.max_map_count=262144' }],
  ['flux', { patch: 'max-pods', target: 'worker', maxPods: '250' }],
  [
    'flux',
    { patch: 'kernel-modules', target: 'k8s-1', modules: 'nct6775 force_id=0xd420,br_netfilter' },
  ],
  [
    'flux-operator',
    {
      patch: 'registry-mirror',
      target: 'all',
      mirror: 'https://zot.lan/v2',
      registries: 'docker.io,ghcr.io',
    },
  ],
  ['flux-operator', { patch: 'nvidia', target: 'k8s-2' }],
  ['clustertool', { patch: 'kubeprism', target: 'controlplane' }],
  ['clustertool', { patch: 'intel-gpu', target: 'k8s-worker-1', driver: 'xe' }],
  ['argocd-mise', { patch: 'host-dns', target: 'all' }],
  ['argocd-mise', { patch: 'kernel-modules', target: 'urd', modules: 'nct6775' }],
  ['argocd-mise-1.12', { patch: 'time-servers', target: 'all' }],
  // topf: a numbered file in the folder topf merges for the target (control-plane is an alias)
  ['talos-topf', { patch: 'host-dns', target: 'all' }],
  ['talos-topf', { patch: 'kubeprism', target: 'control-plane' }],
  ['talos-topf', { patch: 'nvidia', target: 'k8s-3' }],
  // per-node templates: merged into the template that reaches the target
  ['talos-templates', { patch: 'kernel-modules', target: 'worker', modules: 'br_netfilter' }],
  [
    'talos-templates',
    {
      patch: 'registry-mirror',
      target: 'all',
      mirror: 'https://zot.lan',
      registries: 'docker.io,ghcr.io',
    },
  ],
  ['talos-templates', { patch: 'nvidia', target: 'k8s-3' }],
  [
    'talos-templates-clusters',
    { cluster: 'edge', patch: 'sysctls', target: 'all', sysctls: 'vm.max_map_count=262144' },
  ],
  ['talos-talhelper-setup', { patch: 'kubeprism', target: 'controlplane' }],
  ['talos-talhelper-clusters', { cluster: 'lab', patch: 'nvidia', target: 'lab-gpu' }],
];

/** Values for the catalog inputs without a default. */
const REQUIRED: Record<string, Record<string, string>> = {
  'kernel-modules': { modules: 'br_netfilter' },
  'install-disk': { disk: '/dev/nvme0n1' },
  'registry-mirror': { spegel: 'true', mirror: 'https://mirror.example.com' },
};

describe.each(CASES)('homeops patch on %s: %j', (layout, given) => {
  const l = LAYOUTS[layout]!;
  const run = (repo: string, ...extra: string[]) =>
    homeops('patch', '--dest', repo, ...flags(given), ...extra);
  const name = `${layout}/${given['patch']}-${given['target']}`;

  it('writes the patch in the repo shape (golden files, exactly the changed files), adding lines only', async () => {
    const repo = l.fixture();
    const before = snapshotFiles(repo);
    const result = await run(repo);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const after = snapshotFiles(repo);
    const changed = changedFiles(before, after);
    expectGoldenFiles(`patch/${name}`, after, changed);
    for (const file of changed.filter((f) => before[f] !== undefined))
      // undefined: a line of the file was dropped or changed
      expect(
        addedLines(before[file] ?? '', after[file] ?? '')?.length,
        `${file} keeps every line and adds some`,
      ).toBeGreaterThan(0);
  });

  it.skipIf(!hasSchemas)('writes documents valid for the repo Talos version', async () => {
    const repo = l.fixture();
    expect(repoSchemaVersion(repo, l.flags?.['cluster'] ?? given['cluster'])).toBe(l.talosVersion);
    const before = snapshotFiles(repo);
    expect((await run(repo)).code).toBe(0);
    const after = snapshotFiles(repo);
    for (const file of changedFiles(before, after))
      expect(validateTalosFile(file, after[file] ?? '', l.talosVersion), file).toEqual([]);
  });

  it('changes nothing on a second run, and writes nothing with --dry-run', async () => {
    const dry = l.fixture();
    const untouched = snapshotFiles(dry);
    const preview = await run(dry, '--dry-run');
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/^\+\+\+ b\//m);
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

describe.skipIf(!hasSchemas)(
  'homeops patch: every catalog patch, on every Talos layout, validates for the repo version',
  () => {
    it.each(Object.keys(LAYOUTS))('%s', async (layout) => {
      const l = LAYOUTS[layout]!;
      const repo = l.fixture();
      for (const def of PATCH_CATALOG) {
        const before = snapshotFiles(repo);
        const result = await homeops(
          'patch',
          '--dest',
          repo,
          ...flags({ ...l.flags, patch: def.id, target: l.anyTarget, ...REQUIRED[def.id] }),
        );
        if (result.code === 1 && /already sets/.test(result.stderr)) {
          // the repo sets it already (refused): check the text it would have written
          const text = renderPatch(
            def.id,
            REQUIRED[def.id] ?? {},
            parseTalosVersion(`${l.talosVersion}.0`)!,
          );
          expect(
            validateTalosPatch(text, l.talosVersion),
            `${def.id} (refused: ${result.stderr})`,
          ).toEqual([]);
          continue;
        }
        expect(result.stderr, `${def.id} on ${layout}`).toBe('');
        const after = snapshotFiles(repo);
        for (const file of changedFiles(before, after))
          expect(
            validateTalosFile(file, after[file] ?? '', l.talosVersion),
            `${file} (${def.id})`,
          ).toEqual([]);
      }
    });
  },
);

describe('homeops patch: version awareness and placement', () => {
  it('writes machine.time before Talos 1.12 and a TimeSyncConfig document from 1.12 on', async () => {
    // (flux and flux-operator set their time servers already: the mise fixture has none)
    const old = copyFixture('argocd-mise');
    await homeops('patch', '--dest', old, '--patch=time-servers', '--target=all');
    expect(snapshotFiles(old)['src/talos/patches/time-servers.yaml']).toContain(
      'machine:\n  time:\n',
    );
    const typed = copyMise112();
    await homeops('patch', '--dest', typed, '--patch=time-servers', '--target=all');
    expect(snapshotFiles(typed)['src/talos/patches/time-servers.yaml']).toBe(
      'apiVersion: v1alpha1\nkind: TimeSyncConfig\nntp:\n  servers:\n    - time.cloudflare.com\n',
    );
  });

  it('follows the repo file style: no leading --- in the mise layout', async () => {
    const repo = copyFixture('argocd-mise');
    // (schedule-on-controlplanes is refused there: scheduling.yaml sets it already)
    await homeops('patch', '--dest', repo, '--patch=nvidia', '--target=controlplane');
    const text = snapshotFiles(repo)['src/talos/patches/nvidia-controlplane.yaml']!;
    expect(text.startsWith('# NVIDIA GPU (proprietary driver)')).toBe(true);
    expect(snapshotFiles(repo)['.mise.toml']).toContain(
      '  --config-patch-control-plane @src/talos/patches/controlplane-metrics.yaml \\\n  --config-patch-control-plane @src/talos/patches/nvidia-controlplane.yaml \\\n',
    );
  });

  it('says how to apply the patch when the mise tasks do not list patches line by line', async () => {
    const repo = copyFixture('argocd-mise');
    const mise = join(repo, '.mise.toml');
    const { writeFileSync, readFileSync } = await import('node:fs');
    writeFileSync(
      mise,
      readFileSync(mise, 'utf8').replace(
        /talosctl gen config[\s\S]*?--force/g,
        'talosctl gen config --with-secrets secrets.yaml norns ${CONTROL_PLANE_ENDPOINT} --force',
      ),
    );
    const before = snapshotFiles(repo);
    const result = await homeops('patch', '--dest', repo, '--patch=host-dns', '--target=all');
    expect(result.code).toBe(0);
    expect(changedFiles(before, snapshotFiles(repo))).toEqual(['src/talos/patches/host-dns.yaml']);
    expect(result.stdout).toContain('not wired into .mise.toml');
    expect(result.stdout).toContain(
      'talosctl gen config ... --config-patch @src/talos/patches/host-dns.yaml ...',
    );
  });

  it('flat patch folders: the same patch for the control planes and then the workers gets one file per scope', async () => {
    const tool = copyFixture('clustertool');
    expect(
      (await homeops('patch', '--dest', tool, '--patch=kubeprism', '--target=controlplane')).code,
    ).toBe(0);
    const worker = await homeops('patch', '--dest', tool, '--patch=kubeprism', '--target=worker');
    expect(worker.stderr).toBe('');
    const files = snapshotFiles(tool);
    expect(files['clusters/main/talos/patches/kubeprism-controlplane.yaml']).toContain(
      'kubePrism:',
    );
    expect(files['clusters/main/talos/patches/kubeprism-worker.yaml']).toContain('kubePrism:');
    expect(files['clusters/main/talos/talconfig.yaml']).toContain(
      '    - "@./patches/controlplane.yaml"\n    - "@./patches/kubeprism-controlplane.yaml"\n',
    );
    expect(files['clusters/main/talos/talconfig.yaml']).toContain(
      '    - "@./patches/worker.yaml"\n    - "@./patches/kubeprism-worker.yaml"\n',
    );
    expect((await homeops('patch', '--dest', tool, '--patch=kubeprism', '--target=all')).code).toBe(
      1,
    ); // the others set it now
    const mise = copyFixture('argocd-mise');
    expect(
      (await homeops('patch', '--dest', mise, '--patch=host-dns', '--target=controlplane')).code,
    ).toBe(0);
    expect(
      (await homeops('patch', '--dest', mise, '--patch=host-dns', '--target=worker')).stderr,
    ).toBe('');
    expect(
      Object.keys(snapshotFiles(mise))
        .filter((f) => f.includes('host-dns'))
        .sort(),
    ).toEqual([
      'src/talos/patches/host-dns-controlplane.yaml',
      'src/talos/patches/host-dns-worker.yaml',
    ]);
  });

  it('declares each catalog input name once (one flag for every patch that has it); a name two patches share has the same type and default', () => {
    const byName = new Map<string, { type: string; default: unknown }[]>();
    for (const def of PATCH_CATALOG)
      for (const i of def.inputs)
        byName.set(i.name, [...(byName.get(i.name) ?? []), { type: i.type, default: i.default }]);
    for (const [name, uses] of byName) for (const u of uses) expect(u, name).toEqual(uses[0]);
    expect(patchInputs.map((i) => i.name).filter((n) => n === 'patch' || n === 'target')).toEqual([
      'patch',
      'target',
    ]);
    expect(patchInputs.map((i) => i.name)).toEqual([
      'cluster',
      'patch',
      'target',
      ...byName.keys(),
    ]);
  });
});

describe('homeops patch: refusals exit 1, name the field, write nothing', () => {
  const cases: [string, string, Record<string, string>, RegExp][] = [
    [
      'an unknown patch',
      'flux',
      { patch: 'nope', target: 'all' },
      /--patch: "nope" is not one of cilium, max-pods/,
    ],
    [
      'an unknown target',
      'flux',
      { patch: 'max-pods', target: 'k8s-9' },
      /--target: "k8s-9" is not one of all, controlplane, worker, k8s-0, k8s-1, k8s-2/,
    ],
    [
      'a value out of range',
      'flux',
      { patch: 'max-pods', target: 'all', maxPods: '0' },
      /--maxPods: max-pods: 0 is not a whole number from 1 to 10000/,
    ],
    [
      'a value of the wrong type',
      'clustertool',
      { patch: 'kubeprism', target: 'all', port: 'http' },
      /--port: "http" is not a whole number/,
    ],
    [
      'a bad list item',
      'argocd-mise',
      { patch: 'time-servers', target: 'all', servers: 'ok.example.com,bad host!' },
      /--servers: time-servers: "bad host!" is not a host name/,
    ],
    [
      'a missing required value',
      'flux',
      { patch: 'kernel-modules', target: 'all' },
      /missing required input: --modules/,
    ],
    [
      'a registry mirror with neither URL nor Spegel',
      'flux-operator',
      { patch: 'registry-mirror', target: 'all' },
      /--mirror: registry-mirror: give a mirror URL, or enable spegel/,
    ],
    [
      'a setting the file of that name has with another value',
      'flux-operator',
      { patch: 'host-dns', target: 'all', forwardKubeDNSToHost: 'true' },
      /--patch: talos\/patches\/global\/machine-features\.yaml already sets machine\.features\.hostDNS\.enabled; the host-dns patch would set it a second time/,
    ],
    // settings a patch reaching the same nodes sets already
    [
      'a machine.files path a global patch creates',
      'flux',
      { patch: 'registry-mirror', target: 'all', spegel: 'true' },
      /--patch: talos\/patches\/global\/machine-files\.yaml already sets machine\.files\[\/etc\/cri\/conf\.d\/20-customization\.part\]; the registry-mirror patch would set it a second time/,
    ],
    [
      'a machine.files path of talconfig machineFiles',
      'clustertool',
      { patch: 'registry-mirror', target: 'worker', spegel: 'true' },
      /clusters\/main\/talos\/talconfig\.yaml already sets worker\.machineFiles\[\/etc\/cri\/conf\.d\/20-customization\.part\]; the registry-mirror patch would set machine\.files\[/,
    ],
    [
      'time servers next to machine.time',
      'flux',
      { patch: 'time-servers', target: 'all', servers: 'time.cloudflare.com,192.168.1.1' },
      /talos\/patches\/global\/machine-time\.yaml already sets machine\.time\.\w+/,
    ],
    [
      'time servers next to a TimeSyncConfig',
      'flux-operator',
      { patch: 'time-servers', target: 'k8s-1' },
      /talos\/patches\/global\/time-sync\.yaml already sets TimeSyncConfig/,
    ],
    [
      'max pods the shared patches set',
      'argocd-mise',
      { patch: 'max-pods', target: 'all', maxPods: '250' },
      /src\/talos\/patches\/kubelet\.yaml already sets machine\.kubelet\.extraConfig\.maxPods/,
    ],
    [
      'a sysctl a global patch sets',
      'flux-operator',
      { patch: 'sysctls', target: 'worker', sysctls: 'fs.inotify.max_user_watches=2097152' },
      /machine-sysctls\.yaml already sets machine\.sysctls\.fs\.inotify\.max_user_watches/,
    ],
    [
      'a kernel module the shared patches load',
      'argocd-mise',
      { patch: 'intel-gpu', target: 'all' },
      /src\/talos\/patches\/image\.yaml already sets machine\.kernel\.modules\[i915\]/,
    ],
    [
      'a CNI talconfig disables already',
      'flux',
      { patch: 'cilium', target: 'controlplane' },
      /talos\/talconfig\.yaml already sets cniConfig\.name; the cilium patch would set cluster\.network\.cni\.name/,
    ],
    [
      'a kube-proxy setting of a control-plane patch',
      'flux',
      { patch: 'cilium', target: 'k8s-1' },
      /already sets/,
    ],
    [
      'max pods a topf patch sets as a kubelet extra argument',
      'talos-topf',
      { patch: 'max-pods', target: 'all' },
      /--patch: talos\/all\/02-kubelet\.yaml already sets machine\.kubelet\.extraArgs\.max-pods; the max-pods patch would set machine\.kubelet\.extraConfig\.maxPods a second time for the same nodes\n {2}fix: change the setting in talos\/all\/02-kubelet\.yaml instead/,
    ],
    [
      'max pods an inline talhelper patch sets as a kubelet extra argument',
      'talos-talhelper-setup',
      { patch: 'max-pods', target: 'worker', maxPods: '250' },
      /--patch: the inline patch of patches in setup\/talos\/talconfig\.yaml already sets machine\.kubelet\.extraArgs\.max-pods/,
    ],
    [
      'time servers next to a topf TimeSyncConfig',
      'talos-topf',
      { patch: 'time-servers', target: 'k8s-3' },
      /talos\/all\/04-time\.yaml already sets TimeSyncConfig; the time-servers patch would set it a second time/,
    ],
    [
      'max pods the shared template of per-node templates sets',
      'talos-templates',
      { patch: 'max-pods', target: 'k8s-3' },
      /talos\/machineconfig\.yaml\.j2 already sets machine\.kubelet\.extraConfig\.maxPods/,
    ],
    [
      'time servers next to a TimeSyncConfig of the shared template',
      'talos-templates',
      { patch: 'time-servers', target: 'all' },
      /talos\/machineconfig\.yaml\.j2 already sets TimeSyncConfig/,
    ],
    [
      'a control-plane patch where the templates have no control-plane template',
      'talos-templates-clusters',
      { cluster: 'main', patch: 'kubeprism', target: 'controlplane' },
      /--target: talos\/main\/ has no template for the control planes alone\n {2}fix: add the settings to the control-plane part of talos\/main\/machineconfig\.yaml\.j2 by hand/,
    ],
    [
      'an install disk for a talhelper node that picks its disk by selector',
      'talos-talhelper-clusters',
      { cluster: 'lab', patch: 'install-disk', target: 'lab-1', disk: '/dev/sdb' },
      /--patch: talos\/lab\/talconfig\.yaml already sets nodes\[lab-1\]\.installDiskSelector\.model; the install-disk patch would set machine\.install\.disk a second time/,
    ],
    [
      'an install disk for a node template that picks its disk by selector',
      'talos-templates',
      { patch: 'install-disk', target: 'k8s-0', disk: '/dev/sdb' },
      /talos\/nodes\/controlplane\/k8s-0\.yaml\.j2 already sets machine\.install\.diskSelector\.serial; the install-disk patch would set machine\.install\.disk a second time/,
    ],
    [
      'no --cluster in a repo of several clusters',
      'talos-talhelper-clusters',
      { patch: 'max-pods', target: 'all' },
      /missing required input: --cluster/,
    ],
    [
      'an unknown cluster',
      'talos-talhelper-clusters',
      { cluster: 'staging', patch: 'max-pods', target: 'all' },
      /--cluster: "staging" is not one of lab, prod\n {2}fix: pass one of: lab, prod/,
    ],
    [
      'a node of another cluster',
      'talos-talhelper-clusters',
      { cluster: 'prod', patch: 'nvidia', target: 'lab-gpu' },
      /--target: "lab-gpu" is not one of all, controlplane, worker, prod-1, prod-2, prod-3/,
    ],
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

  it('says how to fix a repeated setting, and what values a refused input takes', async () => {
    const repeated = await homeops(
      'patch',
      '--dest',
      copyFixture('flux'),
      '--patch=registry-mirror',
      '--target=all',
      '--spegel=true',
    );
    // the error is located at the file that sets it, and names it
    expect(repeated.stderr).toContain(
      'error: talos/patches/global/machine-files.yaml: --patch: talos/patches/global/machine-files.yaml already sets machine.files[/etc/cri/conf.d/20-customization.part]; the registry-mirror patch would set it a second time for the same nodes\n',
    );
    expect(repeated.stderr).toContain(
      "fix: change the setting in talos/patches/global/machine-files.yaml instead, or remove it there (or that file's reference) first and run again",
    );
    const range = await homeops(
      'patch',
      '--dest',
      copyFixture('flux'),
      '--patch=max-pods',
      '--target=all',
      '--maxPods=0',
    );
    expect(range.stderr).toContain('fix: --maxPods takes a whole number from 1 to 10000');
    const choice = await homeops(
      'patch',
      '--dest',
      copyFixture('flux'),
      '--patch=nvidia',
      '--target=k8s-1',
      '--flavor=beta',
    );
    expect(choice.stderr).toContain('fix: --flavor takes production or lts');
  });

  it('refuses a TimeSyncConfig (Talos 1.12) while a shared patch still sets machine.time', async () => {
    const repo = copyMise112();
    const image = join(repo, 'src/talos/patches/image.yaml');
    writeFileSync(
      image,
      readFileSync(image, 'utf8').replace(
        'machine:\n',
        'machine:\n  time:\n    servers:\n      - pool.ntp.org\n',
      ),
    );
    const before = snapshotFiles(repo);
    const result = await homeops('patch', '--dest', repo, '--patch=time-servers', '--target=all');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /src\/talos\/patches\/image\.yaml already sets machine\.time\.servers; the time-servers patch would set TimeSyncConfig a second time/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses a RegistryMirrorConfig (Talos 1.12) while a shared patch still sets machine.registries', async () => {
    const repo = copyMise112();
    const image = join(repo, 'src/talos/patches/image.yaml');
    writeFileSync(
      image,
      readFileSync(image, 'utf8').replace(
        'machine:\n',
        'machine:\n  registries:\n    mirrors:\n      docker.io:\n        endpoints:\n          - https://mirror.lan\n',
      ),
    );
    const before = snapshotFiles(repo);
    const result = await homeops(
      'patch',
      '--dest',
      repo,
      '--patch=registry-mirror',
      '--target=all',
      '--mirror=https://zot.lan',
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /src\/talos\/patches\/image\.yaml already sets machine\.registries\.mirrors\.docker\.io\.endpoints; the registry-mirror patch would set RegistryMirrorConfig docker\.io a second time/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('adds nothing where a file of the repo has every setting of the patch already (and wires nothing: the repo applies it its own way)', async () => {
    const repo = copyFixture('argocd-mise');
    const before = snapshotFiles(repo);
    const result = await homeops('patch', '--dest', repo, '--patch=cilium', '--target=all');
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      'nothing to change: src/talos/patches/cilium.yaml has every setting of the cilium patch for all nodes already\n',
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses a file of that name it cannot add to line by line', async () => {
    const repo = copyFixture('argocd-mise');
    writeFileSync(
      join(repo, 'src/talos/patches/host-dns.yaml'),
      '- op: add\n  path: /machine/env\n  value:\n    TZ: Europe/Oslo\n',
    );
    const before = snapshotFiles(repo);
    const result = await homeops('patch', '--dest', repo, '--patch=host-dns', '--target=all');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      'error: src/talos/patches/host-dns.yaml: --patch: src/talos/patches/host-dns.yaml already exists, and the patch cannot be added to it without changing its other lines\n  fix: add the settings to src/talos/patches/host-dns.yaml by hand: homeops never rewrites a patch',
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses when the repo does not say its Talos version', async () => {
    const repo = copyFixture('flux');
    rmSync(join(repo, 'talos/talenv.yaml'));
    const before = snapshotFiles(repo);
    const result = await homeops('patch', '--dest', repo, '--patch=max-pods', '--target=all');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /talosVersion is "\$\{talosVersion\}" in talos\/talconfig\.yaml and talos\/talenv\.yaml gives it no value/,
    );
    expect(snapshotFiles(repo)).toEqual(before);
  });

  it('refuses a repo without Talos configuration (argocd layout)', async () => {
    const repo = copyFixture('argocd');
    const result = await homeops('patch', '--dest', repo, '--patch=max-pods', '--target=all');
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/no Talos configuration in this repo/);
  });
});
