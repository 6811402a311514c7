import type { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import { HomeopsError } from '../../../src/errors.ts';
import type { ClustertoolAppAnswers } from './inputs.ts';

/**
 * Refuses an app named like a Kustomization of a flux-entry file in the namespace of the app's own
 * Kustomization: its ks.yaml would be that object, so the app would replace what reconciles the
 * whole repo (flux-entry) or its repositories (flux-entry-repos).
 */
export function refuseEntryName(
  ctx: ClustertoolContext,
  a: Pick<ClustertoolAppAnswers, 'name' | 'layer'>,
): void {
  const namespace = ctx.conventions(a.layer).ks.namespace;
  const entry = ctx.index
    .entryKustomizations()
    .find((k) => k.name === a.name && (k.namespace === undefined || k.namespace === namespace));
  if (!entry) return;
  throw new HomeopsError(
    'CONFLICT',
    `${entry.file} already defines the Flux Kustomization ${namespace}/${a.name}, an entry point that reconciles this repo: the app's ks.yaml, a Kustomization of the same name, would replace it`,
    { field: 'name', file: entry.file, fix: 'choose another --name' },
  );
}
