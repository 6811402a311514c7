/** The settings a talosctl + mise repo makes already, by the nodes they reach. */
import type { RepoTree } from '../../tree/repo-tree.ts';
import { fileSource } from '../repeated-settings.ts';
import type { Reach, ReachingSource } from '../repeated-settings.ts';
import type { MiseRepo } from './mise-repo.ts';

const FLAG_REACH: Record<string, Reach> = {
  '--config-patch': {},
  '--config-patch-control-plane': { role: 'controlPlane' },
  '--config-patch-worker': { role: 'worker' },
};

/**
 * The shared patches of a talosctl + mise repo: those `talosctl gen config` takes (by flag), each
 * node's own patches, and any other file of the patches folder (for all nodes, to be safe).
 */
export function miseSources(tree: RepoTree, mise: MiseRepo): ReachingSource[] {
  const out: ReachingSource[] = [];
  const seen = new Set<string>();
  for (const [, flag = '', file = ''] of mise.miseText.matchAll(
    /(--config-patch(?:-control-plane|-worker)?)\s+@(\S+)/g,
  )) {
    const source = fileSource(tree, file);
    if (source) out.push({ reach: FLAG_REACH[flag] ?? {}, source });
    seen.add(file);
  }
  const dir = mise.patchesDir;
  const files = tree.isDirectory(dir)
    ? tree.children(dir).filter((f) => /\.ya?ml$/.test(f) && tree.isFile(`${dir}/${f}`))
    : [];
  for (const f of files.filter((f) => !seen.has(`${dir}/${f}`))) {
    const owner = mise.nodes.find(
      (n) => f === `network-${n.name}.yaml` || f.endsWith(`-${n.name}.yaml`),
    );
    const source = fileSource(tree, `${dir}/${f}`);
    if (source)
      out.push({
        reach: owner
          ? {
              ...(owner.role && { role: owner.role === 'worker' ? 'worker' : 'controlPlane' }),
              node: owner.name,
            }
          : {},
        source,
      });
  }
  return out;
}
