import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { HomeopsError } from '../../src/errors.ts';
import {
  getPatch,
  normalizePatchValues,
  PATCH_CATALOG,
  renderPatch,
} from '../../src/talos/patch-catalog.ts';
import type { TalosVersion } from '../../src/talos/talos-version.ts';
import { hasSchemas, TALOS_SCHEMA_VERSIONS, validateTalosPatch } from './talos-schema.ts';
import type { TalosSchemaVersion } from './talos-schema.ts';

/** Values for the inputs that have no default. */
const REQUIRED: Record<string, Record<string, unknown>> = {
  'kernel-modules': { modules: 'br_netfilter, nct6775 force_id=0xd420' },
  'install-disk': { disk: '/dev/nvme0n1' },
  'registry-mirror': { spegel: true, mirror: 'https://mirror.example.com' },
};
/** Extra value sets worth rendering (every branch of a patch). */
const VARIANTS: Record<string, Record<string, unknown>[]> = {
  cilium: [{ disableKubeProxy: false }],
  'registry-mirror': [
    {
      mirror: 'https://harbor.example.com/v2/proxy-docker.io',
      registries: ['docker.io'],
      overridePath: true,
    },
    { spegel: 'yes' },
  ],
  'intel-gpu': [{ driver: 'xe', loadModule: false }],
  nvidia: [{ flavor: 'lts' }],
  'host-dns': [{ forwardKubeDNSToHost: false }],
};
const V = (s: TalosSchemaVersion): TalosVersion => ({ major: 1, minor: Number(s.split('.')[1]) });
const errorOf = (fn: () => unknown): HomeopsError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof HomeopsError) return e;
    throw e;
  }
  throw new Error('did not throw');
};

describe('patch catalog', () => {
  it('has the expected patches, each with a description and typed inputs', () => {
    expect(PATCH_CATALOG.map((p) => p.id)).toEqual([
      'cilium',
      'max-pods',
      'sysctls',
      'kernel-modules',
      'schedule-on-controlplanes',
      'registry-mirror',
      'time-servers',
      'nvidia',
      'intel-gpu',
      'host-dns',
      'kubeprism',
      'install-disk',
      'custom',
    ]);
    for (const p of PATCH_CATALOG) {
      expect(p.description).toBeTruthy();
      for (const i of p.inputs) expect(['string', 'number', 'list', 'boolean']).toContain(i.type);
    }
  });

  it.each(PATCH_CATALOG.map((p) => p.id))(
    '%s renders multi-document YAML starting with ---',
    (id) => {
      for (const v of TALOS_SCHEMA_VERSIONS) {
        const text = renderPatch(id, REQUIRED[id] ?? {}, V(v));
        expect(text.startsWith('---\n')).toBe(true);
        const docs = parseAllDocuments(text);
        expect(docs.length).toBeGreaterThan(0);
        for (const d of docs) expect('errors' in d ? d.errors : []).toEqual([]);
      }
    },
  );

  it('renders the documented keys', () => {
    const v = { major: 1, minor: 11 };
    expect(renderPatch('cilium', {}, v)).toBe(
      '---\n# Cilium is installed separately (Helm); Talos must not deploy flannel or kube-proxy.\ncluster:\n  network:\n    cni:\n      name: none\n  proxy:\n    disabled: true\n',
    );
    expect(renderPatch('max-pods', { maxPods: '250' }, v)).toBe(
      '---\nmachine:\n  kubelet:\n    extraConfig:\n      maxPods: 250\n',
    );
    expect(renderPatch('sysctls', { sysctls: 'vm.nr_hugepages=1024' }, v)).toBe(
      '---\nmachine:\n  sysctls:\n    vm.nr_hugepages: "1024"\n',
    );
    expect(renderPatch('kubeprism', {}, v)).toContain(
      'kubePrism:\n      enabled: true\n      port: 7445\n',
    );
    expect(renderPatch('schedule-on-controlplanes', {}, v)).toContain(
      'cluster:\n  allowSchedulingOnControlPlanes: true\n',
    );
    expect(renderPatch('install-disk', { disk: '/dev/sdb' }, v)).toBe(
      '---\nmachine:\n  install:\n    disk: /dev/sdb\n',
    );
    expect(renderPatch('custom', {}, v)).toMatch(/^---\n(# .*\n)+machine: \{\}\n$/);
    const nvidia = renderPatch('nvidia', {}, { major: 1, minor: 12 });
    expect(nvidia).toContain('siderolabs/nonfree-kmod-nvidia-production');
    expect(nvidia).toContain('siderolabs/nvidia-container-toolkit-production');
    expect(nvidia).toContain('net.core.bpf_jit_harden: "1"');
    expect(nvidia.match(/- name: (\w+)/g)).toEqual([
      '- name: nvidia',
      '- name: nvidia_uvm',
      '- name: nvidia_drm',
      '- name: nvidia_modeset',
    ]);
    expect(renderPatch('intel-gpu', {}, v)).toContain('siderolabs/i915');
  });

  it('switches time and registry settings to typed documents on Talos 1.12+', () => {
    expect(
      renderPatch(
        'time-servers',
        { servers: 'time.cloudflare.com, 192.168.1.1' },
        { major: 1, minor: 11 },
      ),
    ).toBe(
      '---\nmachine:\n  time:\n    disabled: false\n    servers:\n      - time.cloudflare.com\n      - 192.168.1.1\n',
    );
    expect(renderPatch('time-servers', {}, { major: 1, minor: 12 })).toBe(
      '---\napiVersion: v1alpha1\nkind: TimeSyncConfig\nntp:\n  servers:\n    - time.cloudflare.com\n',
    );
    const old = renderPatch(
      'registry-mirror',
      { mirror: 'https://m.example.com', registries: 'docker.io' },
      { major: 1, minor: 11 },
    );
    expect(old).toBe(
      '---\nmachine:\n  registries:\n    mirrors:\n      docker.io:\n        endpoints:\n          - https://m.example.com\n',
    );
    const typed = renderPatch(
      'registry-mirror',
      { mirror: 'https://m.example.com', registries: 'docker.io,ghcr.io', overridePath: true },
      { major: 1, minor: 13 },
    );
    expect(typed).toBe(
      '---\napiVersion: v1alpha1\nkind: RegistryMirrorConfig\nname: docker.io\nendpoints:\n  - url: https://m.example.com\n    overridePath: true\n' +
        '---\napiVersion: v1alpha1\nkind: RegistryMirrorConfig\nname: ghcr.io\nendpoints:\n  - url: https://m.example.com\n    overridePath: true\n',
    );
  });

  it('writes the containerd 1 or 2 Spegel setting by Talos version', () => {
    expect(renderPatch('registry-mirror', { spegel: true }, { major: 1, minor: 8 })).toContain(
      '[plugins."io.containerd.grpc.v1.cri".containerd]\n          discard_unpacked_layers = false\n',
    );
    expect(renderPatch('registry-mirror', { spegel: true }, { major: 1, minor: 11 })).toContain(
      '[plugins."io.containerd.cri.v1.images"]\n',
    );
  });

  it('coerces raw values and fills defaults', () => {
    expect(normalizePatchValues(getPatch('host-dns'), { enabled: 'no' })).toEqual({
      enabled: false,
      forwardKubeDNSToHost: true,
      resolveMemberNames: true,
    });
    expect(normalizePatchValues(getPatch('kernel-modules'), { modules: ['a', ' b ', ''] })).toEqual(
      { modules: ['a', 'b'] },
    );
    expect(normalizePatchValues(getPatch('max-pods'), { maxPods: '' })).toEqual({ maxPods: 200 });
  });

  it.each([
    ['max-pods', { maxPods: 'many' }, 'maxPods', /not a number/],
    ['max-pods', { maxPods: 0 }, 'maxPods', /whole number from 1/],
    ['sysctls', { sysctls: 'net.core.rmem_max' }, 'sysctls', /not key=value/],
    ['kernel-modules', {}, 'modules', /required/],
    ['kernel-modules', { modules: 'Bad Name!' }, 'modules', /not a kernel module name/],
    ['install-disk', { disk: 'sda' }, 'disk', /not a device path/],
    ['kubeprism', { port: 70000 }, 'port', /from 1 to 65535/],
    ['kubeprism', { enabled: 'maybe' }, 'enabled', /not a boolean/],
    ['registry-mirror', {}, 'mirror', /mirror URL, or enable spegel/],
    ['registry-mirror', { mirror: 'mirror.example.com' }, 'mirror', /not an http\(s\) URL/],
    ['time-servers', { servers: 'bad host!' }, 'servers', /not a host name/],
    ['nvidia', { flavor: 'beta' }, 'flavor', /not production or lts/],
  ])('%s refuses %j on input %s', (id, values, field, message) => {
    const e = errorOf(() => renderPatch(id, values, { major: 1, minor: 12 }));
    expect(e).toMatchObject({ code: 'INVALID_INPUT', field });
    expect(e.message).toMatch(message);
  });

  it('refuses an unknown patch id', () => {
    expect(errorOf(() => getPatch('nope'))).toMatchObject({
      code: 'INVALID_INPUT',
      field: 'patch',
    });
  });
});

describe.skipIf(!hasSchemas)('catalog patches against the Talos schemas', () => {
  const cases = PATCH_CATALOG.flatMap((p) =>
    [REQUIRED[p.id] ?? {}, ...(VARIANTS[p.id] ?? [])].map((values) => [p.id, values] as const),
  );
  it.each(cases)('%s %j validates on 1.11, 1.12 and 1.13', (id, values) => {
    for (const v of TALOS_SCHEMA_VERSIONS)
      expect(validateTalosPatch(renderPatch(id, { ...REQUIRED[id], ...values }, V(v)), v)).toEqual(
        [],
      );
  });

  it('the pre-1.12 time-servers patch fails the 1.12 schema; the 1.12 variant passes', () => {
    const legacy = renderPatch('time-servers', {}, { major: 1, minor: 11 });
    const typed = renderPatch('time-servers', {}, { major: 1, minor: 12 });
    expect(validateTalosPatch(legacy, 'v1.11')).toEqual([]);
    expect(validateTalosPatch(legacy, 'v1.12')).toEqual([
      expect.stringMatching(/\/machine must NOT have additional properties 'time'/),
    ]);
    expect(validateTalosPatch(typed, 'v1.12')).toEqual([]);
    expect(validateTalosPatch(typed, 'v1.11')).toEqual([
      expect.stringMatching(/unknown kind "TimeSyncConfig"/),
    ]);
  });

  it('the pre-1.12 registry mirror fails the 1.12 schema too', () => {
    const legacy = renderPatch(
      'registry-mirror',
      { mirror: 'https://m.example.com' },
      { major: 1, minor: 11 },
    );
    expect(validateTalosPatch(legacy, 'v1.12')).toEqual([
      expect.stringMatching(/additional properties 'registries'/),
    ]);
  });

  it('the oracle strips $patch and catches bad values', () => {
    expect(validateTalosPatch('---\nmachine:\n  sysctls:\n    a.b: 1\n', 'v1.12')).toEqual([
      expect.stringMatching(/sysctls\/a.b must be string/),
    ]);
    expect(
      validateTalosPatch(
        '---\napiVersion: v1alpha1\nkind: TimeSyncConfig\n$patch: delete\n',
        'v1.12',
      ),
    ).toEqual([]);
  });
});
