import type { RepoContext } from '../engine/generator.ts';
import { HomeopsError } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import { TOOL_TITLES, type TalosBackend, type TalosTool } from '../talos/backend.ts';
import { findTalosFiles } from '../talos/find-talos.ts';
import { broadcastAddress, formatIpv4, networkAddress, parseIpv4 } from '../talos/net.ts';
import { checkIp } from '../talos/node-input.ts';
import type { TalconfigFacts } from '../talos/talconfig-facts.ts';
import { TalosContext } from '../talos/talos-context.ts';
import { formatTalosVersion } from '../talos/talos-version.ts';
import type { CommandInfo, TalosClusterInfo, TalosInfo } from './info-model.ts';
import { EDITED_SHAPES } from '../talos/places-in-words.ts';

/** Where each Talos tool keeps patches: what `homeops patch` writes there. */
const PATCHES: Record<TalosTool, (b: TalosBackend) => string> = {
  talhelper: (b) =>
    `files under ${dirOf(b.where)}/patches/, listed in patches, controlPlane.patches, worker.patches or a node's patches of ${b.where}`,
  topf: (b) =>
    `NN-<name>.yaml files in ${dirOf(b.where)}/all/, control-plane/, worker/ or node/<node>/`,
  templates: (b) => `the machine-config templates of ${b.where} (one file per node under nodes/)`,
  'talosctl-mise': (b) => `talosctl patch files in ${b.where}, applied by the mise tasks`,
};

const dirOf = (file: string): string => file.split('/').slice(0, -1).join('/') || '.';

/** The repo's Talos clusters, read through the same back ends `homeops node` and `patch` use. */
export function describeTalos(repo: RepoContext): TalosInfo {
  // nothing found and nothing pinned: where else the machines may be (one walk, not openTalos' two)
  const found = findTalosFiles(repo.tree);
  if (found.places.length === 0 && !repo.config.talos) {
    const elsewhere = found.elsewhere();
    return {
      clusters: [],
      elsewhere,
      message: elsewhere.length
        ? `homeops node and patch edit ${EDITED_SHAPES}`
        : `no Talos configuration in this repo (talconfig.yaml, topf.yaml, nodes/<node>.yaml.j2 templates, network-<node>.yaml patches with mise tasks); if they are here under other names, pin them in ${CONFIG_FILE} (talos: { tool, path })`,
    };
  }
  let ctx: TalosContext;
  try {
    ctx = new TalosContext(repo);
  } catch (error) {
    // a pin that points nowhere, several tools: the generators' own refusal says what to do
    if (!(error instanceof HomeopsError) || error.code !== 'LAYOUT') throw error;
    return {
      clusters: [],
      elsewhere: [],
      message: `${error.message}${error.fix ? ` (${error.fix})` : ''}`,
    };
  }
  const clusters = ctx
    .clusters()
    .map((cluster) =>
      clusterOf(
        ctx.backend({ cluster }),
        ctx.nodeFacts({ cluster }),
        (ip) => ctx.loadBalancerAddress({ cluster }, ip) !== undefined,
      ),
    );
  return { clusters, elsewhere: [], message: null };
}

/**
 * The first address after the nodes' that `homeops node` takes (not a node's, the VIP, the
 * gateway, a variable's, in a load-balancer pool or pinned to a Service or Gateway), checked by
 * the node generator's own checks.
 */
function freeAddress(facts: TalconfigFacts, pinned: (ip: string) => boolean): string | null {
  const subnet = facts.subnets[0];
  if (!subnet) return null;
  const first = networkAddress(subnet) + 1;
  const last = broadcastAddress(subnet) - 1;
  const used = facts.nodes.flatMap((n) => parseIpv4(n.ipAddress ?? '') ?? []);
  const start = Math.min(Math.max(...used, first - 1) + 1, last);
  for (let i = 0; i <= last - first; i++) {
    const ip = formatIpv4(first + ((start - first + i) % (last - first + 1)));
    if (typeof checkIp(ip, facts) === 'string' && !pinned(ip)) return ip;
  }
  return null;
}

function clusterOf(
  backend: TalosBackend,
  facts: TalconfigFacts,
  pinned: (ip: string) => boolean,
): TalosClusterInfo {
  let version: string | null = null;
  try {
    version = formatTalosVersion(backend.talosVersion());
  } catch (error) {
    if (!(error instanceof HomeopsError)) throw error; // the repo does not say: not known
  }
  const subnet = facts.subnets[0];
  return {
    name: backend.cluster,
    tool: backend.tool,
    title: TOOL_TITLES[backend.tool],
    where: backend.where,
    talosVersion: version,
    nodes: facts.nodes.map((n) => ({
      hostname: n.hostnameResolved,
      ip: n.ipAddress ?? (n.ipAddressRaw || null),
      role: n.controlPlane ? 'controlplane' : 'worker',
    })),
    subnet: subnet ? `${formatIpv4(networkAddress(subnet))}/${subnet.prefix}` : null,
    freeAddress: freeAddress(facts, pinned),
    patches: PATCHES[backend.tool](backend),
  };
}

/** The commands that add a node and a patch, with the repo's cluster and a free-address hint. */
export function talosCommands(talos: TalosInfo): CommandInfo[] {
  const first = talos.clusters[0];
  if (!first) return [];
  const cluster = talos.clusters.length > 1 ? ` --cluster=${first.name}` : '';
  const ip = first.freeAddress ?? (first.subnet ? `<a free address in ${first.subnet}>` : '<ip>');
  return [
    {
      what: `add a Talos node to ${first.name} (${first.title})${first.freeAddress ? `; ${first.freeAddress} is the next free address` : ''}`,
      command: `homeops node${cluster} --hostname=<node> --ip=${ip} --role=worker --disk=<disk> --mac=<mac>`,
    },
    { what: 'the same, asked question by question', command: 'npx plop node' },
    {
      what: 'add a machine-config patch from the catalog (homeops patch --help lists the ids and their values)',
      command: `homeops patch${cluster} --patch=<id> --target=all`,
    },
    { what: 'the same, asked question by question', command: 'npx plop patch' },
  ];
}
