import { posix } from 'node:path';
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { Example } from '../../learn/merge.ts';
import type { FeatureSet } from '../../learn/role.ts';
import { learnDocument } from '../../learn/learn-document.ts';
import { emitDocuments } from '../../learn/emit.ts';
import { fillText, type Vocabulary } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import type { FileRole } from '../../repo/graph/app-files.ts';
import { render } from '../../render/templates.ts';
import { orderKeys } from '../../learn/key-order.ts';
import { shapeOf, type AppExample } from './examples.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';
import { registerEntry } from './register-entry.ts';
import { applyPins } from './pinned-conventions.ts';
import { ensureClaimMount } from './claim-mount.ts';
import type { DocShape } from '../../learn/tree.ts';
import { whereNameIsTaken } from './name-taken.ts';
import * as roles from './roles.ts';
import { appView } from './app-view.ts';
import { plannedDocs } from './planned-docs.ts';
import { vocabularyOf } from './vocabulary-of.ts';
import { describesWholeItem, externalSecretTemplate } from './external-secret.ts';
import { newAppSubstituted } from './substituted-folder.ts';

/** File names of a role where the siblings tell none. */
const DEFAULT_FILES: Partial<Record<FileRole, string>> = {
  kustomization: 'kustomization.yaml',
  helmrelease: 'helmrelease.yaml',
  'chart-source': 'ocirepository.yaml',
  route: 'httproute.yaml',
  claim: 'pvc.yaml',
  externalsecret: 'externalsecret.yaml',
  namespace: 'namespace.yaml',
};

/**
 * A Flux app, written as its siblings are: the entry Kustomization where the group keeps its
 * entries, registered as they are, and the app folder's files, each learned from the siblings'
 * files of the same role (see src/learn). New namespace folders are made first where needed.
 */
export async function planFluxApp(
  ctx: FluxAppContext,
  spec: AppSpec,
  placements: readonly Placement[],
): Promise<PlanResult> {
  const [primary] = placements;
  if (!primary) throw new Error('an app goes to at least one cluster');
  const chartUrl = spec.chart.kind === 'oci' ? spec.chart.url : undefined;
  const { examples, conventions } = ctx.learn(primary, chartUrl);
  const view = appView(ctx, spec, primary, conventions, examples);
  const vocab = vocabularyOf(spec, ctx, primary);
  const appDir = fill(
    conventions.appDir,
    vocab,
    `${groupDir(ctx, primary, spec)}/${spec.name}/app`,
  );
  const features: FeatureSet = {
    appTemplate: view.appTemplate,
    route: spec.route.kind !== 'none',
    storage: spec.storage !== undefined,
    secret: spec.secret !== undefined,
    dependsOn: view.ks.dependsOn.length > 0,
    healthPath: spec.healthPath !== undefined,
    tcpProbe: spec.healthPath === undefined,
  };
  const pin = (doc: DocShape) => applyPins(doc, ctx.repo.config.conventions);
  // a flat repo's root takes the folder in as it is: no entry, nothing to register
  const flat = ctx.flat(primary.cluster);
  // the entry Kustomization of each cluster, learned from that cluster's entries
  const entries = new Map(
    (flat ? [] : placements).map((placement) => {
      const examples = examplesOf(ctx, ctx.learn(placement, chartUrl).examples, 'entry');
      const template = render('flux/app/ks.yaml', view);
      const entryVocab = vocabularyOf(spec, ctx, placement);
      return [placement, learnDocument(template, entryVocab, examples, roles.ENTRY, features, pin)];
    }),
  );
  const docs = plannedDocs(spec, conventions, view, examples);
  const substituted = newAppSubstituted(ctx, primary, entries.get(primary));
  const secret = spec.secret
    ? await externalSecretTemplate(
        ctx,
        primary.cluster,
        spec.name,
        spec.secret,
        examples,
        substituted,
      )
    : undefined;
  if (secret)
    docs.push({
      role: 'externalsecret',
      template: secret.template,
      compiled: roles.EXTERNAL_SECRET,
    });
  // the HelmRelease: the claim mounted where the input says, as app-template reads it
  const pinHelmRelease = (doc: DocShape) =>
    pin(view.storage ? ensureClaimMount(doc, view.storage.claimName, view.storage.mountPath) : doc);
  const byFile = new Map<string, { role: FileRole; text: string }[]>();
  for (const doc of docs) {
    const name = fill(
      conventions.files[doc.role] ?? '',
      vocab,
      DEFAULT_FILES[doc.role] ?? `${doc.role}.yaml`,
    );
    const pool = doc.sameChartOnly
      ? examples.filter((e) => e.features.appTemplate === view.appTemplate)
      : examples;
    const text = learnDocument(
      doc.template,
      vocab,
      examplesOf(ctx, pool, doc.role),
      doc.compiled,
      features,
      doc.role === 'helmrelease' ? pinHelmRelease : pin,
    );
    byFile.set(name, [...(byFile.get(name) ?? []), { role: doc.role, text }]);
  }
  const files = [...byFile.keys()];
  if (conventions.kustomization && !byFile.has('kustomization.yaml')) {
    const listed = files.map((f) => `${conventions.resourcePrefix}${f}`);
    const resources = orderKeys(
      listed,
      [...listed].sort(),
      conventions.resourceOrders.map((o) => o.map((x) => fillText(x, vocab) ?? x)),
    );
    const template = render('flux/app/kustomization.yaml', { ...view, resources });
    byFile.set('kustomization.yaml', [
      {
        role: 'kustomization',
        text: learnDocument(
          template,
          vocab,
          examplesOf(ctx, examples, 'kustomization'),
          roles.KUSTOMIZATION,
          features,
          pin,
        ),
      },
    ]);
  }
  const conflict = (path: string) => ({
    message: `app ${spec.namespace}/${spec.name} already exists and differs from what these inputs generate (${path})`,
    field: 'name',
    fix: 'choose another --name, or remove the existing app first: homeops never overwrites an app',
  });
  for (const [name, parts] of byFile) {
    const path = `${appDir}/${name}`;
    const ordered = docOrder(parts, examples);
    ctx.repo.tree.create(path, ordered.map((p) => p.text).join(''), conflict(path));
  }
  // the entry Kustomization, in each cluster's group
  for (const [placement, entry] of entries) {
    const group = placement.group;
    if (!group) throw new Error('the namespace folder is made before the app');
    const entryVocab = vocabularyOf(spec, ctx, placement);
    const entryPath = posix.join(
      group.dir,
      fill(conventions.entryFile, entryVocab, `${spec.name}/ks.yaml`),
    );
    const taken = whereNameIsTaken(ctx, placement, spec.name, view.ks.ownNamespace, entryPath);
    if (taken) {
      throw new HomeopsError(
        'CONFLICT',
        `a Flux Kustomization ${view.ks.ownNamespace}/${spec.name} already exists (${taken}): a new app of that name would replace it`,
        {
          file: taken.includes('/') ? taken : undefined,
          field: 'name',
          fix: 'choose another --name',
        },
      );
    }
    const inAppDir = posix.dirname(entryPath) === appDir && byFile.has(posix.basename(entryPath));
    if (inAppDir)
      throw new HomeopsError('CONFLICT', `the entry ${entryPath} would be one of the app's files`, {
        file: entryPath,
        fix: 'set the entry file in .homeops.yaml',
      });
    ctx.repo.tree.create(entryPath, entry, conflict(entryPath));
    if (group.unit.file) {
      const line = fill(
        conventions.registration,
        entryVocab,
        `./${posix.relative(group.dir, entryPath)}`,
      );
      const entries = ctx.model.graph.appEntries(group);
      registerEntry(ctx.repo.tree, group.unit.file, line, entries);
    }
  }
  const where = appDir.endsWith('/app') ? posix.dirname(appDir) : appDir;
  return {
    summary: `app ${spec.name} in namespace ${spec.namespace}${placements.length > 1 ? ` (clusters ${spec.clusters.join(', ')})` : ''}${secret ? ', with an ExternalSecret from 1Password' : ''}: ${where}/`,
    nextSteps: [
      ...(spec.secret
        ? [
            `check that 1Password item "${spec.secret.item}" in vault "${spec.secret.vault}" has ${describesWholeItem(spec.secret.fields) ? 'the fields the app needs' : `the fields ${spec.secret.fields.join(', ')}`}`,
          ]
        : []),
      `review the HelmRelease values in ${appDir}/${fill(conventions.files.helmrelease ?? '', vocab, 'helmrelease.yaml')}`,
      `commit and push, then: flux reconcile kustomization ${primary.cluster.roots[0]?.name ?? 'flux-system'} -n ${primary.cluster.roots[0]?.namespace ?? 'flux-system'} --with-source`,
      `watch it: flux get kustomization ${spec.name} -n ${view.ks.ownNamespace ?? spec.namespace}; flux get helmrelease ${spec.name} -n ${spec.namespace}`,
    ],
    warnings: [...view.warnings, ...(secret?.warnings ?? [])],
  };
}

/** The siblings' documents of a role, as examples for the merge. */
function examplesOf(
  ctx: FluxAppContext,
  examples: readonly AppExample[],
  role: FileRole,
): Example[] {
  return examples.flatMap((e) => {
    const doc = e.docs.find((d) => d.role === role);
    const shape = doc && shapeOf(ctx.model, e, doc);
    return shape ? [{ shape, features: e.features }] : [];
  });
}

function groupDir(ctx: FluxAppContext, placement: Placement, spec: AppSpec): string {
  return placement.group?.dir ?? spec.namespace;
}

function fill(pattern: string, vocab: Vocabulary, fallback: string): string {
  return (pattern && fillText(pattern, vocab)) || fallback;
}

export { emitDocuments };

/**
 * The documents of a file that holds several (a flat repo's `<app>.yaml`), in the order the
 * siblings' files that hold several keep theirs.
 */
function docOrder<T extends { role: FileRole }>(
  parts: readonly T[],
  examples: readonly AppExample[],
): T[] {
  if (parts.length < 2) return [...parts];
  const orders = examples.flatMap((e) => {
    const byFile = new Map<string, FileRole[]>();
    for (const d of e.docs) byFile.set(d.file, [...(byFile.get(d.file) ?? []), d.role]);
    return [...byFile.values()].filter((roles) => roles.length > 1);
  });
  const roles = parts.map((p) => p.role);
  return orderKeys(roles, roles, orders, false).flatMap((role) =>
    parts.filter((p) => p.role === role),
  );
}
