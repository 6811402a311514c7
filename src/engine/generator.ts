import type { Layout } from '../layouts/layout.ts';
import type { Answers, InputSpec } from '../inputs/input-spec.ts';
import type { RepoConfig } from '../repo/config.ts';
import type { RepoTree } from '../tree/repo-tree.ts';

/** The target repo as a generator sees it: its files (in memory), its config and its layout. */
export interface RepoContext {
  tree: RepoTree;
  config: RepoConfig;
  /** Detected on first use; throws (a LAYOUT error) in a repo whose apps layout is not known. */
  readonly layout: Layout;
  /** The layout if a generator has read it, without detecting it. */
  layoutIfRead(): Layout | undefined;
  /** Whether a person answers prompts in this run (lookups that fail may then fall back to typing). */
  interactive: boolean;
}

export interface PlanResult {
  /** One line: what the change does. */
  summary: string;
  /** What the user does next (commit, reconcile, fill a SOPS file, ...). */
  nextSteps: string[];
  warnings: string[];
}

/**
 * A generator: its inputs (declared once) and its plan, a function of (repo view, answers) that
 * only changes the in-memory tree. Only the engine's commit step writes to disk.
 */
export interface Generator<C = unknown> {
  name: string;
  description: string;
  inputs: readonly InputSpec<C>[];
  /** Facts about the repo that defaults, choices and validation need; learned lazily. */
  context(repo: RepoContext): C;
  plan(ctx: C, answers: Answers): PlanResult | Promise<PlanResult>;
  /** Kinds (`apiVersion/kind`) every plan writes: their schema validators load while inputs resolve. */
  writes?: readonly string[];
  /**
   * The variant of this generator for a layout, when layouts differ in their inputs (ClusterTool
   * apps have a layer, Argo CD apps a kind). Absent: this generator serves every layout itself.
   */
  forLayout?(layout: Layout): Promise<AnyGenerator>;
}

/** A generator of any context type, for registries. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyGenerator = Generator<any>;
