/**
 * The `just` recipe a repo runs for a Talos task (`apply-node`, `render-config`), as a command a
 * next step can print: `just talos apply-node k8s-3` for a module (`mod talos` in the root
 * justfile), `just apply-node k8s-3` for a recipe of the root justfile.
 */
import { posix } from 'node:path';
import type { RepoTree } from '../tree/repo-tree.ts';

const JUSTFILES = ['.justfile', 'justfile', 'Justfile', 'mod.just'];

const hasRecipe = (text: string, recipe: string): boolean =>
  new RegExp(`^${recipe.replace(/[-]/g, '\\-')}(\\s|:)`, 'm').test(text);

/** The command that runs `recipe` with `args`, when a justfile in `dir` (or the root) has it. */
export function justCommand(tree: RepoTree, dir: string, recipe: string, args: string): string | undefined {
  const root = JUSTFILES.map((f) => ({ f, text: tree.read(f) })).find((j) => j.text !== undefined);
  for (const name of JUSTFILES) {
    const file = dir === '' ? name : posix.join(dir, name);
    const text = tree.read(file);
    if (text === undefined || !hasRecipe(text, recipe)) continue;
    if (dir === '' || file === root?.f) return `just ${recipe} ${args}`;
    // `mod talos "talos/mod.just"`, or `mod talos` for talos/mod.just, talos/justfile...
    const mods = [...(root?.text ?? '').matchAll(/^mod\??\s+([\w-]+)(?:\s+["']([^"']+)["'])?/gm)];
    const mod = mods.find((m) => (m[2] ? posix.normalize(m[2]) === file : m[1] === posix.basename(dir)));
    if (mod) return `just ${mod[1]} ${recipe} ${args}`;
  }
  return undefined;
}
