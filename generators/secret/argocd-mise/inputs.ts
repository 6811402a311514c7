import type { ArgocdMiseContext } from '../../../src/argocd-mise/argocd-mise-context.ts';
import { HomeopsError, isHomeopsError } from '../../../src/errors.ts';
import { dnsLabel, dnsSubdomain } from '../../../src/inputs/checks.ts';
import type { Answers, InputSpec, Problem } from '../../../src/inputs/input-spec.ts';
import { checkReferenceName, pickItemByTitle } from '../../../src/onepassword/reference-names.ts';
import type { SourceKind } from '../../../src/onepassword/types.ts';

export interface MiseSecretAnswers {
  app: string;
  source: SourceKind;
  vault: string;
  item: string;
  secretName: string;
}

const kind = (a: Answers) => a.source as SourceKind;
const offline = (ctx: ArgocdMiseContext, a: Answers) => ctx.onePassword.isOffline(kind(a));

/** A lookup's refusal (not found, ambiguous) as the input's problem; outages are thrown as they are. */
async function lookupProblem(run: () => Promise<unknown>): Promise<Problem | undefined> {
  try {
    await run();
    return undefined;
  } catch (error) {
    if (isHomeopsError(error) && ['SOURCE_NOT_FOUND', 'SOURCE_AMBIGUOUS', 'INVALID_INPUT'].includes(error.code)) return { message: error.message, fix: error.fix };
    throw error;
  }
}

const asProblem = (error: HomeopsError | undefined): Problem | undefined => (error ? { message: error.message, fix: error.fix } : undefined);

/** The one item of this title (or ID) in the vault, found by listing, never by reading the item. */
export async function findItem(ctx: ArgocdMiseContext, source: SourceKind, vault: string, item: string) {
  const found = await ctx.onePassword.vault(source, vault);
  const items = await ctx.onePassword.findItems(source, vault, '');
  return { vault: found, item: items.find((i) => i.id === item) ?? pickItemByTitle(items, item, found.title) };
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
    choices: (ctx) => ctx.index.apps().map((app) => ({ name: `${app.name} (${app.tier})`, value: app.name })),
    validate: (v: string) => dnsLabel(v, 'app name'),
  },
  {
    name: 'source',
    message: 'Where the 1Password names come from',
    help: 'source: sdk | connect | offline; default from the environment (OP_SERVICE_ACCOUNT_TOKEN, OP_CONNECT_HOST + OP_CONNECT_TOKEN, else offline)',
    type: 'choice',
    prompt: false,
    choices: () => ['sdk', 'connect', 'offline'].map((v) => ({ name: v, value: v })),
    default: (ctx) => ctx.onePassword.defaultKind(),
    validate: (v: SourceKind, _a, ctx) => {
      try {
        ctx.onePassword.checkKind(v);
        return undefined;
      } catch (error) {
        if (error instanceof HomeopsError) return { message: error.message, fix: error.fix };
        throw error;
      }
    },
  },
  {
    name: 'vault',
    message: '1Password vault',
    help: "vault: the vault holding the item (title or ID); default the vault of the repo's other OnePasswordItems",
    type: 'choice',
    open: true,
    required: true,
    choices: async (ctx, a) => (offline(ctx, a) ? [] : (await ctx.onePassword.vaults(kind(a))).map((v) => ({ name: v.title, value: v.title }))),
    default: (ctx) => ctx.conventions().vault,
    validate: async (v: string, a, ctx) => (offline(ctx, a) ? asProblem(checkReferenceName('vault', v)) : lookupProblem(() => ctx.onePassword.vault(kind(a), v))),
  },
  {
    name: 'item',
    message: '1Password item',
    help: 'item: the item title (or ID); the operator copies all its fields. Offline default: <app>-secret',
    type: 'string',
    search: true,
    required: true,
    choices: async (ctx, a, query) => {
      if (offline(ctx, a) || a.vault === undefined) return [];
      return (await ctx.onePassword.findItems(kind(a), a.vault as string, query ?? '')).map((i) => ({ name: i.title, value: i.title }));
    },
    default: (ctx, a) => (offline(ctx, a) && a.app !== undefined ? `${String(a.app)}-secret` : undefined),
    validate: async (v: string, a, ctx) => {
      if (offline(ctx, a)) return asProblem(checkReferenceName('item', v));
      if (a.vault === undefined) return undefined; // the vault was refused: reported there
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
