/**
 * The `just` recipe a repo runs for a Talos task (`apply-node`, `render-config`), as a command a
 * next step can print: `just talos apply-node k8s-3` for a module (`mod talos` in the root
 * justfile), `just apply-node k8s-3` for a recipe of the root justfile.
 */
import { posix } from 'node:path';
import type { RepoTree } from '../tree/repo-tree.ts';

const JUSTFILES = ['.justfile', 'justfile', 'Justfile', 'mod.just'];

/** The recipe's parameters (`apply-node cluster node *args:` -> cluster, node), or undefined. */
function recipeParams(text: string, recipe: string): string[] | undefined {
  const m = new RegExp(
    `^${recipe.replace(/-/g, '\\-')}((?:\\s+[^\\s:=]+(?:=\\S+)?)*)\\s*:(?!=)`,
    'm',
  ).exec(text);
  if (!m) return undefined;
  return (m[1] ?? '')
    .trim()
    .split(/\s+/)
    .filter((p) => p !== '' && !p.startsWith('*') && !p.startsWith('+') && !p.includes('='));
}

/**
 * The command that runs `recipe` for one node, when a justfile in `dir` (or the root) has it and
 * its parameters are ones homeops can fill: the node (`node`, `host`, `ip`...) and the `cluster`.
 */
export function justCommand(
  tree: RepoTree,
  dir: string,
  recipe: string,
  node: string,
  known: { cluster?: string } = {},
): string | undefined {
  const root = JUSTFILES.map((f) => ({ f, text: tree.read(f) })).find((j) => j.text !== undefined);
  const dirs: string[] = [];
  for (let d = dir; d !== '' && d !== '.'; d = posix.dirname(d)) dirs.push(d);
  dirs.push('');
  for (const here of dirs) {
    for (const name of JUSTFILES) {
      const file = here === '' ? name : posix.join(here, name);
      const text = tree.read(file);
      const params = text === undefined ? undefined : recipeParams(text, recipe);
      if (params === undefined) continue;
      const values = params.map((p) =>
        p === 'cluster'
          ? known.cluster
          : /^(node|host|hostname|ip|name)$/.test(p)
            ? node
            : undefined,
      );
      if (values.some((v) => v === undefined)) return undefined;
      const args = values.join(' ');
      if (here === '' || file === root?.f) return `just ${recipe} ${args}`.trim();
      // `mod talos "talos/mod.just"`, or `mod talos` for talos/mod.just, talos/justfile...
      const mods = [...(root?.text ?? '').matchAll(/^mod\??\s+([\w-]+)(?:\s+["']([^"']+)["'])?/gm)];
      const mod = mods.find((m) =>
        m[2] ? posix.normalize(m[2]) === file : m[1] === posix.basename(here),
      );
      if (mod) return `just ${mod[1]} ${recipe} ${args}`.trim();
    }
  }
  return undefined;
}
