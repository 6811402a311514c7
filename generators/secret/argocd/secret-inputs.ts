import {
  offlineNote,
  fieldsProblem,
  lookupProblem,
  noFieldsProblem,
  secretKeysProblem,
  sourceInput,
  unanswered,
} from '../../../src/secrets/onepassword-inputs.ts';
import type { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import { readSecretsTable, tableCellProblem } from '../../../src/argocd/secrets-table.ts';
import type { Answers, InputSpec, Problem } from '../../../src/inputs/input-spec.ts';
import { toSecretKey } from '../../../src/onepassword/reference-names.ts';
import type { SourceKind } from '../../../src/onepassword/types.ts';

export type ArgocdSecretAnswers = {
  app: string;
  source: SourceKind;
  vault: string;
  item: string;
  fields: string[];
  keys: string[];
};

const kind = (a: Answers) => a.source as SourceKind;

/** The vault the bootstrap script reads (OP_VAULT), if the script is there. */
function scriptVault(ctx: ArgocdContext): string | undefined {
  const text = ctx.repo.tree.read(ctx.paths.secretsScript);
  return text === undefined ? undefined : readSecretsTable(text, ctx.paths.secretsScript).vault;
}

const cell = (what: string, v: string): Problem | undefined => {
  const problem = tableCellProblem(v);
  return problem
    ? { message: `1Password ${what} "${v}" ${problem}`, fix: `rename it in 1Password` }
    : undefined;
};

/**
 * Names for the bootstrap script's SECRETS table, from 1Password (SDK or Connect, looked up and
 * checked) or as typed (offline). Names only: no value is read, kept or written.
 */
export const argocdSecretInputs: InputSpec<ArgocdContext>[] = [
  {
    name: 'app',
    message: 'App',
    help: 'app: an existing Application (its destination namespace gets the Secrets)',
    type: 'choice',
    required: true,
    choices: (ctx) =>
      ctx.index
        .applications()
        .filter((a) => a.namespace)
        .map((a) => ({ name: `${a.name} (${a.namespace})`, value: a.name })),
  },
  sourceInput<ArgocdContext>((ctx) => ctx.onePassword),
  {
    name: 'vault',
    offline: (ctx, a) => offlineNote(ctx.onePassword, a),
    message: '1Password vault',
    help: 'vault: the vault the bootstrap script reads (its OP_VAULT); default: that one',
    type: 'string',
    required: true,
    default: (ctx) => scriptVault(ctx),
    validate: async (v: string, a, ctx) => {
      const read = scriptVault(ctx);
      if (read !== undefined && read.toLowerCase() !== v.toLowerCase()) {
        return {
          message: `${ctx.paths.secretsScript} reads every item from vault "${read}" (OP_VAULT), not "${v}"`,
          fix: `move the item to vault "${read}", or change OP_VAULT in the script first`,
        };
      }
      if (unanswered(a, 'source') || ctx.onePassword.isOffline(kind(a))) return undefined; // a refused source is reported there
      return lookupProblem(() => ctx.onePassword.vault(kind(a), v));
    },
  },
  {
    name: 'item',
    offline: (ctx, a) => offlineNote(ctx.onePassword, a),
    message: '1Password item',
    help: 'item: the item title',
    type: 'string',
    search: true,
    required: true,
    choices: async (ctx, a, query) => {
      if (unanswered(a, 'source', 'vault') || ctx.onePassword.isOffline(kind(a))) return [];
      return (await ctx.onePassword.findItems(kind(a), a.vault as string, query ?? '')).map(
        (i) => ({ name: i.title, value: i.title }),
      );
    },
    validate: async (v: string, a, ctx) => {
      const problem = cell('item name', v);
      if (problem || unanswered(a, 'source', 'vault') || ctx.onePassword.isOffline(kind(a)))
        return problem; // refused inputs are reported where refused
      return lookupProblem(() => ctx.onePassword.item(kind(a), a.vault as string, v));
    },
  },
  {
    name: 'fields',
    offline: (ctx, a) => offlineNote(ctx.onePassword, a),
    message: 'Fields (one Secret each)',
    help: 'fields: comma list of field labels; each becomes a Secret <app>-<key> with one key',
    type: 'list',
    open: true,
    required: true,
    choices: async (ctx, a) => {
      if (unanswered(a, 'source', 'vault', 'item') || ctx.onePassword.isOffline(kind(a))) return [];
      const described = await ctx.onePassword.item(kind(a), a.vault as string, a.item as string);
      return [...new Set(described.fields.map((f) => f.label))].map((l) => ({ name: l, value: l }));
    },
    validate: async (v: string[], a, ctx) => {
      const none = noFieldsProblem(v, false);
      if (none) return none;
      if (v.includes('*'))
        return {
          message:
            'the bootstrap script makes one Secret per field, so * (the whole item) cannot be taken',
          fix: 'list the fields by name',
        };
      if (new Set(v.map((f) => f.toLowerCase())).size !== v.length)
        return { message: 'a field is named twice', fix: 'list each field once' };
      for (const f of v) {
        const problem = cell('field label', f);
        if (problem) return problem;
      }
      if (unanswered(a, 'source', 'vault', 'item') || ctx.onePassword.isOffline(kind(a)))
        return undefined; // refused inputs are reported where refused
      return fieldsProblem(ctx.onePassword, kind(a), a.vault as string, a.item as string, v);
    },
  },
  {
    name: 'keys',
    message: 'Secret keys (the environment variable names), same order as the fields',
    help: 'keys: comma list of Secret keys, one per field; default: each label in UPPER_SNAKE_CASE',
    type: 'list',
    default: (_ctx, a) => ((a.fields as string[] | undefined) ?? []).map(toSecretKey),
    validate: (v: string[], a) =>
      unanswered(a, 'fields') ? undefined : secretKeysProblem(v, a.fields as string[]), // fields refused: reported there
  },
];
