import { HomeopsError } from '../../src/errors.ts';
import { applies, type Answers, type InputSpec } from '../../src/inputs/input-spec.ts';
import { list, requiredText, text } from '../../src/inputs/read-answers.ts';
import type { SecretSpec } from '../../src/model/app-spec.ts';
import { checkReferenceName, toSecretKey } from '../../src/onepassword/reference-names.ts';
import type { SourceKind } from '../../src/onepassword/types.ts';
import type { HasSecrets } from '../../src/secrets/secrets-context.ts';
import {
  asProblem,
  fieldsProblem,
  lookupProblem,
  noFieldsProblem,
  offlineNote,
  secretKeysProblem,
  sourceInput,
  unanswered,
} from '../../src/secrets/onepassword-inputs.ts';

export type SecretAnswers = {
  store: string;
  source: SourceKind;
  vault: string;
  item: string;
  /** Field labels, or ['*'] for the whole item. */
  fields: string[];
  keys: string[];
};

const WHOLE_ITEM = '*';

const kind = (a: Answers) => a.source as SourceKind;
const store = (ctx: HasSecrets, a: Answers) => ctx.secrets.pick(a.store as string | undefined);
const offline = (ctx: HasSecrets, a: Answers) => ctx.secrets.onePassword.isOffline(kind(a));
const typedWhy = (ctx: HasSecrets, a: Answers) => offlineNote(ctx.secrets.onePassword, a);

/**
 * The inputs that pick 1Password references for an ExternalSecret: the `secret` generator's, and
 * the `app` generator's when it is asked for secrets (`when`). Names and IDs only, never values.
 */
export function secretInputs<C extends HasSecrets>(
  when: (a: Answers) => boolean = () => true,
): InputSpec<C>[] {
  return [
    {
      name: 'store',
      message: '1Password ClusterSecretStore',
      help: 'store: the ClusterSecretStore to read through; default: the only one in the repo',
      type: 'choice',
      required: true,
      when,
      choices: (ctx) =>
        ctx.secrets.stores().map((s) => ({
          name: `${s.name} (${s.provider === 'sdk' ? 'service account' : 'Connect'}, ${s.file})`,
          value: s.name,
        })),
      default: (ctx) =>
        ctx.secrets.stores().length <= 1 ? ctx.secrets.pick(undefined).name : undefined,
      // a store the repo has not for 1Password (or none at all): what it has, and what to do
      open: true,
      validate: (v: string, _a, ctx) => {
        try {
          ctx.secrets.pick(v);
          return undefined;
        } catch (e) {
          if (!(e instanceof HomeopsError)) throw e;
          return { message: e.message, ...(e.fix ? { fix: e.fix } : {}) };
        }
      },
    },
    sourceInput<C>((ctx) => ctx.secrets.onePassword, when),
    {
      name: 'vault',
      offline: typedWhy,
      message: '1Password vault',
      help: "vault: the vault holding the item; default: the store's (first) vault",
      type: 'choice',
      open: true,
      required: true,
      when,
      choices: async (ctx, a) => {
        if (offline(ctx, a)) return [];
        const readable = store(ctx, a).vaults.map((v) => v.toLowerCase());
        const vaults = await ctx.secrets.onePassword.vaults(kind(a));
        return vaults
          .filter(
            (v) =>
              readable.length === 0 ||
              readable.includes(v.title.toLowerCase()) ||
              readable.includes(v.id),
          )
          .map((v) => ({ name: v.title, value: v.title }));
      },
      // no store (refused, or one of several not named): nothing to default from, and its problem is reported there
      default: (ctx, a) =>
        a.store === undefined && ctx.secrets.stores().length > 1
          ? undefined
          : store(ctx, a).vaults[0],
      validate: async (v: string, a, ctx) => {
        if (unanswered(a, 'store', 'source')) return undefined; // refused: reported there
        const s = store(ctx, a);
        const reads = (title: string, id?: string) =>
          s.vaults.length === 0 ||
          s.vaults.some((n) => n.toLowerCase() === title.toLowerCase() || n === id);
        const notRead = {
          message: `ClusterSecretStore ${s.name} does not read vault "${v}" (it reads ${s.vaults.join(', ')})`,
          fix: `use one of its vaults, or add "${v}" to the store in ${s.file}`,
        };
        if (offline(ctx, a)) return reads(v) ? undefined : notRead;
        const problem = await lookupProblem(() => ctx.secrets.onePassword.vault(kind(a), v));
        if (problem) return problem;
        const found = await ctx.secrets.onePassword.vault(kind(a), v);
        return reads(found.title, found.id) ? undefined : notRead;
      },
    },
    {
      name: 'item',
      offline: typedWhy,
      message: '1Password item',
      help: 'item: the item title (or ID)',
      type: 'string',
      search: true,
      required: true,
      when,
      choices: async (ctx, a, query) => {
        if (offline(ctx, a) || a.vault === undefined) return [];
        const items = await ctx.secrets.onePassword.findItems(
          kind(a),
          a.vault as string,
          query ?? '',
        );
        return items.map((i) => ({ name: i.title, value: i.title }));
      },
      validate: async (v: string, a, ctx) => {
        if (unanswered(a, 'store', 'source')) return undefined; // refused: reported there
        if (offline(ctx, a))
          return store(ctx, a).provider === 'sdk'
            ? asProblem(checkReferenceName('item', v))
            : undefined;
        if (unanswered(a, 'vault')) return undefined; // the vault was refused: reported there
        return lookupProblem(() => ctx.secrets.onePassword.item(kind(a), a.vault as string, v));
      },
    },
    {
      name: 'fields',
      offline: typedWhy,
      message: 'Fields (or * for the whole item)',
      help: 'fields: comma list of field labels, or * for every field of the item',
      type: 'list',
      open: true,
      required: true,
      when,
      choices: async (ctx, a) => {
        if (offline(ctx, a) || unanswered(a, 'vault', 'item')) return [];
        const described = await ctx.secrets.onePassword.item(
          kind(a),
          a.vault as string,
          a.item as string,
        );
        const labels = [...new Set(described.fields.map((f) => f.label))];
        return [
          { name: '* (the whole item)', value: WHOLE_ITEM },
          ...labels.map((l) => ({ name: l, value: l })),
        ];
      },
      validate: async (v: string[], a, ctx) => {
        const none = noFieldsProblem(v, true);
        if (none) return none;
        if (v.includes(WHOLE_ITEM))
          return v.length === 1
            ? undefined
            : {
                message: '* takes the whole item and cannot be combined with field names',
                fix: 'pass --fields=* alone, or list the fields',
              };
        if (new Set(v.map((f) => f.toLowerCase())).size !== v.length)
          return { message: 'a field is named twice', fix: 'list each field once' };
        if (unanswered(a, 'store', 'source')) return undefined; // refused: reported there
        if (offline(ctx, a)) {
          if (store(ctx, a).provider !== 'sdk') return undefined;
          for (const f of v) {
            const problem = asProblem(checkReferenceName('field', f));
            if (problem) return problem;
          }
          return undefined;
        }
        if (unanswered(a, 'vault', 'item')) return undefined; // the vault or item was refused: reported there
        return fieldsProblem(
          ctx.secrets.onePassword,
          kind(a),
          a.vault as string,
          a.item as string,
          v,
        );
      },
    },
    {
      name: 'keys',
      message: 'Kubernetes Secret keys, same order as the fields',
      help: 'keys: comma list of Secret keys, one per field; default: each label in UPPER_SNAKE_CASE',
      type: 'list',
      when: applies(
        'when --fields names fields (with --fields=* every field keeps its own name)',
        (a: Answers) => when(a) && !(a.fields as string[] | undefined)?.includes(WHOLE_ITEM),
      ),
      default: (_ctx, a) => ((a.fields as string[] | undefined) ?? []).map(toSecretKey),
      validate: (v: string[], a) =>
        unanswered(a, 'fields') ? undefined : secretKeysProblem(v, a.fields as string[]), // fields refused: reported there
    },
  ];
}

/** The references the `secret` inputs picked, as the engines take them. */
export const secretSpecOf = (answers: Answers): SecretSpec => ({
  store: text(answers, 'store'),
  vault: text(answers, 'vault'),
  item: requiredText(answers, 'item'),
  fields: list(answers, 'fields'),
  keys: list(answers, 'keys'),
  source: text(answers, 'source'),
});
