import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { findClash, patchSettings, talconfigSettings } from '../../src/talos/patch-settings.ts';

const labels = (text: string): string[] => patchSettings(text).map((s) => s.label);

describe('patchSettings: the leaf paths a patch sets, documents matched by kind', () => {
  it('gives v1alpha1 leaves; list items keyed by path or name are one setting each; other lists are one leaf', () => {
    expect(
      labels(`machine:
  files:
    - op: create
      path: /etc/cri/conf.d/20-customization.part
  kernel:
    modules: [{ name: nvidia }, { name: nvidia_uvm }]
  time:
    servers: [time.cloudflare.com]
  sysctls:
    fs.inotify.max_user_watches: "1048576"
cluster:
  proxy:
    disabled: true
  network: {}
`),
    ).toEqual([
      'machine.files[/etc/cri/conf.d/20-customization.part]',
      'machine.kernel.modules[nvidia]',
      'machine.kernel.modules[nvidia_uvm]',
      'machine.time.servers',
      'machine.sysctls.fs.inotify.max_user_watches',
      'cluster.proxy.disabled',
    ]);
  });

  it('names typed documents by kind (and name); those replacing a v1alpha1 section or field stand for it', () => {
    const text =
      '---\napiVersion: v1alpha1\nkind: TimeSyncConfig\nntp:\n  servers: [a]\n---\napiVersion: v1alpha1\nkind: RegistryMirrorConfig\nname: docker.io\nendpoints: [{ url: "https://m" }]\n---\napiVersion: v1alpha1\nkind: ResolverConfig\nnameservers: [{ address: 1.1.1.1 }]\n';
    expect(patchSettings(text).map((s) => s.path.join(' '))).toEqual([
      'machine time',
      'machine registries mirrors docker.io',
      'machine network nameservers',
    ]);
  });

  it('sets nothing for an empty custom patch or a JSON patch', () => {
    expect(labels('---\nmachine: {}\n')).toEqual([]);
    expect(labels('- op: remove\n  path: /cluster/apiServer/admissionControl\n')).toEqual([]);
  });

  it('reads the talconfig keys talhelper turns into config', () => {
    const doc = parseDocument(
      'worker:\n  machineFiles:\n    - path: /etc/nfsmount.conf\n      op: overwrite\ncniConfig:\n  name: none\n',
    );
    expect(talconfigSettings(doc.get('worker', true), 'worker').map((s) => s.label)).toEqual([
      'worker.machineFiles[/etc/nfsmount.conf]',
    ]);
    expect(talconfigSettings(doc.contents, '').map((s) => s.label)).toEqual(['cniConfig.name']);
  });
});

describe('findClash', () => {
  const existing = [
    {
      file: 'time.yaml',
      settings: patchSettings('machine:\n  time:\n    disabled: false\n    servers: [a]\n'),
    },
  ];
  it('matches the same path, or a section standing for the paths under it', () => {
    expect(
      findClash(patchSettings('machine:\n  time:\n    servers: [b]\n'), existing),
    ).toMatchObject({ file: 'time.yaml', existing: { label: 'machine.time.servers' } });
    expect(
      findClash(
        patchSettings('apiVersion: v1alpha1\nkind: TimeSyncConfig\nntp:\n  servers: [b]\n'),
        existing,
      ),
    ).toMatchObject({ added: { label: 'TimeSyncConfig' } });
  });
  it('lets different settings of one section through: other sysctls, other files, other mirrors', () => {
    const sources = [
      {
        file: 'x.yaml',
        settings: patchSettings(
          'machine:\n  sysctls:\n    a.b: "1"\n  files: [{ path: /a, op: create }]\n  registries:\n    mirrors:\n      docker.io: { endpoints: [x] }\n',
        ),
      },
    ];
    expect(
      findClash(
        patchSettings(
          'machine:\n  sysctls:\n    a.c: "1"\n  files: [{ path: /b, op: create }]\n  registries:\n    mirrors:\n      ghcr.io: { endpoints: [x] }\n',
        ),
        sources,
      ),
    ).toBeUndefined();
    expect(
      findClash(
        patchSettings(
          'apiVersion: v1alpha1\nkind: RegistryMirrorConfig\nname: docker.io\nendpoints: [{ url: "https://m" }]\n',
        ),
        sources,
      ),
    ).toMatchObject({ existing: { label: 'machine.registries.mirrors.docker.io.endpoints' } });
  });
});

describe('patchSettings: one setting written in two forms is one path', () => {
  const path = (text: string) => patchSettings(text).map((s) => s.path.join('.'));

  it('kubelet flags are their KubeletConfiguration fields (max-pods is maxPods)', () => {
    expect(
      path(
        'machine:\n  kubelet:\n    extraArgs:\n      max-pods: "300"\n      rotate-server-certificates: "true"\n',
      ),
    ).toEqual([
      'machine.kubelet.extraConfig.maxPods',
      'machine.kubelet.extraConfig.serverTLSBootstrap',
    ]);
    const clash = findClash(
      patchSettings('machine:\n  kubelet:\n    extraConfig:\n      maxPods: 250\n'),
      [
        {
          file: 'kubelet.yaml',
          settings: patchSettings('machine:\n  kubelet:\n    extraArgs:\n      max-pods: "300"\n'),
        },
      ],
    );
    expect(clash?.existing.label).toBe('machine.kubelet.extraArgs.max-pods');
    expect(clash?.added.label).toBe('machine.kubelet.extraConfig.maxPods');
  });

  it('an install disk selector and an install disk are one setting: the disk Talos installs to', () => {
    expect(path('machine:\n  install:\n    diskSelector:\n      model: "Samsung*"\n')).toEqual([
      'machine.install.disk',
    ]);
    const clash = findClash(patchSettings('machine:\n  install:\n    disk: /dev/sdb\n'), [
      {
        file: 'k8s-0.yaml.j2',
        settings: patchSettings('machine:\n  install:\n    diskSelector:\n      serial: S1\n'),
      },
    ]);
    expect(clash?.existing.label).toBe('machine.install.diskSelector.serial');
    expect(clash?.added.label).toBe('machine.install.disk');
    // other install settings stay their own
    expect(path('machine:\n  install:\n    wipe: false\n')).toEqual(['machine.install.wipe']);
  });

  it('typed documents stand for the v1alpha1 sections they replace', () => {
    const typed = patchSettings(
      'apiVersion: v1alpha1\nkind: RegistryMirrorConfig\nname: ghcr.io\nendpoints: [{url: "https://m"}]\n---\napiVersion: v1alpha1\nkind: TimeSyncConfig\nntp: {servers: [a]}\n',
    );
    const legacy = [
      {
        file: 'registries.yaml',
        settings: patchSettings(
          'machine:\n  registries:\n    mirrors:\n      ghcr.io:\n        endpoints: [https://m]\n',
        ),
      },
    ];
    expect(findClash(typed, legacy)?.existing.label).toBe(
      'machine.registries.mirrors.ghcr.io.endpoints',
    );
    expect(
      findClash(typed, [
        { file: 't.yaml', settings: patchSettings('machine:\n  time:\n    disabled: false\n') },
      ])?.added.label,
    ).toBe('TimeSyncConfig');
  });

  it('reads JSON 6902 patches: what they add or replace, list items by path or name', () => {
    expect(
      labels(
        '- op: add\n  path: /machine/kubelet/extraArgs\n  value:\n    max-pods: "300"\n- op: add\n  path: /machine/files/-\n  value:\n    op: create\n    path: /etc/cri/conf.d/20-customization.part\n    content: x\n- op: remove\n  path: /cluster/apiServer/admissionControl\n',
      ),
    ).toEqual([
      'machine.kubelet.extraArgs.max-pods',
      'machine.files[/etc/cri/conf.d/20-customization.part]',
    ]);
    expect(
      path('- op: replace\n  path: /machine/kubelet/extraArgs/max-pods\n  value: "300"\n'),
    ).toEqual(['machine.kubelet.extraConfig.maxPods']);
  });

  it('reads template patches with their syntax masked (topf Go templates, minijinja)', () => {
    expect(
      labels(
        '---\nmachine:\n  install:\n{{- if .Node.Data.installDisk }}\n    disk: {{ .Node.Data.installDisk }}\n{{- end }}\n  kubelet:\n    {% if ENV.X %}\n    extraArgs:\n      max-pods: "{{ .Data.maxPods }}"\n    {% endif %}\n',
      ),
    ).toEqual(['machine.install.disk', 'machine.kubelet.extraArgs.max-pods']);
  });
});
