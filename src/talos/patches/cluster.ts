/** Cluster-wide patches: CNI/kube-proxy for Cilium, scheduling on control planes. */
import { definePatch } from './define.ts';

export const cilium = definePatch({
  id: 'cilium',
  description: 'Disable the built-in CNI (flannel) and kube-proxy so Cilium can replace them',
  inputs: [
    {
      name: 'disableKubeProxy',
      message: 'Disable kube-proxy (Cilium kube-proxy replacement)?',
      type: 'boolean',
      default: true,
    },
  ],
  build: (v) => [
    {
      comment:
        'Cilium is installed separately (Helm); Talos must not deploy flannel' +
        (v['disableKubeProxy'] ? ' or kube-proxy.' : '.'),
      value: {
        cluster: {
          network: { cni: { name: 'none' } },
          ...(v['disableKubeProxy'] ? { proxy: { disabled: true } } : {}),
        },
      },
    },
  ],
});

export const scheduleOnControlPlanes = definePatch({
  id: 'schedule-on-controlplanes',
  description: 'Let regular workloads run on control-plane nodes (small clusters)',
  build: () => [
    {
      comment: 'Remove the control-plane NoSchedule taint so workloads run there too.',
      value: { cluster: { allowSchedulingOnControlPlanes: true } },
    },
  ],
});
