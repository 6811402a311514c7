import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import { emitDocument } from '../../learn/emit.ts';
import { learnDocument, learnShape } from '../../learn/learn-document.ts';
import { orderKeys } from '../../learn/key-order.ts';
import type { FeatureSet } from '../../learn/role.ts';
import type { DocShape, Node } from '../../learn/tree.ts';
import { fillText, type Vocabulary } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import { render } from '../../render/templates.ts';
import * as flux from '../flux/roles.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { argoView } from './argo-view.ts';
import { examplesOf, repoExamplesOfKind } from './examples.ts';
import { argoExternalSecret } from './external-secret.ts';
import { plannedDocs, type PlannedDoc } from './planned-docs.ts';
import * as roles from './roles.ts';
import { pickupOf } from './pickup.ts';
import { registerFolder } from './register-folder.ts';

const DEFAULT_FILES: Record<string, string> = {
  route: 'httproute.yaml',
  claim: 'pvc.yaml',
  externalsecret: 'externalsecret.yaml',
  namespace: 'namespace.yaml',
  'other:Deployment': 'deployment.yaml',
  'other:Service': 'service.yaml',
};

/** Roles learned from the whole repo's objects of the kind where no sibling app has one. */
const REPO_WIDE: Record<string, string> = {
  externalsecret: 'ExternalSecret',
  route: 'HTTPRoute',
  claim: 'PersistentVolumeClaim',
};

/**
 * An app of an Argo CD repo whose ApplicationSets pick up folders: a folder their pattern matches,
 * its files written as the siblings write theirs (learned by counting, see src/learn). Nothing
 * is registered: the summary names the ApplicationSet that makes an Application of it.
 */
export async function planArgoApp(ctx: ArgoAppContext, spec: AppSpec): Promise<PlanResult> {
  const placement = ctx.place(spec.name, spec.namespace, spec.group, spec.clusters);
  const nsProblem = ctx.namespaceProblem(placement.slot, spec.name, spec.namespace);
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
  };
  const view = argoView(ctx, spec, vocab, conventions, examples);
  const features: FeatureSet = {
    appTemplate: view.appTemplate,
    route: spec.route.kind !== 'none',
    storage: spec.storage !== undefined,
    secret: spec.secret !== undefined,
    healthPath: spec.healthPath !== undefined,
    tcpProbe: spec.healthPath === undefined,
    chart: view.chart !== null,
  };
  const docs: PlannedDoc[] = plannedDocs(view);
  const alike = (role: PlannedDoc['role']) =>
    role === 'values' || role.startsWith('other:')
      ? examples.filter((e) => e.features.appTemplate === view.appTemplate)
      : examples;
  const repoWide = new Set<PlannedDoc['role']>();
  const poolOf = (role: PlannedDoc['role']) => {
    const own = examplesOf(ctx.model, alike(role), role);
    const kind = REPO_WIDE[role];
    if (own.length > 0 || !kind) return own;
    repoWide.add(role);
    return repoExamplesOfKind(ctx.model, kind);
  };
  // a document learned from elsewhere in the repo: schema lines only where the siblings write them
  const schemaLines = siblingsWriteSchemaLines(ctx, examples);
  const headed = (role: PlannedDoc['role']) => (d: DocShape) =>
    repoWide.has(role) && !schemaLines
      ? { ...d, header: d.header.filter((l) => !l.startsWith('# yaml-language-server:')) }
      : d;
  if (spec.secret) {
    const secret = await argoExternalSecret(
      ctx.secrets,
      spec.name,
      spec.secret,
      poolOf('externalsecret'),
    );
    docs.push({
      role: 'externalsecret',
      template: secret.template,
      compiled: flux.EXTERNAL_SECRET,
    });
  }
  const files = new Map<string, string>();
  let inlineValues: Node | undefined;
  for (const doc of docs) {
    const pool = poolOf(doc.role);
    if (doc.role === 'values' && conventions.values.kind === 'inline') {
      inlineValues = learnShape(doc.template, vocab, pool, doc.compiled, features).root;
      continue;
    }
    const name =
      doc.role === 'values'
        ? (view.chart?.valuesFile ?? 'values.yaml')
        : fill(
            conventions.files[doc.role] ?? '',
            vocab,
            DEFAULT_FILES[doc.role] ?? `${doc.role}.yaml`,
          );
    files.set(
      name,
      learnDocument(doc.template, vocab, pool, doc.compiled, features, headed(doc.role)),
    );
  }
  const resources = [...files.keys()].filter((f) => f !== view.chart?.valuesFile);
  const ordered = orderKeys(
    resources,
    [...resources].sort(),
    conventions.resourceOrders.map((o) => o.map((x) => fillText(x, vocab) ?? x)),
  ).map((f) => `${conventions.resourcePrefix}${f}`);
  if (conventions.kustomization || view.chart) {
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
  for (const [name, text] of files) {
    const path = `${placement.dir}/${name}`;
    ctx.repo.tree.create(path, text, {
      message: `app ${spec.name} already exists and differs from what these inputs generate (${path})`,
      field: 'name',
      fix: 'choose another --name, or remove the existing app first: homeops never overwrites an app',
    });
  }
  const listedIn = registerFolder(ctx.model, ctx.repo.tree, placement.dir);
  const pickup = pickupOf(ctx.model, placement.dir);
  return {
    summary: `app ${spec.name} in namespace ${spec.namespace}: ${placement.dir}/, picked up by ${pickup.text}`,
    nextSteps: [
      ...(spec.secret
        ? [
            `check that 1Password item "${spec.secret.item}" has the fields ${spec.secret.fields.join(', ') || 'the app needs'}`,
          ]
        : []),
      `review ${placement.dir}/${view.chart?.valuesFile ?? 'kustomization.yaml'}`,
      `commit and push: ${pickup.text} makes an Application ${spec.name} of ${placement.dir} by itself${listedIn ? ` (the folder is listed in ${listedIn} too, as its siblings are)` : ' (nothing to register)'}`,
      `watch it: kubectl get application ${spec.name} -n ${pickup.namespace}`,
    ],
    warnings: pickup.warnings,
  };
}

/** Whether most documents of the sibling apps' folders carry a `# yaml-language-server` line. */
function siblingsWriteSchemaLines(
  ctx: ArgoAppContext,
  examples: readonly { docs: readonly { file: string }[] }[],
): boolean {
  const files = [...new Set(examples.flatMap((e) => e.docs.map((d) => d.file)))];
  const withLine = files.filter((f) => ctx.repo.tree.read(f)?.includes('# yaml-language-server:'));
  return withLine.length * 2 > files.length;
}

function fill(pattern: string, vocab: Vocabulary, fallback: string): string {
  return (pattern && fillText(pattern, vocab)) || fallback;
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
