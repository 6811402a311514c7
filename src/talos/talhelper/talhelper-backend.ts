/**
 * talhelper: the nodes are `nodes[]` entries of a talconfig.yaml (at any path, one per cluster),
 * patches are files referenced from it (`@./patches/...`). ClusterTool is talhelper with its
 * addresses in a SOPS-encrypted clusterenv.yaml.
 */
import { HomeopsError } from '../../errors.ts';
import type { RepoTree } from '../../tree/repo-tree.ts';
import type { NodeRequest, PatchRequest, TalosBackend } from '../backend.ts';
import type { TalconfigFacts } from '../talconfig-facts.ts';
import type { TalosVersion } from '../talos-version.ts';
import type { Vars } from '../vars.ts';
import { planTalhelperNode } from './plan-node.ts';
import { planTalhelperPatch } from './plan-patch.ts';
import { readTalhelperRepo } from './talhelper-repo.ts';
import type { TalhelperRepo } from './talhelper-repo.ts';

export class TalhelperBackend implements TalosBackend {
  readonly tool = 'talhelper';
  readonly dirs: readonly string[];
  private read: TalhelperRepo | undefined;

  constructor(
    private readonly tree: RepoTree,
    readonly where: string,
    readonly cluster: string,
  ) {
    const dir = where.split('/').slice(0, -1).join('/');
    this.dirs = [dir];
  }

  repo(): TalhelperRepo {
    return (this.read ??= readTalhelperRepo(this.tree, this.where));
  }

  facts(): TalconfigFacts {
    return this.repo().facts;
  }

  vars(): Vars {
    return this.repo().vars;
  }

  varsOf(): string[] {
    return [];
  }

  talosVersion(): TalosVersion {
    const { facts, file, envFile } = this.repo();
    if (facts.talosVersion?.version) return facts.talosVersion.version;
    const raw = facts.talosVersion?.raw;
    throw new HomeopsError(
      'LAYOUT',
      raw
        ? `talosVersion is "${raw}" in ${file} and ${envFile} gives it no value`
        : `${file} has no talosVersion`,
      {
        file,
        fix: `set talosVersion (e.g. v1.12.0) in ${file}${raw ? ` or ${envFile}` : ''}: patches are written for that version`,
      },
    );
  }

  defaultSchematic(): string | undefined {
    const { image } = this.facts();
    return image.style === 'talosImageURL'
      ? /\/([0-9a-f]{64})(:[^/]*)?$/.exec(image.talosImageURL ?? '')?.[1]
      : undefined;
  }

  planNode(tree: RepoTree, request: NodeRequest) {
    return planTalhelperNode(tree, this.repo(), request);
  }

  planPatch(tree: RepoTree, request: PatchRequest) {
    return planTalhelperPatch(tree, this.repo(), this.talosVersion(), request);
  }
}
