/**
 * Wires a patch into a talosctl + mise repo's tasks, when they list patches in a way that can be
 * extended line by line: a `--config-patch[-control-plane|-worker] @file \` continuation line in
 * every `talosctl gen config` command (all / control planes / workers), or a `--patch @file \`
 * line after each `--patch @<dir>/network-<node>.yaml \` (one node). The result is parsed: only
 * those run strings may change, each by the new reference.
 */
import { linesInString, parseToml, sameExcept } from '../toml-text.ts';
import type { TomlData } from '../toml-text.ts';
import { captured } from '../../captured.ts';
import { escapeRegExp } from '../../text/escape-reg-exp.ts';

export type MisePatchTarget =
  { scope: 'global' | 'controlPlane' | 'worker' } | { scope: 'node'; name: string };

export interface ConfigPatchEdit {
  text: string;
  /** Tasks whose commands gained the reference. */
  tasks: string[];
  /** The reference was in every place already. */
  already: boolean;
}

const FLAGS = {
  global: '--config-patch',
  controlPlane: '--config-patch-control-plane',
  worker: '--config-patch-worker',
} as const;
const continues = (line: string): boolean => line.trimEnd().endsWith('\\');

/** Line ranges [start, end] of shell commands continued with `\` inside multi-line strings. */
function commands(lines: string[], inString: boolean[], first: RegExp): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!inString[i] || !first.test(lines[i] ?? '')) continue; // i < lines.length
    let end = i;
    while (continues(lines[end] ?? '') && end + 1 < lines.length && inString[end + 1]) end++;
    out.push([i, end]);
  }
  return out;
}

/** Where to insert (after which line) and what, for every command that can take the reference. */
function insertions(
  lines: string[],
  inString: boolean[],
  path: string,
  target: MisePatchTarget,
  patchesDir: string,
): { after: number; line: string }[] | 'already' {
  const out: { after: number; line: string }[] = [];
  let present = 0;
  const ref = `@${path}`;
  if (target.scope === 'node') {
    const network = new RegExp(
      `^(\\s*)--patch\\s+@${escapeRegExp(patchesDir)}/network-${escapeRegExp(target.name)}\\.ya?ml\\s*\\\\\\s*$`,
    );
    for (const [start, end] of commands(lines, inString, /^\s*talosctl machineconfig patch\b/)) {
      const cmd = lines.slice(start, end + 1);
      if (cmd.some((l) => l.includes(ref))) present++;
      else
        cmd.forEach((l, k) => {
          const m = network.exec(l);
          if (m) out.push({ after: start + k, line: `${captured(m, 1)}--patch ${ref} \\` });
        });
    }
  } else {
    const flag = FLAGS[target.scope];
    const patchLine = /^(\s*)(--config-patch(?:-control-plane|-worker)?)\s+@\S+\s*\\\s*$/;
    for (const [start, end] of commands(lines, inString, /^\s*talosctl gen config\b/)) {
      const cmd = lines.slice(start, end + 1);
      if (cmd.some((l) => l.includes(ref))) {
        present++;
        continue;
      }
      const patches = cmd.flatMap((l, k) => {
        const m = patchLine.exec(l);
        return m ? [{ indent: captured(m, 1), flag: captured(m, 2), k }] : [];
      });
      const at = patches.filter((p) => p.flag === flag).at(-1) ?? patches.at(-1);
      if (at) out.push({ after: start + at.k, line: `${at.indent}${flag} ${ref} \\` });
    }
  }
  return out.length === 0 && present > 0 ? 'already' : out;
}

export function addConfigPatch(
  text: string,
  path: string,
  target: MisePatchTarget,
  patchesDir: string,
): ConfigPatchEdit | undefined {
  const lines = text.split('\n');
  const found = insertions(lines, linesInString(text), path, target, patchesDir);
  if (found === 'already') return { text, tasks: [], already: true };
  if (found.length === 0) return undefined;
  for (const { after, line } of [...found].sort((a, b) => b.after - a.after))
    lines.splice(after + 1, 0, line);
  const next = lines.join('\n');
  const before = parseToml(text);
  const after = parseToml(next);
  if (!before || !after) return undefined;
  const runs = (data: TomlData) =>
    Object.entries((data['tasks'] ?? {}) as Record<string, { run?: unknown }>).map(
      ([name, t]) => [name, String(t.run ?? '')] as const,
    );
  const old = new Map(runs(before));
  const changed = runs(after).filter(([name, run]) => run !== old.get(name));
  const grew = changed.every(
    ([name, run]) => run.split(`@${path}`).length > (old.get(name) ?? '').split(`@${path}`).length,
  );
  if (
    changed.length === 0 ||
    !grew ||
    !sameExcept(
      before,
      after,
      changed.map(([name]) => ['tasks', name, 'run']),
    )
  )
    return undefined;
  return { text: next, tasks: changed.map(([name]) => name), already: false };
}
