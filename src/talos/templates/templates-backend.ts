/**
 * Per-node templates: the nodes are `nodes/[<role>/]<node>.yaml.j2` files of a template folder
 * (one folder per cluster), patches are merged into the template that reaches their target.
 */
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { NodeRequest, PatchRequest, TalosBackend } from '../backend.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import type { TalosVersion } from '../talos-version.ts';
import { planTemplatesNode } from './plan-node.ts';
import { planTemplatesPatch } from './plan-patch.ts';
import { readTemplatesRepo } from './templates-repo.ts';
import type { TemplatesRepo } from './templates-repo.ts';

export class TemplatesBackend implements TalosBackend {
  readonly tool = 'templates';
  readonly dirs: readonly string[];
  private read: TemplatesRepo | undefined;

  constructor(
    private readonly tree: RepoTree,
    readonly where: string,
    readonly cluster: string,
  ) {
    this.dirs = [where];
  }

  repo(): TemplatesRepo {
    return (this.read ??= readTemplatesRepo(this.tree, this.where));
  }

  facts(): TalconfigFacts {
    return this.repo().facts;
  }

  vars() {
    return {};
  }

  varsOf(): string[] {
    return [];
  }

  talosVersion(): TalosVersion {
    const { version } = this.repo();
    if (version) return version.version;
    throw new HomeopsError(
      'LAYOUT',
      `could not tell the Talos version: no installer image tag in the templates of ${this.where}/ and no talos tool in a mise file`,
      {
        fix: `add "aqua:siderolabs/talos" = "1.12.4" (your version) to [tools] in .mise.toml: patches are written for that version`,
      },
    );
  }

  defaultSchematic(): string | undefined {
    for (const f of [...this.repo().shared, ...this.repo().nodes]) {
      const id = /installer(?:-secureboot)?\/([0-9a-f]{64})\b/.exec(f.text)?.[1];
      if (id) return id;
    }
    return undefined;
  }

  planNode(tree: RepoTree, request: NodeRequest) {
    return planTemplatesNode(tree, this.repo(), request, this.cluster);
  }

  planPatch(tree: RepoTree, request: PatchRequest) {
    return planTemplatesPatch(tree, this.repo(), this.talosVersion(), this.cluster, request);
  }
}
