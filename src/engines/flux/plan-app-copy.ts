import { posix } from 'node:path';
import type { FeatureSet } from '../../learn/role.ts';
import { learnDocument } from '../../learn/learn-document.ts';
import { fillOr, fillText } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import type { FileRole } from '../../repo/graph/app-files.ts';
import { render } from '../../render/templates.ts';
import { orderKeys } from '../../learn/key-order.ts';
import type { FluxAppContext, Placement } from './flux-app-context.ts';
import { applyPins } from './pinned-conventions.ts';
import { withComponentVariables } from './component-class.ts';
import { ensureClaimMount } from '../../learn/claim-mount.ts';
import type { DocShape } from '../../learn/tree.ts';
import * as roles from './roles.ts';
import { appView } from './app-view.ts';
import { plannedDocs } from './planned-docs.ts';
import { vocabularyOf } from './vocabulary-of.ts';
import { describesWholeItem, externalSecretTemplate } from './external-secret.ts';
import { newAppSubstituted } from './substituted-folder.ts';
import { writeEntry } from './write-entry.ts';
import { docOrder, examplesOf } from './sibling-docs.ts';
import { releaseExamples } from './release-examples.ts';
import type { AppExample } from './examples.ts';

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

/** What to do next, by kind: a plan of several copies lists each kind's steps together. */
export const STEP_KINDS = ['check', 'review', 'reconcile', 'watch'] as const;

/** One copy of the app: its folder, and the entry of each cluster that deploys that folder. */
export interface AppCopy {
  where: string;
  steps: Record<(typeof STEP_KINDS)[number], string[]>;
  warnings: string[];
}

/** Where the app's folder goes in a cluster: as that cluster's siblings keep theirs. */
export function appDirOf(ctx: FluxAppContext, spec: AppSpec, placement: Placement): string {
  const chartUrl = spec.chart.kind === 'oci' ? spec.chart.url : undefined;
  const { conventions } = ctx.learn(placement, chartUrl);
  return fillOr(
    conventions.appDir,
    vocabularyOf(spec, ctx, placement),
    `${groupDir(ctx, placement, spec)}/${spec.name}/app`,
  );
}

/** One copy of the app: its folder's files, and each cluster's entry, registered as the siblings are. */
export async function planAppCopy(
  ctx: FluxAppContext,
  spec: AppSpec,
  placements: readonly Placement[],
): Promise<AppCopy> {
  const [primary] = placements;
  if (!primary) throw new Error('an app goes to at least one cluster');
  const chartUrl = spec.chart.kind === 'oci' ? spec.chart.url : undefined;
  const { examples, conventions } = ctx.learn(primary, chartUrl);
  const view = appView(ctx, spec, primary, conventions, examples);
  const vocab = vocabularyOf(spec, ctx, primary);
  const appDir = appDirOf(ctx, spec, primary);
  const features: FeatureSet = {
    appTemplate: view.appTemplate,
    route: spec.route.kind !== 'none',
    external: spec.route.kind === 'external',
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
      const siblings = ctx.learn(placement, chartUrl).examples;
      const examples = examplesOf(ctx, siblings, 'entry');
      const template = render('flux/app/ks.yaml', view);
      const entryVocab = vocabularyOf(spec, ctx, placement);
      const learned = learnDocument(template, entryVocab, examples, roles.ENTRY, features, pin);
      const file = `${spec.name}/ks.yaml`;
      return [
        placement,
        withComponentVariables(learned, file, conventions.storage, spec.storage, siblings),
      ];
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
    const name = fillOr(
      conventions.files[doc.role] ?? '',
      vocab,
      DEFAULT_FILES[doc.role] ?? `${doc.role}.yaml`,
    );
    const shapes = (pool: readonly AppExample[]) => examplesOf(ctx, pool, doc.role);
    const text = learnDocument(
      doc.template,
      vocab,
      doc.sameChartOnly ? releaseExamples(examples, view, shapes) : shapes(examples),
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
  for (const [placement, entry] of entries)
    writeEntry(ctx, spec, placement, entry, {
      conventions,
      appDir,
      appFiles: [...byFile.keys()],
      ownNamespace: view.ks.ownNamespace,
      conflict,
    });
  const where = appDir.endsWith('/app') ? posix.dirname(appDir) : appDir;
  const flatRoot = primary.cluster.roots[0];
  return {
    where,
    steps: {
      check: spec.secret
        ? [
            `check that 1Password item "${spec.secret.item}" in vault "${spec.secret.vault}" has ${describesWholeItem(spec.secret.fields) ? 'the fields the app needs' : `the fields ${spec.secret.fields.join(', ')}`}`,
          ]
        : [],
      review: [
        `review the HelmRelease values in ${appDir}/${fillOr(conventions.files.helmrelease ?? '', vocab, 'helmrelease.yaml')}`,
      ],
      reconcile: placements.map(
        ({ cluster }) =>
          `commit and push, then${cluster.name !== undefined && ctx.model.clusters().length > 1 ? ` on cluster ${cluster.name}` : ''}: flux reconcile kustomization ${cluster.roots[0]?.name ?? 'flux-system'} -n ${cluster.roots[0]?.namespace ?? 'flux-system'} --with-source`,
      ),
      // a flat repo's app has no Kustomization of its own: its root applies it
      watch: [
        `watch it: flux get kustomization ${flat ? `${flatRoot?.name ?? 'flux-system'} -n ${flatRoot?.namespace ?? 'flux-system'}` : `${spec.name} -n ${view.ks.ownNamespace ?? spec.namespace}`}; flux get helmrelease ${spec.name} -n ${spec.namespace}`,
      ],
    },
    warnings: [...view.warnings, ...(secret?.warnings ?? [])],
  };
}

function groupDir(ctx: FluxAppContext, placement: Placement, spec: AppSpec): string {
  return placement.group?.dir ?? spec.namespace;
}
