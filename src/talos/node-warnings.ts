/**
 * Warnings every back end gives about a new node. What the node checks could not check because the repo does not say it: a cluster on DHCP writes
 * no subnet or gateway anywhere, so a new address is checked only against the other nodes, the VIP
 * and the load-balancer addresses. Said as a warning, never passed over in silence.
 */
import type { TalconfigFacts } from './talconfig-facts.ts';

export function uncheckedWarnings(
  facts: TalconfigFacts,
  node: { hostname: string; ip: string; mac: string },
): string[] {
  // placeholders without values are reported on their own (they hide the subnet too)
  if (facts.unresolved.length > 0) return [];
  if (facts.subnets.length > 0) {
    const dhcp = facts.nodes.length > 0 && facts.nodes.every((n) => n.addresses.length === 0);
    return dhcp
      ? [
          `the nodes take their addresses by DHCP: ${node.ip} is written nowhere; reserve it for ${node.mac} on your DHCP server`,
        ]
      : [];
  }
  return [
    `the repo writes no subnet for its nodes (DHCP): ${node.ip} was checked against the other nodes, the VIP and the load-balancer addresses only, not against a subnet or gateway; reserve it for ${node.mac} on your DHCP server`,
  ];
}

/** An even number of control planes gains no failure tolerance over one fewer. */
export function controlPlaneWarnings(controlPlanes: number, role: string): string[] {
  if (role !== 'controlplane' || controlPlanes % 2 !== 0) return [];
  return [
    `the cluster will have ${controlPlanes} control planes: etcd tolerates no more failures with ${controlPlanes} members than with ${controlPlanes - 1}; use an odd number`,
  ];
}
