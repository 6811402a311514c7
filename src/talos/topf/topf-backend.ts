import type { RepoTree } from '../../tree/repo-tree.ts';
import type { NodeRequest, PatchRequest, TalosBackend } from '../backend.ts';
export class TopfBackend implements TalosBackend {
  readonly tool = 'topf';
  readonly dirs: readonly string[] = [];
  constructor(readonly tree: RepoTree, readonly where: string, readonly cluster: string) {}
  facts(): never { throw new Error('todo'); }
  vars() { return {}; }
  varsOf() { return []; }
  talosVersion(): never { throw new Error('todo'); }
  defaultSchematic() { return undefined; }
  planNode(_t: RepoTree, _r: NodeRequest): never { throw new Error('todo'); }
  planPatch(_t: RepoTree, _r: PatchRequest): never { throw new Error('todo'); }
}
