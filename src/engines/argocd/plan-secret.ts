import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { SecretSpec } from '../../model/app-spec.ts';
import { dig } from '../../repo/graph/objects.ts';
import { wireEnvFrom } from '../../secrets/env-from.ts';
import { registerEntry } from '../flux/register-entry.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { docFileName, learnFolderDoc, learningPools, secretDoc } from './folder-docs.ts';
import { secretNameFor } from '../../secrets/secret-name.ts';
import { secretTarget } from './secret-target.ts';

/**
 * `homeops secret` for an existing app of an Argo CD repo (an ApplicationSet's folder or an app of apps' Application): its ExternalSecret (or 1Password
 * item) written as the siblings write theirs (a Helm template in an umbrella chart), listed in the
 * folder's kustomization where it has one, and the Secret wired into the app's container. Names
 * only; never a value.
 */
export async function planArgoSecret(
  ctx: ArgoAppContext,
  name: string,
  group: string | undefined,
  secret: SecretSpec,
): Promise<PlanResult> {
  const place = secretTarget(ctx, name, group);
  const { app, examples, conventions } = place;
  const umbrella = app.umbrella !== undefined;
  const pools = learningPools(ctx, examples, app.features.appTemplate === true);
  const secretName = secretNameFor([app, ...examples], name);
  const doc = await secretDoc(ctx, name, secretName, secret, pools);
  if (doc.role === 'values') throw new Error('a secret is not chart values');
  const existing = app.docs.find((d) => d.role === doc.role)?.file;
  const relative = existing
    ? posix.relative(place.dir, existing)
    : docFileName(doc.role, conventions, app.vocab, umbrella);
  const features = { ...app.features, secret: true };
  const text = learnFolderDoc(doc, relative, app.vocab, pools, features, umbrella);
  const file = `${place.dir}/${relative}`;
  const current = ctx.repo.tree.read(file);
  if (current !== undefined && current !== text)
    throw new HomeopsError(
      'CONFLICT',
      `app ${name} already has ${relative}, with other references`,
      {
        file,
        fix: 'edit it by hand, or remove it and run this again',
      },
    );
  ctx.repo.tree.create(file, text);
  const kustomization = app.docs.find((d) => d.role === 'kustomization');
  if (kustomization && !umbrella) {
    const listed = ((dig(kustomization.object?.data, 'resources') ?? []) as unknown[]).filter(
      (x): x is string => typeof x === 'string',
    );
    registerEntry(
      ctx.repo.tree,
      kustomization.file,
      `${conventions.resourcePrefix}${relative}`,
      listed,
    );
  }
  const warnings: string[] = [];
  const target = place.container;
  if (!target || !wireEnvFrom(ctx.repo.tree, target.file, target.at, [secretName]))
    warnings.push(
      `no app-template container or Deployment found in ${place.dir}: reference the Secret ${secretName} from the app yourself`,
    );
  const kind = doc.role === 'externalsecret' ? 'ExternalSecret' : 'OnePasswordItem';
  return {
    summary: `${kind} for ${name} (Secret ${secretName}) in ${file}`,
    nextSteps: [
      `check that 1Password item "${secret.item}" has ${secret.fields.length ? `the fields ${secret.fields.join(', ')}` : 'the fields the app needs'}`,
      `commit and push: ${place.syncedBy}; then kubectl get ${kind.toLowerCase()} -A | grep ${name}`,
    ],
    warnings,
  };
}
