/**
 * The shape of a catalog patch: its inputs (prompts and flags) and a render function that turns
 * checked values into patch text for one Talos version.
 */
import { HomeopsError } from '../../errors.ts';
import type { TalosVersion } from '../talos-version.ts';
import { devicePathProblem, kernelModuleProblem } from '../value-checks.ts';
import { renderDocuments } from './render.ts';
import type { PatchDocument } from './render.ts';

export type PatchInputType = 'string' | 'number' | 'list' | 'boolean';
export type PatchValue = string | number | boolean | string[];
export type PatchValues = Record<string, PatchValue>;

export interface PatchInput {
  /** Prompt and flag name (`--maxPods`). */
  name: string;
  message: string;
  type: PatchInputType;
  /** Used when the value is not given; an input without default is required. */
  default?: PatchValue;
  /** Gets the coerced value (a list is checked item by item): true, or what is wrong with it. */
  validate?: Validator;
  /** The values it takes, for refusals ("a whole number from 1 to 10000"); else the validator's, else the type's. */
  allowed?: string;
}

export type Validator = ((value: PatchValue) => true | string) & { allowed?: string };

const TYPE_ALLOWED: Record<PatchInputType, string> = {
  string: 'a text value',
  number: 'a number',
  boolean: 'true or false',
  list: 'a comma-separated list',
};

/** What a refusal's fix says: `--maxPods takes a whole number from 1 to 10000`. */
export const allowedFix = (input: PatchInput): string =>
  `--${input.name} takes ${input.allowed ?? input.validate?.allowed ?? TYPE_ALLOWED[input.type]}`;

const validator = (allowed: string, check: (v: PatchValue) => true | string): Validator =>
  Object.assign(check, { allowed });

export interface TalosPatchDef {
  id: string;
  description: string;
  inputs: PatchInput[];
  /**
   * Multi-document YAML text, each document starting with `---`. Raw values (flags, prompt
   * answers, answers file) are coerced and checked first; refusals are INVALID_INPUT on the input.
   */
  render(values: Readonly<Record<string, unknown>>, talosVersion: TalosVersion): string;
}

function coerce(input: PatchInput, raw: unknown): PatchValue | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  switch (input.type) {
    case 'string':
      return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : undefined;
    case 'number': {
      const n =
        typeof raw === 'number'
          ? raw
          : typeof raw === 'string' && raw.trim() !== ''
            ? Number(raw)
            : NaN;
      return Number.isFinite(n) ? n : undefined;
    }
    case 'boolean': {
      if (typeof raw === 'boolean') return raw;
      const s = String(raw).trim().toLowerCase();
      return ['true', 'yes', 'y', '1'].includes(s)
        ? true
        : ['false', 'no', 'n', '0'].includes(s)
          ? false
          : undefined;
    }
    case 'list': {
      const items = Array.isArray(raw)
        ? raw.map(String)
        : typeof raw === 'string'
          ? raw.split(/[,\n]/)
          : undefined;
      return items?.map((s) => s.trim()).filter((s) => s !== '');
    }
  }
}

/** Raw values -> checked values, defaults filled in. Throws INVALID_INPUT naming the input. */
export function normalizePatchValues(
  def: Pick<TalosPatchDef, 'id' | 'inputs'>,
  raw: Readonly<Record<string, unknown>>,
): PatchValues {
  const out: PatchValues = {};
  for (const input of def.inputs) {
    const given = raw[input.name];
    const value =
      coerce(input, given) ?? (given === undefined || given === '' ? input.default : undefined);
    if (value === undefined) {
      const problem =
        given === undefined || given === ''
          ? 'is required'
          : `"${String(given)}" is not a ${input.type}`;
      throw new HomeopsError('INVALID_INPUT', `${def.id}: ${input.name} ${problem}`, {
        field: input.name,
        fix: allowedFix(input),
      });
    }
    const checks = Array.isArray(value) ? value : [value];
    for (const v of checks) {
      const verdict = input.validate?.(v) ?? true;
      if (verdict !== true)
        throw new HomeopsError('INVALID_INPUT', `${def.id}: ${verdict}`, {
          field: input.name,
          fix: allowedFix(input),
        });
    }
    out[input.name] = value;
  }
  return out;
}

export interface PatchSpec {
  id: string;
  description: string;
  inputs?: PatchInput[];
  build(values: PatchValues, talosVersion: TalosVersion): PatchDocument[];
}

export function definePatch(spec: PatchSpec): TalosPatchDef {
  const inputs = spec.inputs ?? [];
  return {
    id: spec.id,
    description: spec.description,
    inputs,
    render: (values, talosVersion) =>
      renderDocuments(
        spec.build(normalizePatchValues({ id: spec.id, inputs }, values), talosVersion),
      ),
  };
}

/** Validators shared by several patches. */
export const checks = {
  range: (min: number, max: number) =>
    validator(
      `a whole number from ${min} to ${max}`,
      (v) =>
        (Number.isInteger(v) && (v as number) >= min && (v as number) <= max) ||
        `${String(v)} is not a whole number from ${min} to ${max}`,
    ),
  devicePath: validator(
    'a device path like /dev/sda or /dev/nvme0n1',
    (v) => devicePathProblem(String(v)) ?? true,
  ),
  host: validator(
    'host names or IP addresses, optionally with :port (e.g. time.cloudflare.com)',
    (v) =>
      /^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:\d+)?$/.test(String(v)) ||
      `"${String(v)}" is not a host name or IP address`,
  ),
  moduleName: validator(
    'kernel module names (a-z, 0-9, _ and -), parameters as key=value after a space',
    (v) => kernelModuleProblem(String(v)) ?? true,
  ),
};
