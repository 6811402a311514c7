/**
 * One Talos back end per tool a repo may keep its nodes with (talhelper, topf, per-node templates,
 * talosctl + mise). The node and patch generators only talk to this interface: each back end reads
 * its own files, checks and writes a node or a patch in the repo's shape, and says what to do next.
 */
import type { PlanResult } from '../engine/generator.ts';
import type { RepoTree } from '../tree/repo-tree.ts';
import type { NodeInput } from './node-input.ts';
import type { TalosPatchDef } from './patch-catalog.ts';
import type { PatchTarget } from './patch-refs.ts';
import type { TalconfigFacts } from './talconfig-facts.ts';
import type { TalosVersion } from './talos-version.ts';
import type { Vars } from './vars.ts';

export type TalosTool = 'talhelper' | 'topf' | 'templates' | 'talosctl-mise';

export const TALOS_TOOLS: readonly TalosTool[] = [
  'talhelper',
  'topf',
  'templates',
  'talosctl-mise',
];

/** What each tool is, in the words of a message. */
export const TOOL_TITLES: Record<TalosTool, string> = {
  talhelper: 'talhelper (talconfig.yaml)',
  topf: 'topf (topf.yaml)',
  templates: 'per-node templates (nodes/<node>.yaml.j2)',
  'talosctl-mise': 'talosctl patches + mise tasks',
};

/** A node to add, as the generator's inputs give it, with the facts to check it against. */
export interface NodeRequest {
  input: NodeInput;
  /** The other nodes' facts (the node of that hostname left out) with the load-balancer pools. */
  facts: TalconfigFacts;
}

/** A catalog patch to write, with its checked values. */
export interface PatchRequest {
  def: TalosPatchDef;
  values: Record<string, unknown>;
  target: PatchTarget;
  /** The target as the user wrote it, for messages. */
  targetName: string;
}

export interface TalosBackend {
  readonly tool: TalosTool;
  /** The cluster this back end holds (`--cluster`). */
  readonly cluster: string;
  /** The file or folder that defines the cluster's nodes, repo-relative (for messages). */
  readonly where: string;
  /** Folders of Talos files (left out when scanning manifests for load-balancer addresses). */
  readonly dirs: readonly string[];
  /** The nodes as talconfig-shaped facts, so the same node checks apply to every tool. */
  facts(): TalconfigFacts;
  /** Values `${VAR}` placeholders of manifests resolve to (talenv.yaml, mise [env]). */
  vars(): Vars;
  /** Variable names that belong to a node (mise's `K8S_4_IP`), left out with the node on a re-run. */
  varsOf(hostname: string): string[];
  /** The repo's Talos version; a LAYOUT error naming where to set it when the repo does not say. */
  talosVersion(): TalosVersion;
  /** The schematic ID the existing nodes install, when they share one. */
  defaultSchematic(): string | undefined;
  planNode(tree: RepoTree, request: NodeRequest): PlanResult;
  planPatch(tree: RepoTree, request: PatchRequest): PlanResult;
}
