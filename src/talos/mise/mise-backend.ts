/**
 * talosctl + mise: one `network-<node>.yaml` patch per node in a patches folder, and mise tasks
 * (`talosctl gen config --config-patch @...`, `apply-<node>`) in `.mise.toml`.
 */
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { NodeRequest, PatchRequest, TalosBackend } from '../backend.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import type { TalosVersion } from '../talos-version.ts';
import type { Vars } from '../vars.ts';
import { nodeVarName, readMiseRepo } from './mise-repo.ts';
import type { MiseRepo } from './mise-repo.ts';
import { planMiseNode } from './plan-node.ts';
import { planMisePatch } from './plan-patch.ts';

export class MiseBackend implements TalosBackend {
  readonly tool = 'talosctl-mise';
  readonly dirs: readonly string[];
  private read: MiseRepo | undefined;

  constructor(
    private readonly tree: RepoTree,
    readonly where: string,
    private readonly miseFile: string,
    readonly cluster: string,
  ) {
    this.dirs = [where];
  }

  repo(): MiseRepo {
    return (this.read ??= readMiseRepo(this.tree, {
      patchesDir: this.where,
      miseFile: this.miseFile,
    }));
  }

  facts(): TalconfigFacts {
    return this.repo().facts;
  }

  vars(): Vars {
    return this.repo().env;
  }

  varsOf(hostname: string): string[] {
    return [nodeVarName(hostname)];
  }

  talosVersion(): TalosVersion {
    const { version, miseFile, patchesDir } = this.repo();
    if (version) return version.version;
    throw new HomeopsError(
      'LAYOUT',
      `could not tell the Talos version: no talos tool in ${miseFile} [tools] and no installer image tag in ${patchesDir}`,
      {
        file: miseFile,
        fix: `add "aqua:siderolabs/talos" = "1.11.5" (your version) to [tools] in ${miseFile}: patches are written for that version`,
      },
    );
  }

  defaultSchematic(): string | undefined {
    return /\/([0-9a-f]{64})(:[^/]*)?$/.exec(this.repo().install.image ?? '')?.[1];
  }

  planNode(tree: RepoTree, request: NodeRequest) {
    return planMiseNode(tree, this.repo(), this.talosVersion(), request);
  }

  planPatch(tree: RepoTree, request: PatchRequest) {
    return planMisePatch(tree, this.repo(), this.talosVersion(), request);
  }
}
