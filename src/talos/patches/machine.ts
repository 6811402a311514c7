/** Machine patches: kubelet max pods, sysctls, kernel modules, install disk, host features. */
import { checks, definePatch } from './define.ts';
import type { PatchValue } from './define.ts';

export const maxPods = definePatch({
  id: 'max-pods',
  description: 'Raise the kubelet pod limit per node (default 110)',
  inputs: [
    {
      name: 'maxPods',
      message: 'Maximum pods per node',
      type: 'number',
      default: 200,
      validate: checks.range(1, 10000),
    },
  ],
  build: (v) => [{ value: { machine: { kubelet: { extraConfig: { maxPods: v['maxPods'] } } } } }],
});

const SYSCTL = /^[A-Za-z0-9_]+([./][A-Za-z0-9_*-]+)+\s*=\s*\S.*$/;

export const sysctls = definePatch({
  id: 'sysctls',
  description: 'Kernel parameters (machine.sysctls), e.g. inotify limits and socket buffers',
  inputs: [
    {
      name: 'sysctls',
      message: 'Sysctls as key=value, comma-separated',
      type: 'list',
      default: [
        'fs.inotify.max_user_instances=8192',
        'fs.inotify.max_user_watches=1048576',
        'net.core.rmem_max=67108864',
        'net.core.wmem_max=67108864',
      ],
      allowed: 'key=value items, e.g. fs.inotify.max_user_watches=1048576',
      validate: (s: PatchValue) =>
        SYSCTL.test(String(s)) ||
        `"${String(s)}" is not key=value (e.g. fs.inotify.max_user_watches=1048576)`,
    },
  ],
  build: (v) => {
    const entries = (v['sysctls'] as string[]).map((s) => {
      const at = s.indexOf('=');
      return [s.slice(0, at).trim(), s.slice(at + 1).trim()] as const;
    });
    return [{ value: { machine: { sysctls: Object.fromEntries(entries) } } }];
  },
});

/** `nct6775 force_id=0xd420` -> {name, parameters}. */
const moduleEntry = (s: string): { name: string; parameters?: string[] } => {
  const [name = '', ...parameters] = s.split(/\s+/); // split gives at least one part
  return parameters.length > 0 ? { name, parameters } : { name };
};

export const kernelModules = definePatch({
  id: 'kernel-modules',
  description: 'Load kernel modules at boot (machine.kernel.modules)',
  inputs: [
    {
      name: 'modules',
      message:
        'Modules to load, comma-separated (parameters after a space: "nct6775 force_id=0xd420")',
      type: 'list',
      validate: checks.moduleName,
    },
  ],
  build: (v) => [
    { value: { machine: { kernel: { modules: (v['modules'] as string[]).map(moduleEntry) } } } },
  ],
});

export const installDisk = definePatch({
  id: 'install-disk',
  description: 'The disk Talos installs to (machine.install.disk)',
  inputs: [
    {
      name: 'disk',
      message: 'Install disk (device path, e.g. /dev/sda or /dev/nvme0n1)',
      type: 'string',
      validate: checks.devicePath,
    },
  ],
  build: (v) => [{ value: { machine: { install: { disk: v['disk'] } } } }],
});

export const hostDns = definePatch({
  id: 'host-dns',
  description: 'Talos host DNS cache (machine.features.hostDNS)',
  inputs: [
    { name: 'enabled', message: 'Enable the host DNS cache?', type: 'boolean', default: true },
    {
      name: 'forwardKubeDNSToHost',
      message:
        'Forward CoreDNS upstream queries to the host DNS cache? (say no with Cilium bpf masquerade)',
      type: 'boolean',
      default: true,
    },
    {
      name: 'resolveMemberNames',
      message: 'Resolve cluster member hostnames?',
      type: 'boolean',
      default: true,
    },
  ],
  build: (v) => [
    {
      value: {
        machine: {
          features: {
            hostDNS: {
              enabled: v['enabled'],
              forwardKubeDNSToHost: v['forwardKubeDNSToHost'],
              resolveMemberNames: v['resolveMemberNames'],
            },
          },
        },
      },
    },
  ],
});

export const kubePrism = definePatch({
  id: 'kubeprism',
  description: 'KubePrism: a local load balancer for the Kubernetes API on every node',
  inputs: [
    { name: 'enabled', message: 'Enable KubePrism?', type: 'boolean', default: true },
    {
      name: 'port',
      message: 'KubePrism port',
      type: 'number',
      default: 7445,
      validate: checks.range(1, 65535),
    },
  ],
  build: (v) => [
    { value: { machine: { features: { kubePrism: { enabled: v['enabled'], port: v['port'] } } } } },
  ],
});
