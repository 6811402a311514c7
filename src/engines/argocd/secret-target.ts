import { posix } from 'node:path';
import { HomeopsError } from '../../errors.ts';
import { dig } from '../../repo/graph/objects.ts';
import {
  appTemplateContainer,
  deploymentContainer,
  type ContainerAt,
} from '../../secrets/env-from.ts';
import type { Choice } from '../../inputs/input-spec.ts';
import type { YamlPath } from '../../yaml/edit/edit-types.ts';
import type { AppEntry } from './app-entries.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { groupOfFolder, type AppSlot } from './app-slots.ts';
import { exampleOf, type ArgoExample } from './examples.ts';
import { learnArgoConventions, type ArgoFolderConventions } from './folder-conventions.ts';

/** The names of the app folders the repo's ApplicationSets pick up (a name may be in several groups). */
export const appFolderNames = (ctx: ArgoAppContext): string[] =>
  ctx.slots.flatMap((s) => s.folders.map((f) => posix.basename(f.dir)));

/** The names of the apps `homeops secret` can write to: app folders, or an app of apps' Applications. */
export const secretAppNames = (ctx: ArgoAppContext): string[] =>
  ctx.mode === 'appset' ? appFolderNames(ctx) : ctx.entries().map((e) => e.app.name);

/**
 * The apps to offer `homeops secret`, sorted; an Application that cannot take one (no manifests
 * folder of this repo, or a chart folder) is shown with the reason, and explained when picked.
 */
export function secretAppChoices(ctx: ArgoAppContext): Choice[] {
  const names = [...new Set(secretAppNames(ctx))].sort();
  if (ctx.mode === 'appset') return names.map((n) => ({ name: n, value: n }));
  return names.map((n) => {
    const entries = ctx.entries().filter((e) => e.app.name === n);
    const reasons = entries.map((e) => cannotTakeSecret(ctx, e));
    const reason = reasons.every((r) => r !== undefined) ? reasons[0] : undefined;
    return reason ? { name: n, value: n, disabled: reason } : { name: n, value: n };
  });
}

/** Why an app of apps' Application cannot take a secret, in a few words; undefined when it can. */
const cannotTakeSecret = (ctx: ArgoAppContext, entry: AppEntry): string | undefined =>
  !entry.manifestsDir
    ? 'no manifests folder in this repo'
    : ctx.repo.tree.isFile(posix.join(entry.manifestsDir, 'Chart.yaml'))
      ? 'a Helm chart folder'
      : undefined;

/** An existing app as `homeops secret` writes to it, in either Argo CD shape. */
export interface SecretTarget {
  /** The folder its manifests are in: the secret's file goes there. */
  dir: string;
  app: ArgoExample;
  examples: ArgoExample[];
  conventions: ArgoFolderConventions;
  /** Where its container is (its chart values, else its Deployment). */
  container: { file: string; at: ContainerAt } | undefined;
  /** What syncs the folder, for the next step. */
  syncedBy: string;
}

/** The existing app `homeops secret` writes to, found by name (and group, where names repeat). */
export const secretTarget = (
  ctx: ArgoAppContext,
  name: string,
  group: string | undefined,
): SecretTarget =>
  ctx.mode === 'appset' ? appSetTarget(ctx, name, group) : appOfAppsTarget(ctx, name, group);

/** One app of several found by name: the one of `group`, else an error naming the apps there are. */
function oneByName<T extends { group: string | undefined; where: string }>(
  found: T[],
  name: string,
  group: string | undefined,
  names: string[],
  noneHere: string,
): T {
  const inGroup = found.filter((a) => group === undefined || a.group === group);
  const [only] = inGroup;
  if (only && inGroup.length === 1) return only;
  const sorted = [...names].sort();
  throw new HomeopsError(
    'INVALID_INPUT',
    inGroup.length > 1
      ? `apps named ${name} are in several groups (${inGroup.map((f) => f.where).join(', ')})`
      : `no app ${name} ${noneHere}`,
    {
      field: inGroup.length > 1 ? 'group' : 'app',
      fix:
        inGroup.length > 1
          ? `pass --group=<one of: ${inGroup.map((f) => f.group ?? '').join(', ')}>`
          : `name an existing app (${sorted.slice(0, 8).join(', ')}${sorted.length > 8 ? ', ...' : ''}), or create it with homeops app`,
    },
  );
}

/** An app folder an ApplicationSet picks up, found by the app's name (and group, where names repeat). */
export function findAppFolder(
  ctx: ArgoAppContext,
  name: string,
  group: string | undefined,
): { slot: AppSlot; dir: string; group: string | undefined } {
  const all = ctx.slots.flatMap((slot) =>
    slot.folders
      .filter((f) => posix.basename(f.dir) === name)
      .map((f) => ({ slot, dir: f.dir, group: groupOfFolder(slot, f.dir), where: f.dir })),
  );
  return oneByName(
    all,
    name,
    group,
    appFolderNames(ctx),
    'is picked up by an ApplicationSet of this repo',
  );
}

function appSetTarget(ctx: ArgoAppContext, name: string, group: string | undefined): SecretTarget {
  const place = findAppFolder(ctx, name, group);
  const app = exampleOf(ctx.model, place.slot, place.dir, true);
  return {
    dir: place.dir,
    app,
    ...ctx.learn(place),
    container: containerOf(app, chartValuesAt(app)),
    syncedBy: `Argo CD syncs ${place.dir}`,
  };
}

/**
 * An app of an app of apps: its manifests folder (its Application's git source) takes the secret,
 * and its values (a `$values/` file, or the Application's own `valuesObject`) the envFrom.
 */
function appOfAppsTarget(
  ctx: ArgoAppContext,
  name: string,
  group: string | undefined,
): SecretTarget {
  const entries = ctx.entries();
  const entry = oneByName(
    entries.filter((e) => e.app.name === name).map((e) => ({ ...e, where: e.app.object.file })),
    name,
    group,
    secretAppNames(ctx),
    'is an Application a root Application of this repo reads',
  );
  const file = entry.app.object.file;
  if (!entry.manifestsDir) {
    const sibling =
      entries.find((e) => e.manifestsDir && e.group === entry.group) ??
      entries.find((e) => e.manifestsDir);
    throw new HomeopsError(
      'INVALID_INPUT',
      `the Application ${name} has no git source of a folder in this repo for its manifests, where its secret would go`,
      {
        field: 'app',
        file,
        fix: sibling
          ? `add a git source with the app's manifests folder to ${file}, as ${sibling.app.name} has (${sibling.manifestsDir})${dig(entry.app.object.data, 'spec', 'sources') ? '' : ': move its spec.source into a spec.sources list beside it'}, then run this again`
          : `add the ExternalSecret to the app by hand`,
      },
    );
  }
  if (ctx.repo.tree.isFile(posix.join(entry.manifestsDir, 'Chart.yaml')))
    throw new HomeopsError(
      'INVALID_INPUT',
      `the Application ${name} reads ${entry.manifestsDir} as a Helm chart: its secret would be one of the chart's templates`,
      {
        field: 'app',
        file: posix.join(entry.manifestsDir, 'Chart.yaml'),
        fix: `add the ExternalSecret to ${entry.manifestsDir}/templates/ by hand, following a sibling`,
      },
    );
  // its siblings, its group's first
  const examples = ctx.examples(entry.group).filter((e) => e !== entry.example);
  const values = entry.valuesFile
    ? { file: entry.valuesFile, under: [] }
    : entry.valuesObjectAt && { file, under: entry.valuesObjectAt };
  return {
    dir: entry.manifestsDir,
    app: entry.example,
    examples,
    conventions: learnArgoConventions(examples),
    container: containerOf(entry.example, values),
    syncedBy: `Application ${name} (${file}) syncs ${entry.manifestsDir}`,
  };
}

/** Where an ApplicationSet app's chart values are: a values file, inline `valuesInline`, under an umbrella key. */
function chartValuesAt(app: ArgoExample): { file: string; under: YamlPath } | undefined {
  if (!app.chart) return undefined;
  if (app.chart.inline && !app.umbrella) {
    const kustomization = app.docs.find((d) => d.role === 'kustomization')?.file;
    return kustomization
      ? { file: kustomization, under: ['helmCharts', 0, 'valuesInline'] }
      : undefined;
  }
  return {
    file: posix.join(app.dir, app.chart.valuesFile ?? 'values.yaml'),
    under: app.umbrella ? [app.umbrella.key] : [],
  };
}

/** Where the app's container is: in its app-template values, else its Deployment. */
function containerOf(
  app: ArgoExample,
  values: { file: string; under: YamlPath } | undefined,
): { file: string; at: ContainerAt } | undefined {
  const name = app.vocab.app ?? posix.basename(app.dir);
  if (app.features.appTemplate && values)
    return { file: values.file, at: appTemplateContainer(name, values.under) };
  const deployment = app.docs.find((d) => d.role === 'other:Deployment')?.file;
  return deployment ? { file: deployment, at: deploymentContainer(name) } : undefined;
}
