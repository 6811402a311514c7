import {
  offlineNote,
  asProblem,
  lookupProblem,
  sourceInput,
  unanswered,
} from '../../../src/secrets/onepassword-inputs.ts';
import type { ArgocdMiseContext } from '../../../src/argocd-mise/argocd-mise-context.ts';
import { dnsLabel, dnsSubdomain } from '../../../src/inputs/checks.ts';
import type { Answers, InputSpec } from '../../../src/inputs/input-spec.ts';
import { checkReferenceName, pickItemByTitle } from '../../../src/onepassword/reference-names.ts';
import type { SourceKind } from '../../../src/onepassword/types.ts';

export type MiseSecretAnswers = {
  app: string;
  source: SourceKind;
  vault: string;
  item: string;
  secretName: string;
};

const kind = (a: Answers) => a.source as SourceKind;
const offline = (ctx: ArgocdMiseContext, a: Answers) => ctx.onePassword.isOffline(kind(a));

/** The one item of this title (or ID) in the vault, found by listing, never by reading the item. */
export async function findItem(
  ctx: ArgocdMiseContext,
  source: SourceKind,
  vault: string,
  item: string,
) {
  const found = await ctx.onePassword.vault(source, vault);
  const items = await ctx.onePassword.findItems(source, vault, '');
  return {
    vault: found,
    item: items.find((i) => i.id === item) ?? pickItemByTitle(items, item, found.title),
  };
}

/**
 * The `secret` inputs of the argocd-mise layout: a OnePasswordItem (the 1Password operator) for an
 * app, naming a vault and an item, checked against 1Password when a source is available. Names
 * only: the operator copies every field of the item into the Secret; no value passes through here.
 */
export const miseSecretInputs: InputSpec<ArgocdMiseContext>[] = [
  {
    name: 'app',
    message: 'App',
    help: 'app: an existing app (its folder name under src/apps/<tier>/)',
    type: 'choice',
    required: true,
    choices: (ctx) =>
      ctx.index.apps().map((app) => ({ name: `${app.name} (${app.tier})`, value: app.name })),
    validate: (v: string) => dnsLabel(v, 'app name'),
  },
  sourceInput<ArgocdMiseContext>((ctx) => ctx.onePassword),
  {
    name: 'vault',
    offline: (ctx, a) => offlineNote(ctx.onePassword, a),
    message: '1Password vault',
    help: "vault: the vault holding the item (title or ID); default the vault of the repo's other OnePasswordItems",
    type: 'choice',
    open: true,
    required: true,
    choices: async (ctx, a) =>
      offline(ctx, a)
        ? []
        : (await ctx.onePassword.vaults(kind(a))).map((v) => ({ name: v.title, value: v.title })),
    default: (ctx) => ctx.conventions().vault,
    validate: async (v: string, a, ctx) => {
      if (unanswered(a, 'source')) return undefined; // the source was refused: reported there
      return offline(ctx, a)
        ? asProblem(checkReferenceName('vault', v))
        : lookupProblem(() => ctx.onePassword.vault(kind(a), v));
    },
  },
  {
    name: 'item',
    offline: (ctx, a) => offlineNote(ctx.onePassword, a),
    message: '1Password item',
    help: 'item: the item title (or ID); the operator copies all its fields. Offline default: <app>-secret',
    type: 'string',
    search: true,
    required: true,
    choices: async (ctx, a, query) => {
      if (offline(ctx, a) || unanswered(a, 'source', 'vault')) return [];
      return (await ctx.onePassword.findItems(kind(a), a.vault as string, query ?? '')).map(
        (i) => ({ name: i.title, value: i.title }),
      );
    },
    default: (ctx, a) =>
      offline(ctx, a) && a.app !== undefined ? `${String(a.app)}-secret` : undefined,
    validate: async (v: string, a, ctx) => {
      if (unanswered(a, 'source')) return undefined; // the source was refused: reported there
      if (offline(ctx, a)) return asProblem(checkReferenceName('item', v));
      if (unanswered(a, 'vault')) return undefined; // the vault was refused: reported there
      return lookupProblem(() => findItem(ctx, kind(a), a.vault as string, v));
    },
  },
  {
    name: 'secretName',
    message: 'Name of the OnePasswordItem and of the Secret it creates',
    help: 'secretName: default the item title when it is a valid name, else <app>-secret',
    type: 'string',
    required: true,
    default: (_ctx, a) => {
      const item = String(a.item ?? '');
      return item && !dnsSubdomain(item, 'Secret') ? item : `${String(a.app)}-secret`;
    },
    validate: (v: string) => dnsSubdomain(v, 'Secret'),
  },
];
