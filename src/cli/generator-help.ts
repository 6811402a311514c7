import type { InputSpec } from '../inputs/input-spec.ts';

/**
 * `homeops <generator> --help`: each input with its rule, and where the repo is known, what it
 * defaults to here (`learned`, from learnedDefaults).
 */
export function generatorHelp(
  name: string,
  description: string,
  inputs: readonly InputSpec<never>[],
  learned: ReadonlyMap<string, string> = new Map(),
): string {
  const once = inputs.filter(
    (input, at) => inputs.findIndex((other) => other.name === input.name) === at,
  ); // inputs shared by variants (patch values)
  const lines = once.map((i) => {
    const also = i.aliases?.length ? ` (also ${i.aliases.map((a) => `--${a}`).join(', ')})` : '';
    const rule = `${i.help.slice(i.help.indexOf(':') + 1).trim()}${also}`;
    const here = learned.get(i.name);
    return `  --${i.name.padEnd(16)} ${rule}${i.required ? ' (required)' : ''}${here === undefined ? '' : ` [here: ${here}]`}`;
  });
  return `homeops ${name}: ${description}\n\ninputs:\n${lines.join('\n')}\n\noptions:\n  --dest DIR        the home-ops repo (default: the git repo of the current folder)\n  --dry-run         print the diff, write nothing\n  --yes, -y         take defaults, never prompt\n  --json            machine-readable result\n  --answers FILE    YAML or JSON file of inputs (flags override it)\n`;
}
