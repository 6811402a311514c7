/**
 * topf: the nodes are `nodes[]` entries of a topf.yaml, the patches files of the folders beside
 * it (`all/`, `control-plane/`, `worker/`, `node/<host>/`).
 */
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { NodeRequest, PatchRequest, TalosBackend } from '../backend.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import type { TalosVersion } from '../talos-version.ts';
import { planTopfNode } from './plan-node.ts';
import { planTopfPatch } from './plan-patch.ts';
import { readTopfRepo } from './topf-repo.ts';
import type { TopfRepo } from './topf-repo.ts';

export class TopfBackend implements TalosBackend {
  readonly tool = 'topf';
  readonly dirs: readonly string[];
  private read: TopfRepo | undefined;

  constructor(
    private readonly tree: RepoTree,
    readonly where: string,
    readonly cluster: string,
  ) {
    this.dirs = [where.split('/').slice(0, -1).join('/')];
  }

  repo(): TopfRepo {
    return (this.read ??= readTopfRepo(this.tree, this.where));
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
    const { talosVersion, file } = this.repo();
    if (talosVersion?.version) return talosVersion.version;
    throw new HomeopsError(
      'LAYOUT',
      talosVersion
        ? `talosVersion is "${talosVersion.raw}" in ${file}, which is not a Talos version`
        : `${file} has no talosVersion (topf then installs the Talos version it was built with, which the repo does not say)`,
      {
        file,
        fix: `set talosVersion (e.g. v1.13.0) in ${file}: patches are written for that version`,
      },
    );
  }

  defaultSchematic(): string | undefined {
    return /\/([0-9a-f]{64})$/.exec(this.facts().image.talosImageURL ?? '')?.[1];
  }

  planNode(tree: RepoTree, request: NodeRequest) {
    return planTopfNode(tree, this.repo(), request);
  }

  planPatch(tree: RepoTree, request: PatchRequest) {
    return planTopfPatch(tree, this.repo(), this.talosVersion(), request);
  }
}
