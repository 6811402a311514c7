import type { Answers, InputSpec, InputType } from '../../src/inputs/input-spec.ts';
import { allowedFix, PATCH_CATALOG } from '../../src/talos/patch-catalog.ts';
import type { PatchInput, PatchValue, TalosPatchDef } from '../../src/talos/patch-catalog.ts';
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

const TYPES: Record<PatchInput['type'], InputType> = { string: 'string', number: 'number', boolean: 'boolean', list: 'list' };

/**
 * One input of one catalog patch, asked only when that patch is chosen. Names are the catalog's
 * (`--maxPods`, `--servers`); a name two patches share (`--enabled`) has the same meaning, type
 * and default in both: "turn this patch's feature on".
 */
function patchInputSpec(def: TalosPatchDef, input: PatchInput): InputSpec<TalosContext> {
  const spec: InputSpec<TalosContext> = {
    name: input.name,
    message: input.message,
    help: `${input.name}: (${def.id}) ${input.message}`,
    type: TYPES[input.type],
    when: (a) => a['patch'] === def.id,
    validate: (value: PatchValue) => {
      for (const v of Array.isArray(value) ? value : [value]) {
        const verdict = input.validate?.(v) ?? true;
        if (verdict !== true) return { message: `${def.id}: ${verdict}`, fix: allowedFix(input) };
      }
      return undefined;
    },
  };
  if (input.default === undefined) spec.required = true;
  else spec.default = () => input.default;
  return spec;
}

/** The `patch` inputs, in prompt order: the patch, where it goes, then the chosen patch's own values. */
export const patchInputs: InputSpec<TalosContext>[] = [
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
    help: "target: all | controlplane | worker | a node's hostname",
    type: 'choice',
    required: true,
    choices: (ctx) => ['all', 'controlplane', 'worker', ...ctx.nodeNames()].map((t) => ({ name: t, value: t })),
    default: (_ctx, a) => (String(a['patch']) in DEFAULT_TARGET ? DEFAULT_TARGET[String(a['patch'])] : 'all'),
  },
  ...PATCH_CATALOG.flatMap((def) => def.inputs.map((input) => patchInputSpec(def, input))),
];

/** The chosen patch's values from the answers (absent ones take the catalog defaults). */
export function patchValues(def: TalosPatchDef, answers: Answers): Record<string, unknown> {
  return Object.fromEntries(def.inputs.filter((i) => answers[i.name] !== undefined).map((i) => [i.name, answers[i.name]]));
}
