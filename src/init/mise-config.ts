/**
 * The edits `homeops init` makes to a repo's mise config: the npm backend entry under `[tools]`
 * and a `[tasks.homeops]` task. Textual, so every other byte stays; each result is parsed again
 * and must differ from the original in the one value added, or the edit is refused.
 */
import { isDeepStrictEqual } from 'node:util';
import { HomeopsError } from '../errors.ts';
import {
  insertAfterLine,
  lastContentLine,
  parseToml,
  sameExcept,
  tomlTables,
  type TomlData,
} from '../talos/toml-text.ts';

/** Where mise reads a project's config, the first found wins. */
export const MISE_CONFIG_FILES = [
  '.mise.toml',
  'mise.toml',
  '.mise/config.toml',
  'mise/config.toml',
  '.config/mise.toml',
  '.config/mise/config.toml',
];

export interface MiseTask {
  description: string;
  run: string;
  /** The task asks questions: mise gives it the terminal's stdin only when raw. */
  raw: boolean;
}

/** The config parsed, or a refusal naming the file when it is not valid TOML. */
export function readMiseConfig(file: string, text: string): TomlData {
  const data = parseToml(text);
  if (!data)
    throw new HomeopsError('CONFLICT', `${file} is not valid TOML`, {
      file,
      fix: 'fix the file (mise would refuse it too), then run homeops init again',
    });
  return data;
}

/** Whether the repo runs tasks through mise (its config defines some). */
export function hasMiseTasks(data: TomlData): boolean {
  const tasks = data['tasks'];
  return Boolean(tasks && typeof tasks === 'object' && Object.keys(tasks).length > 0);
}

/** `"<tool>" = "<version>"` at the end of `[tools]` (a new `[tools]` before the tasks); undefined when the tool is there. */
export function addMiseTool(
  file: string,
  text: string,
  tool: string,
  version: string,
): string | undefined {
  const before = readMiseConfig(file, text);
  const tools = before['tools'] as TomlData | undefined;
  if (tools && tool in tools) return undefined;
  const entry = `"${tool}" = "${version}"`;
  const tables = tomlTables(text);
  const table = tables.find((t) => t.name === 'tools');
  let next: string;
  if (table) {
    next = insertAfterLine(text, lastContentLine(text, table.header, table.end), entry);
  } else {
    // a new table goes before the tasks (and the comments above them), else at the end
    const firstTask = tables.find((t) => t.name === 'tasks' || t.name.startsWith('tasks.'));
    const after = firstTask ? lastContentLine(text, 0, firstTask.header) : -1;
    next =
      firstTask && after >= 0
        ? insertAfterLine(text, after, `\n[tools]\n${entry}`)
        : `${text.replace(/\n*$/, text.trim() ? '\n\n' : '')}[tools]\n${entry}\n`;
  }
  return verified(file, before, next, ['tools', tool], version);
}

/** `[tasks.<name>]` at the end of the file; undefined when the repo has a task of that name. */
export function addMiseTask(
  file: string,
  text: string,
  name: string,
  task: MiseTask,
): string | undefined {
  const before = readMiseConfig(file, text);
  if (name in ((before['tasks'] ?? {}) as TomlData)) return undefined;
  const lines = [
    `[tasks.${name}]`,
    `description = ${JSON.stringify(task.description)}`,
    `run = ${JSON.stringify(task.run)}`,
    ...(task.raw ? ['raw = true'] : []),
  ];
  const next = `${text.replace(/\n*$/, '\n')}\n${lines.join('\n')}\n`;
  return verified(file, before, next, ['tasks', name], { ...task, raw: task.raw || undefined });
}

function verified(
  file: string,
  before: TomlData,
  next: string,
  path: [string, string],
  value: unknown,
): string {
  const after = parseToml(next);
  const added = (after?.[path[0]] as TomlData | undefined)?.[path[1]];
  const expected = JSON.parse(JSON.stringify(value)) as unknown; // drops undefined keys
  if (after && isDeepStrictEqual(added, expected) && sameExcept(before, after, [path])) return next;
  throw new HomeopsError('CONFLICT', `cannot add ${path.join('.')} to ${file} safely`, {
    file,
    fix: `add it by hand: ${path[0] === 'tools' ? `"${path[1]}" = ${JSON.stringify(value)} under [tools]` : `a [${path.join('.')}] task`}`,
  });
}
