/**
 * The node's lines in `.mise.toml`, inserted as text in the shape of the existing ones so that
 * comments and formatting stay: its address variable after the last node address of [env], and an
 * `[tasks.apply-<node>]` copied from the last node's task. Each edit is checked by parsing the
 * result: only the new key may differ. Undefined means "could not do it safely".
 */
import { isDeepStrictEqual } from 'node:util';
import {
  insertAfterLine,
  lastContentLine,
  linesInString,
  parseToml,
  sameExcept,
  tomlTables,
} from '../toml-text.ts';
import type { TomlData } from '../toml-text.ts';
import { captured } from '../../captured.ts';
import { escapeRegExp } from '../../text/escape-reg-exp.ts';

export interface MiseNodeRef {
  name: string;
  varName: string;
  role: 'controlplane' | 'worker';
  ip?: string;
}

const KEY_VALUE = /^(\s*)([A-Za-z0-9_-]+)(\s*=\s*)"[^"\\]*"\s*(#.*)?$/;

export function addEnvVar(
  text: string,
  name: string,
  value: string,
  nodeVars: readonly string[],
): string | undefined {
  const env = tomlTables(text).find((t) => t.name === 'env');
  if (!env) return undefined;
  const lines = text.split('\n');
  const inString = linesInString(text);
  let after = -1;
  for (let i = env.header + 1; i < env.end; i++) {
    const m = inString[i] ? null : KEY_VALUE.exec(lines[i] ?? ''); // i < env.end <= lines.length
    if (m && nodeVars.includes(captured(m, 2))) after = i;
  }
  if (after < 0) after = lastContentLine(text, env.header + 1, env.end);
  const like = after >= 0 ? KEY_VALUE.exec(lines[after] ?? '') : null;
  if (!like) return undefined;
  const next = insertAfterLine(text, after, `${like[1]}${name}${like[3]}"${value}"`);
  return verified(text, next, ['env', name], value);
}

/** The template task's text (or value) for the new node: its config file, variable, name and IP. */
function renamer(from: MiseNodeRef, to: MiseNodeRef): (s: string) => string {
  return (s) => {
    let out = s.replace(
      new RegExp(`\\b(controlplane|worker)-${escapeRegExp(from.name)}\\.yaml`, 'g'),
      `${to.role}-${to.name}.yaml`,
    );
    out = out.replace(new RegExp(`\\b${escapeRegExp(from.varName)}\\b`, 'g'), to.varName);
    if (from.ip && to.ip)
      out = out.replace(new RegExp(`(?<![\\d.])${escapeRegExp(from.ip)}(?![\\d.])`, 'g'), to.ip);
    return out.replace(new RegExp(`(?<![\\w-])${escapeRegExp(from.name)}(?![\\w-])`, 'g'), to.name);
  };
}

const renameValues = (value: unknown, rename: (s: string) => string): unknown =>
  typeof value === 'string'
    ? rename(value)
    : Array.isArray(value)
      ? value.map((v) => renameValues(v, rename))
      : value && typeof value === 'object'
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renameValues(v, rename)]))
        : value;

/** The task the block creates, for the next steps and tests. */
export const canonicalApplyTask = (node: MiseNodeRef) => ({
  description: `Apply config to ${node.name} only`,
  run: `talosctl apply-config --nodes \${${node.varName}} --file ${node.role}-${node.name}.yaml`,
});

/**
 * `[tasks.apply-<node>]` after the last existing node's apply task, renamed from it; without one,
 * a task in the same form at the end of the file.
 */
export function addApplyTask(
  text: string,
  node: MiseNodeRef,
  existing: readonly MiseNodeRef[],
): string | undefined {
  const before = parseToml(text);
  if (!before) return undefined;
  const tables = tomlTables(text);
  const task = `apply-${node.name}`;
  const range = tables
    .filter((t) => existing.some((n) => t.name === `tasks.apply-${n.name}`))
    .at(-1);
  const template = range ? existing.find((n) => range.name === `tasks.apply-${n.name}`) : undefined;
  let next: string;
  let expected: unknown;
  if (range && template) {
    const last = lastContentLine(text, range.header, range.end);
    const rename = renamer(template, node);
    const body = text
      .split('\n')
      .slice(range.header + 1, last + 1)
      .map(rename);
    next = insertAfterLine(text, last, ['', `[tasks.${task}]`, ...body].join('\n'));
    expected = renameValues(
      ((before['tasks'] ?? {}) as TomlData)[`apply-${template.name}`],
      rename,
    );
  } else {
    const c = canonicalApplyTask(node);
    const block = `\n[tasks.${task}]\ndescription = "${c.description}"\nrun = "${c.run.replace(/\\/g, '\\\\')}"\n`;
    next = `${text.replace(/\n*$/, '\n')}${block}`;
    expected = c;
  }
  const after = parseToml(next);
  if (!after || !isDeepStrictEqual(((after['tasks'] ?? {}) as TomlData)[task], expected))
    return undefined;
  return sameExcept(before, after, [['tasks', task]]) ? next : undefined;
}

function verified(
  text: string,
  next: string,
  path: [string, string],
  value: unknown,
): string | undefined {
  const before = parseToml(text);
  const after = parseToml(next);
  if (!before || !after || (after[path[0]] as TomlData | undefined)?.[path[1]] !== value)
    return undefined;
  return sameExcept(before, after, [path]) ? next : undefined;
}
