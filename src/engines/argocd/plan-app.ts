import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import { emitDocument } from '../../learn/emit.ts';
import { learnDocument } from '../../learn/learn-document.ts';
import { orderKeys } from '../../learn/key-order.ts';
import type { DocShape, Node } from '../../learn/tree.ts';
import { fillText, type Vocabulary } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import { render } from '../../render/templates.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { argoView, type ArgoView } from './argo-view.ts';
import { examplesOf } from './examples.ts';
import * as roles from './roles.ts';
import { pickupOf } from './pickup.ts';
import { allowInProject } from './project-destination.ts';
import { docFeatures, folderDocs } from './folder-docs.ts';
import { registerFolder } from './register-folder.ts';
import { CHART_FILE } from './umbrella-chart.ts';
import { configFile, umbrellaChartFile } from './umbrella-files.ts';
import * as appNamespaces from './app-namespaces.ts';

/**
 * An app of an Argo CD repo whose ApplicationSets pick up folders: a folder their pattern matches,
 * its files written as the siblings write theirs (learned by counting, see src/learn). Nothing
 * is registered: the summary names the ApplicationSet that makes an Application of it.
 */
export async function planArgoApp(ctx: ArgoAppContext, spec: AppSpec): Promise<PlanResult> {
  const placement = ctx.place(spec.name, spec.namespace, spec.group, spec.clusters);
  const nsProblem = appNamespaces.namespaceProblem(
    ctx,
    placement.slot,
    placement.group,
    spec.name,
    spec.namespace,
  );
  if (nsProblem)
    throw new HomeopsError('INVALID_INPUT', nsProblem.message, {
      field: 'namespace',
      fix: nsProblem.fix ?? '',
    });
  const { examples, conventions } = ctx.learn(placement);
  const vocab: Vocabulary = {
    app: spec.name,
    ns: spec.namespace,
    ...(spec.port !== undefined ? { port: String(spec.port) } : {}),
    ...(placement.group && placement.group !== spec.namespace ? { group: placement.group } : {}),
    ...(spec.storage ? { size: spec.storage.size } : {}),
  };
  const view = withComponentClaim(argoView(ctx, spec, vocab, conventions, examples), (v) =>
    learnDocument(
      render('argocd-apps/kustomization.yaml', { ...v, resources: [] }),
      vocab,
      examplesOf(ctx.model, examples, 'kustomization'),
      roles.KUSTOMIZATION,
      docFeatures(spec, v),
    ),
  );
  const { files, inlineValues, features } = await folderDocs(
    ctx,
    spec,
    vocab,
    view,
    examples,
    conventions,
  );
  const resources = [...files.keys()].filter((f) => f !== view.chart?.valuesFile);
  const ordered = orderKeys(
    resources,
    [...resources].sort(),
    conventions.resourceOrders.map((o) => o.map((x) => fillText(x, vocab) ?? x)),
  ).map((f) => `${conventions.resourcePrefix}${f}`);
  if (view.umbrella)
    files.set(CHART_FILE, umbrellaChartFile(ctx.repo.tree, view, vocab, examples, features));
  else if (conventions.kustomization || view.chart) {
    const template = render('argocd-apps/kustomization.yaml', { ...view, resources: ordered });
    const splice = (d: DocShape) => (inlineValues ? spliceValues(d, inlineValues) : d);
    files.set(
      'kustomization.yaml',
      learnDocument(
        template,
        vocab,
        examplesOf(ctx.model, examples, 'kustomization'),
        roles.KUSTOMIZATION,
        features,
        splice,
      ),
    );
  }
  const config = configFile(
    ctx.repo.tree,
    placement.slot,
    spec.namespace,
    vocab,
    examples,
    features,
  );
  if (config) files.set(config.name, config.text);
  for (const [name, text] of files) {
    const path = `${placement.dir}/${name}`;
    ctx.repo.tree.create(path, text, {
      message: `app ${spec.name} already exists and differs from what these inputs generate (${path})`,
      field: 'name',
      fix: 'choose another --name, or remove the existing app first: homeops never overwrites an app',
    });
  }
  const listedIn = registerFolder(ctx.model, ctx.repo.tree, placement.dir);
  const project = placement.slot.appSet.project;
  const allowedIn = allowInProject(ctx.model, project, spec.namespace);
  const pickup = pickupOf(ctx.model, placement.dir);
  return {
    summary: `app ${spec.name} in namespace ${spec.namespace}: ${placement.dir}/, picked up by ${pickup.text}`,
    nextSteps: [
      ...(spec.secret
        ? [
            `check that 1Password item "${spec.secret.item}" has the fields ${spec.secret.fields.join(', ') || 'the app needs'}`,
          ]
        : []),
      `review ${reviewed(placement.dir, files, [view.chart?.valuesFile, 'kustomization.yaml', CHART_FILE], config?.name)}`,
      ...(allowedIn
        ? [
            `review ${allowedIn}: the AppProject ${project} now lets apps deploy to namespace ${spec.namespace}`,
          ]
        : []),
      `commit and push: ${pickup.text} makes ${pickup.application ? `the Application ${pickup.application}` : 'an Application'} of ${placement.dir} by itself${listedIn ? ` (the folder is listed in ${listedIn} too, as its siblings are)` : ' (nothing to register)'}`,
      pickup.application
        ? `watch it: kubectl get application ${pickup.application} -n ${pickup.namespace}`
        : `watch it: kubectl get applications -n ${pickup.namespace} | grep ${spec.name}`,
    ],
    warnings: [
      ...pickup.warnings,
      ...(config?.siblings === 0
        ? [
            `${placement.dir}/${config.name} has only what ApplicationSet ${placement.slot.appSet.name} needs to pick it up: no sibling app has a ${config.name} to learn its other keys (a sync policy) from`,
          ]
        : []),
    ],
  };
}

/**
 * The written files a person reviews first: the first of these the folder has (the chart values,
 * the kustomization, the Chart.yaml), else its manifests; never a file that was not written.
 */
function reviewed(
  dir: string,
  files: ReadonlyMap<string, string>,
  first: readonly (string | null | undefined)[],
  config: string | undefined,
): string {
  const found = first.find((f): f is string => !!f && files.has(f));
  const names = found ? [found] : [...files.keys()].filter((f) => f !== config);
  return names.map((f) => `${dir}/${f}`).join(', ');
}

/** The kustomization with the learned chart values in place of `valuesInline: {}`. */
function spliceValues(doc: DocShape, values: Node): DocShape {
  const root = doc.root;
  if (root.kind !== 'map') return doc;
  const entries = root.entries.map((e) => {
    if (e.key !== 'helmCharts' || e.value.kind !== 'seq') return e;
    const [first, ...rest] = e.value.items;
    if (first?.kind !== 'map') return e;
    const item = {
      ...first,
      entries: first.entries.map((x) => (x.key === 'valuesInline' ? { ...x, value: values } : x)),
    };
    return { ...e, value: { ...e.value, items: [item, ...rest] } };
  });
  return { ...doc, root: { ...root, entries } };
}

export { emitDocument };

/**
 * A claim a component makes is named by the component's generator values (`CLAIM_NAME=whoami-config`
 * in the kustomization the siblings' teach): the chart's existingClaim takes that name, whatever
 * the siblings' values say by count, so that the two never disagree.
 */
function withComponentClaim(view: ArgoView, kustomization: (view: ArgoView) => string): ArgoView {
  if (!view.storage?.fromComponent) return view;
  const claim = /^\s*-\s*CLAIM_NAME=([^\s"']+)\s*$/m.exec(kustomization(view))?.[1];
  return claim ? { ...view, storage: { ...view.storage, claimName: claim } } : view;
}
