import { HomeopsError } from '../../src/errors.ts';
import type { Answers, InputSpec, Problem } from '../../src/inputs/input-spec.ts';
import { clusterInput } from '../../src/talos/cluster-input.ts';
import {
  checkDisk,
  checkHostname,
  checkIp,
  checkMac,
  checkRole,
  checkSchematic,
} from '../../src/talos/node-input.ts';
import type { TalosContext } from '../../src/talos/talos-context.ts';

/** A library check's refusal as a prompt/flag problem; anything else is fine. */
const problem = (result: unknown): Problem | undefined =>
  result instanceof HomeopsError
    ? { message: result.message, ...(result.fix !== undefined && { fix: result.fix }) }
    : undefined;

/** A check of the chosen cluster's facts; nothing to check before the cluster is known. */
const inCluster =
  <V>(check: (v: V, a: Answers, ctx: TalosContext) => Problem | undefined) =>
  (v: V, a: Answers, ctx: TalosContext): Problem | undefined =>
    ctx.known(a) ? check(v, a, ctx) : undefined;

/** The other nodes: a run for a hostname that exists compares the node instead (see the plans). */
const others = (ctx: TalosContext, a: Answers) => ctx.factsWithout(a, a['hostname']);

function ipProblem(value: string, a: Answers, ctx: TalosContext): Problem | undefined {
  const refused = problem(checkIp(value, others(ctx, a)));
  if (refused) return refused;
  const pinned = ctx.loadBalancerAddress(a, value);
  if (!pinned) return undefined;
  return {
    message: `${value.trim()} is a load-balancer address (${pinned.key} in ${pinned.file})`,
    fix: 'pick an address that no Service or Gateway uses',
  };
}

/** The `node` inputs, in prompt order. Their names are the flags. */
export const nodeInputs: InputSpec<TalosContext>[] = [
  clusterInput,
  {
    name: 'hostname',
    message: 'Node hostname',
    help: 'hostname: the new node, a DNS label such as k8s-3 (or a DNS name like the other nodes, where most have one)',
    type: 'string',
    required: true,
    validate: inCluster((v: string, a, ctx) => problem(checkHostname(v, ctx.factsWithout(a, v)))),
    // typed at the prompt, a hostname that exists is a mistake (from a flag it re-runs that node)
    taken: inCluster((v: string, a, ctx) =>
      problem(checkHostname(v, ctx.factsWithout(a, undefined))),
    ),
  },
  {
    name: 'ip',
    message: 'IP address (without prefix)',
    help: "ip: the node's IPv4 address, in the nodes' subnet (the prefix comes from it)",
    type: 'string',
    required: true,
    validate: inCluster(ipProblem),
  },
  {
    name: 'role',
    message: 'Role',
    help: 'role: controlplane | worker (cp, control-plane and controller mean controlplane)',
    type: 'choice',
    required: true,
    choices: () => ['controlplane', 'worker'].map((r) => ({ name: r, value: r })),
    // the aliases are typed, not listed
    open: true,
    validate: (v: string) => problem(checkRole(v)),
  },
  {
    name: 'disk',
    message: 'Install disk (/dev/... path, disk serial, or key:value such as model:Samsung*)',
    help: 'disk: a device path (installDisk), or a serial / key:value (installDiskSelector)',
    type: 'string',
    required: true,
    validate: (v: string) => problem(checkDisk(v)),
  },
  {
    name: 'mac',
    message: "MAC address of the node's network interface",
    help: 'mac: the hardware address of its network card, e.g. bc:24:11:3a:5f:04',
    type: 'string',
    required: true,
    validate: inCluster((v: string, a, ctx) => problem(checkMac(v, others(ctx, a)))),
  },
  {
    name: 'schematic',
    message: 'Image Factory schematic ID (or installer image name)',
    help: 'schematic: a factory.talos.dev schematic ID; default the one the other nodes use',
    type: 'string',
    default: (ctx, a) => (ctx.known(a) ? ctx.backend(a).defaultSchematic() : undefined),
    validate: (v: string) => problem(checkSchematic(v)),
  },
];
