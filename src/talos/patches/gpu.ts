/** GPU patches: NVIDIA (proprietary driver) and Intel (i915/xe). Extensions go in the schematic. */
import type { TalosVersion } from '../talos-version.ts';
import { atLeast } from '../talos-version.ts';
import { definePatch } from './define.ts';

const flavorSuffix = (flavor: string, v: TalosVersion): string =>
  atLeast(v, 1, 8) ? `-${flavor}` : '';

export const nvidia = definePatch({
  id: 'nvidia',
  description:
    'NVIDIA GPU (proprietary driver): kernel modules and sysctl; add the extensions to the schematic',
  inputs: [
    {
      name: 'flavor',
      message: 'Driver branch of the extensions (production or lts)',
      type: 'string',
      default: 'production',
      allowed: 'production or lts',
      validate: (f) =>
        ['production', 'lts'].includes(String(f)) || `"${String(f)}" is not production or lts`,
    },
  ],
  build: (v, version) => {
    const sfx = flavorSuffix(String(v['flavor']), version);
    return [
      {
        comment: [
          "NVIDIA GPU (proprietary driver). Add these system extensions to the node's schematic",
          '(customization.systemExtensions.officialExtensions), same driver version for both:',
          `  - siderolabs/nonfree-kmod-nvidia${sfx}`,
          `  - siderolabs/nvidia-container-toolkit${sfx}`,
          'Then deploy the NVIDIA device plugin (or GPU operator) with a RuntimeClass named nvidia.',
        ].join('\n'),
        value: {
          machine: {
            kernel: {
              modules: ['nvidia', 'nvidia_uvm', 'nvidia_drm', 'nvidia_modeset'].map((name) => ({
                name,
              })),
            },
            sysctls: { 'net.core.bpf_jit_harden': '1' },
          },
        },
      },
    ];
  },
});

export const intelGpu = definePatch({
  id: 'intel-gpu',
  description:
    'Intel GPU (iGPU / Arc): driver module; add the i915 (or xe) extension to the schematic',
  inputs: [
    {
      name: 'driver',
      message: 'Kernel driver: i915 (most iGPUs, Arc A-series) or xe (newer Arc / Xe2)',
      type: 'string',
      default: 'i915',
      allowed: 'i915 or xe',
      validate: (d) => ['i915', 'xe'].includes(String(d)) || `"${String(d)}" is not i915 or xe`,
    },
    {
      name: 'loadModule',
      message: 'Load the driver module explicitly at boot?',
      type: 'boolean',
      default: true,
    },
  ],
  build: (v) => {
    const driver = String(v['driver']);
    const comment = [
      "Intel GPU. Add this system extension to the node's schematic",
      '(customization.systemExtensions.officialExtensions); it ships the driver and GPU firmware:',
      `  - siderolabs/${driver}`,
      'siderolabs/intel-ucode adds CPU microcode. Expose the GPU to pods with the Intel GPU device plugin.',
    ].join('\n');
    return [
      {
        comment,
        value: { machine: v['loadModule'] ? { kernel: { modules: [{ name: driver }] } } : {} },
      },
    ];
  },
});
