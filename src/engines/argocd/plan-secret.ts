import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { SecretSpec } from '../../model/app-spec.ts';
import { dig } from '../../repo/graph/objects.ts';
import { appTemplateContainer, deploymentContainer, wireEnvFrom } from '../../secrets/env-from.ts';
import type { YamlPath } from '../../yaml/edit/edit-types.ts';
import { registerEntry } from '../flux/register-entry.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { groupOfFolder, type AppSlot } from './app-slots.ts';
import { exampleOf, type ArgoExample } from './examples.ts';
import { docFileName, learnFolderDoc, learningPools, secretDoc } from './folder-docs.ts';

/** The names of the app folders the repo's ApplicationSets pick up (a name may be in several groups). */
export const appFolderNames = (ctx: ArgoAppContext): string[] =>
  ctx.slots.flatMap((s) => s.folders.map((f) => posix.basename(f.dir)));

/** An app folder an ApplicationSet picks up, found by the app's name (and group, where names repeat). */
export function findAppFolder(
  ctx: ArgoAppContext,
  name: string,
  group: string | undefined,
): { slot: AppSlot; dir: string; group: string | undefined } {
  const all = ctx.slots.flatMap((slot) =>
    slot.folders
      .filter((f) => posix.basename(f.dir) === name)
      .map((f) => ({ slot, dir: f.dir, group: groupOfFolder(slot, f.dir) })),
  );
  const found = all.filter((a) => group === undefined || a.group === group);
  const [only] = found;
  if (only && found.length === 1) return only;
  const names = appFolderNames(ctx).sort();
  throw new HomeopsError(
    'INVALID_INPUT',
    found.length > 1
      ? `apps named ${name} are in several groups (${found.map((f) => f.dir).join(', ')})`
      : `no app ${name} is picked up by an ApplicationSet of this repo`,
    {
      field: found.length > 1 ? 'group' : 'app',
      fix:
        found.length > 1
          ? `pass --group=<one of: ${found.map((f) => f.group ?? '').join(', ')}>`
          : `name an existing app (${names.slice(0, 8).join(', ')}${names.length > 8 ? ', ...' : ''}), or create it with homeops app`,
    },
  );
}

/**
 * `homeops secret` for an existing app of an ApplicationSet repo: its ExternalSecret (or 1Password
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
  const place = findAppFolder(ctx, name, group);
  const app = exampleOf(ctx.model, place.slot, place.dir, true);
  const { examples, conventions } = ctx.learn(place);
  const umbrella = app.umbrella !== undefined;
  const pools = learningPools(ctx, examples, app.features.appTemplate === true);
  const doc = await secretDoc(ctx, name, secret, pools);
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
  const secretName = `${name}-secret`;
  const warnings: string[] = [];
  const target = containerOf(ctx, app);
  if (!target || !wireEnvFrom(ctx.repo.tree, target.file, target.at, [secretName]))
    warnings.push(
      `no app-template container or Deployment found in ${place.dir}: reference the Secret ${secretName} from the app yourself`,
    );
  const kind = doc.role === 'externalsecret' ? 'ExternalSecret' : 'OnePasswordItem';
  return {
    summary: `${kind} for ${name} (Secret ${secretName}) in ${file}`,
    nextSteps: [
      `check that 1Password item "${secret.item}" has ${secret.fields.length ? `the fields ${secret.fields.join(', ')}` : 'the fields the app needs'}`,
      `commit and push: Argo CD syncs ${place.dir}; then kubectl get ${kind.toLowerCase()} -A | grep ${name}`,
    ],
    warnings,
  };
}

/** Where the app's container is: its chart values (a file, inline, under an umbrella key), else its Deployment. */
function containerOf(
  ctx: ArgoAppContext,
  app: ArgoExample,
): { file: string; at: ReturnType<typeof appTemplateContainer> } | undefined {
  const name = app.vocab.app ?? posix.basename(app.dir);
  if (app.chart && app.features.appTemplate) {
    const inline = app.docs.find((d) => d.role === 'kustomization')?.file;
    const under: YamlPath = app.umbrella
      ? [app.umbrella.key]
      : app.chart.inline
        ? ['helmCharts', 0, 'valuesInline']
        : [];
    const file =
      app.chart.inline && !app.umbrella
        ? inline
        : posix.join(app.dir, app.chart.valuesFile ?? 'values.yaml');
    return file ? { file, at: appTemplateContainer(name, under) } : undefined;
  }
  const deployment = app.docs.find((d) => d.role === 'other:Deployment')?.file;
  return deployment ? { file: deployment, at: deploymentContainer(name) } : undefined;
}
