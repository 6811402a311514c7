import type { ArgoAppContext } from '../../../src/engines/argocd/argo-app-context.ts';
import { applies, type Answers, type InputSpec } from '../../../src/inputs/input-spec.ts';
import { secretInputs } from '../secret-inputs.ts';

/**
 * The 1Password inputs of an Argo CD repo read from its objects. Where its apps take their secrets
 * from 1Password operator items: no store, fields or keys (an item becomes a Secret with every
 * field), and the vault the siblings read.
 */
export function argoSecretInputs(
  when: ((a: Answers) => boolean) | undefined,
  storeLabel: string,
): InputSpec<ArgoAppContext>[] {
  const items = (ctx: ArgoAppContext) => ctx.secretKind() === 'onepassword-item';
  return secretInputs<ArgoAppContext>(when).map((input) => {
    const own = input.when;
    if (['store', 'fields', 'keys'].includes(input.name))
      return {
        ...input,
        when: applies(
          storeLabel,
          (a: Answers, ctx: ArgoAppContext) => (own ? own(a, ctx) : true) && !items(ctx),
        ),
      };
    if (input.name === 'vault') {
      const fallback = input.default;
      return {
        ...input,
        default: (ctx, a) => (items(ctx) ? ctx.onePasswordVault() : fallback?.(ctx, a)),
      };
    }
    return input;
  });
}
