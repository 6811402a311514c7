import { HomeopsError } from '../errors.ts';
import { CONFIG_FILE } from '../repo/config.ts';
import type { InputSpec, Problem } from './input-spec.ts';

/** The refusal of a flag that was given although its input does not apply. */
export function notApplying<C>(spec: InputSpec<C>): HomeopsError {
  const when = (spec.when as { text?: string } | undefined)?.text;
  return new HomeopsError(
    'INVALID_INPUT',
    `does not apply with the other inputs given${when ? `: it applies only ${when}` : ''}`,
    {
      field: spec.name,
      fix: when
        ? `remove --${spec.name}, or use it ${when}`
        : `remove --${spec.name}, or give the input it depends on (see --help: ${spec.help.slice(spec.help.indexOf(':') + 1).trim()})`,
    },
  );
}

/**
 * A refused value as an error: at its flag, or at the repo's `.homeops.yaml` when the value came
 * from its defaults (the input at fault may be another: a namespace refused through createNamespace).
 */
export function refusal(
  problem: Problem,
  spec: InputSpec<unknown>,
  raw: unknown,
  origin: {
    given: Record<string, unknown>;
    configDefaults?: Record<string, unknown> | undefined;
    configDefaultLine?: ((input: string) => number) | undefined;
  },
): HomeopsError {
  const field = problem.field ?? spec.name;
  const fromConfig =
    origin.given[field] === undefined &&
    origin.configDefaults?.[field] !== undefined &&
    (field !== spec.name || raw === origin.configDefaults[field]);
  return fromConfig
    ? new HomeopsError('INVALID_INPUT', `${field} (this repo's default): ${problem.message}`, {
        file: CONFIG_FILE,
        line: origin.configDefaultLine?.(field),
        fix: `change it in ${CONFIG_FILE} (${problem.fix})`,
      })
    : new HomeopsError('INVALID_INPUT', problem.message, { field, fix: problem.fix });
}

/** The inputs that must have a value and have none, as one error. */
export function missingInputs<C>(missing: readonly InputSpec<C>[]): HomeopsError {
  return new HomeopsError(
    'MISSING_INPUT',
    `missing required input${missing.length > 1 ? 's' : ''}: ${missing.map((s) => `--${s.name}`).join(', ')}`,
    {
      fix: `pass ${missing.map((s) => `--${s.name}=<${s.help.split(':')[0]}>`).join(' ')}, or run in a terminal to be asked`,
    },
  );
}
