import {
  applies,
  type Answers,
  type InputSpec,
  type InputType,
} from '../../src/inputs/input-spec.ts';
import { HomeopsError } from '../../src/errors.ts';
import { clusterInput } from '../../src/talos/cluster-input.ts';
import { allowedFix, PATCH_CATALOG } from '../../src/talos/patch-catalog.ts';
import type { PatchInput, PatchValue, TalosPatchDef } from '../../src/talos/patch-catalog.ts';
import { parsePatchTarget } from '../../src/talos/patch-refs.ts';
import type { TalosContext } from '../../src/talos/talos-context.ts';

export interface PatchAnswers extends Answers {
  patch: string;
  target: string;
}

/** Where a patch usually goes; patches without an entry must be given a target. */
const DEFAULT_TARGET: Record<string, string | undefined> = {
  'schedule-on-controlplanes': 'controlplane',
  nvidia: undefined,
  'intel-gpu': undefined,
  'install-disk': undefined,
};

const TYPES: Record<PatchInput['type'], InputType> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  list: 'list',
};

/** The names of the generator's own inputs, which no catalog input may take. */
const OWN = ['cluster', 'patch', 'target'];

/** A catalog input name with the patches that declare it, in catalog order. */
export interface SharedInput {
  name: string;
  uses: { def: TalosPatchDef; input: PatchInput }[];
}

/**
 * The catalog inputs by name. A name two patches share (`enabled` of host-dns and kubeprism) is
 * one flag and one answers-file key with one meaning ("turn this patch's feature on"), so both
 * must declare it with the same type and default; anything else is a catalog bug, caught here.
 */
export function sharedInputs(catalog: readonly TalosPatchDef[]): SharedInput[] {
  const byName = new Map<string, SharedInput>();
  for (const def of catalog) {
    for (const input of def.inputs) {
      if (OWN.includes(input.name))
        throw new Error(
          `patch catalog: ${def.id} declares an input "${input.name}", which is the patch generator's own --${input.name}: rename it`,
        );
      const shared = byName.get(input.name) ?? { name: input.name, uses: [] };
      const first = shared.uses[0]?.input;
      if (
        first &&
        (first.type !== input.type ||
          JSON.stringify(first.default) !== JSON.stringify(input.default))
      ) {
        throw new Error(
          `patch catalog: ${def.id} and ${shared.uses[0]?.def.id ?? ''} both declare "${input.name}" with another type or default: one flag has one meaning, so give them the same type and default, or rename one`,
        );
      }
      shared.uses.push({ def, input });
      byName.set(input.name, shared);
    }
  }
  return [...byName.values()];
}

/** The chosen patch's declaration of a shared input (the spec only applies when there is one). */
const chosen = (shared: SharedInput, answers: Answers): PatchInput | undefined =>
  shared.uses.find((u) => u.def.id === answers['patch'])?.input;

/**
 * One input of the catalog, asked only when the chosen patch declares it: its flag, prompt and
 * answers-file key are the catalog name (`--maxPods`, `--servers`, `--enabled`), declared once
 * however many patches use it. Checks and defaults are the chosen patch's own.
 */
function patchInputSpec(shared: SharedInput, first: PatchInput): InputSpec<TalosContext> {
  const { name, uses } = shared;
  const meaning = uses.map((u) => `(${u.def.id}) ${u.input.message}`);
  const spec: InputSpec<TalosContext> = {
    name,
    message: uses.length === 1 ? first.message : meaning.join(' / '),
    help: `${name}: ${meaning.join('; ')}`,
    type: TYPES[first.type],
    when: applies(
      `with --patch=${uses.map((u) => u.def.id).join(' or --patch=')}`,
      (a: Answers) => chosen(shared, a) !== undefined,
    ),
    validate: (value: PatchValue, a) => {
      const input = chosen(shared, a) ?? first;
      for (const v of Array.isArray(value) ? value : [value]) {
        const verdict = input.validate?.(v) ?? true;
        if (verdict !== true)
          return { message: `${String(a['patch'])}: ${verdict}`, fix: allowedFix(input) };
      }
      return undefined;
    },
  };
  if (first.default === undefined) spec.required = true;
  else spec.default = (_ctx, a) => (chosen(shared, a) ?? first).default;
  return spec;
}

/** The `patch` inputs, in prompt order: the patch, where it goes, then the chosen patch's own values. */
export const patchInputs: InputSpec<TalosContext>[] = [
  clusterInput,
  {
    name: 'patch',
    message: 'Patch',
    help: `patch: a catalog id (${PATCH_CATALOG.map((p) => p.id).join(', ')})`,
    type: 'choice',
    required: true,
    choices: () => PATCH_CATALOG.map((p) => ({ name: `${p.id}: ${p.description}`, value: p.id })),
  },
  {
    name: 'target',
    message: 'Apply it to',
    help: "target: all | controlplane | worker | a node's hostname (global, control-plane, workers also do)",
    type: 'choice',
    required: true,
    choices: (ctx, a) =>
      ['all', 'controlplane', 'worker', ...(ctx.known(a) ? ctx.nodeNames(a) : [])].map((t) => ({
        name: t,
        value: t,
      })),
    // the aliases (global, control-plane, controller, workers) are typed, not listed
    open: true,
    validate: (v: string, a, ctx) => {
      if (!ctx.known(a)) return undefined;
      try {
        parsePatchTarget(v, ctx.backend(a).facts());
        return undefined;
      } catch (error) {
        if (!(error instanceof HomeopsError)) throw error;
        return { message: error.message, ...(error.fix !== undefined && { fix: error.fix }) };
      }
    },
    default: (_ctx, a) =>
      String(a['patch']) in DEFAULT_TARGET ? DEFAULT_TARGET[String(a['patch'])] : 'all',
  },
  // every shared input has at least the declaration it was found by
  ...sharedInputs(PATCH_CATALOG).flatMap((s) =>
    s.uses[0] ? [patchInputSpec(s, s.uses[0].input)] : [],
  ),
];

/** The chosen patch's values from the answers (absent ones take the catalog defaults). */
export function patchValues(def: TalosPatchDef, answers: Answers): Record<string, unknown> {
  return Object.fromEntries(
    def.inputs.filter((i) => answers[i.name] !== undefined).map((i) => [i.name, answers[i.name]]),
  );
}
