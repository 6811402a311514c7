import { secretNameFor } from '../../secrets/secret-name.ts';
import type { Node, DocShape } from '../../learn/tree.ts';
import type { FeatureSet } from '../../learn/role.ts';
import { learnDocument, learnShape } from '../../learn/learn-document.ts';
import { fillOr, type Vocabulary } from '../../learn/vocabulary.ts';
import type { Example } from '../../learn/merge.ts';
import type { FileRole } from '../../repo/graph/app-files.ts';
import type { AppSpec, SecretSpec } from '../../model/app-spec.ts';
import * as flux from '../flux/roles.ts';
import * as roles from './roles.ts';
import { render } from '../../render/templates.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import { chartKey, type ArgoView } from './argo-view.ts';
import { examplesOf, repoExamplesOfKind, type ArgoExample } from './examples.ts';
import { argoExternalSecret } from './external-secret.ts';
import { chartUrl, type ArgoFolderConventions } from './folder-conventions.ts';
import { plannedDocs, type PlannedDoc } from './planned-docs.ts';
import { asHelmTemplate, helmText } from './helm-template.ts';
import { underKey } from './umbrella-chart.ts';
import { ensureClaimMount } from '../../learn/claim-mount.ts';

const DEFAULT_FILES: Record<string, string> = {
  route: 'httproute.yaml',
  claim: 'pvc.yaml',
  externalsecret: 'externalsecret.yaml',
  namespace: 'namespace.yaml',
  'other:Deployment': 'deployment.yaml',
  'other:Service': 'service.yaml',
  'other:OnePasswordItem': 'onepassword-item.yaml',
  'other:TailscaleService': 'tailscale-service.yaml',
};

/** Roles learned from the whole repo's objects of the kind where no sibling app has one. */
const REPO_WIDE: Record<string, string> = {
  externalsecret: 'ExternalSecret',
  route: 'HTTPRoute',
  claim: 'PersistentVolumeClaim',
};

/**
 * The documents of a new app's folder (and its chart values), each learned from the siblings'
 * documents of the same role: by file name relative to the folder, and the values learned for
 * a chart whose siblings keep them inline.
 */
export async function folderDocs(
  ctx: ArgoAppContext,
  spec: AppSpec,
  vocab: Vocabulary,
  view: ArgoView,
  examples: readonly ArgoExample[],
  conventions: ArgoFolderConventions,
): Promise<{ files: Map<string, string>; inlineValues: Node | undefined; features: FeatureSet }> {
  const features = docFeatures(spec, view);
  const docs: PlannedDoc[] = plannedDocs(view);
  const pools = learningPools(ctx, examples, view.appTemplate, view.chart ?? undefined);
  if (spec.secret)
    docs.push(
      await secretDoc(ctx, spec.name, secretNameFor(examples, spec.name), spec.secret, pools),
    );
  const files = new Map<string, string>();
  let inlineValues: Node | undefined;
  for (const doc of docs) {
    // the claim mounted where the input says, as app-template reads it
    const mounted = (d: DocShape) =>
      view.storage?.inValues
        ? ensureClaimMount(d, view.storage.claimName, view.storage.mountPath, [])
        : d;
    if (doc.role === 'values' && conventions.values.kind === 'inline') {
      const pool = pools.poolOf(doc.role);
      inlineValues = mounted(learnShape(doc.template, vocab, pool, doc.compiled, features)).root;
      continue;
    }
    const name =
      doc.role === 'values'
        ? (view.chart?.valuesFile ?? 'values.yaml')
        : docFileName(doc.role, conventions, vocab, view.umbrella);
    const chartName = view.chart?.name;
    const wrap =
      doc.role !== 'values'
        ? undefined
        : view.umbrella && chartName
          ? (d: DocShape) => underKey(mounted(d), chartName)
          : mounted;
    files.set(name, learnFolderDoc(doc, name, vocab, pools, features, view.umbrella, wrap));
  }
  return { files, inlineValues, features };
}

/** What a new app has, for the learner: the features its documents are shaped by. */
export function docFeatures(spec: AppSpec, view: ArgoView): FeatureSet {
  return {
    appTemplate: view.appTemplate,
    route: spec.route.kind !== 'none',
    storage: spec.storage !== undefined,
    secret: spec.secret !== undefined,
    healthPath: spec.healthPath !== undefined,
    tcpProbe: spec.healthPath === undefined,
    chart: view.chart !== null,
  };
}

/** How the siblings' documents of each role are found, and headed as the siblings head theirs. */
export interface LearningPools {
  poolOf(role: PlannedDoc['role']): Example[];
  headed(role: PlannedDoc['role']): (d: DocShape) => DocShape;
}

/**
 * The learning pools of a new document: the siblings' documents of its role (the app-template
 * ones for values and other kinds, the same chart's for another chart's values), else the repo's
 * documents of the kind (its other engine's ExternalSecrets), whose schema lines are kept only
 * where the siblings write them.
 */
export function learningPools(
  ctx: ArgoAppContext,
  examples: readonly ArgoExample[],
  appTemplate: boolean,
  chart?: { repo: string; name: string },
): LearningPools {
  const sameChart = (e: ArgoExample) =>
    chart !== undefined &&
    e.chart !== undefined &&
    chartUrl(e) === chartKey(`${chart.repo}/${chart.name}`);
  const alike = (role: PlannedDoc['role']) =>
    role === 'values' && !appTemplate
      ? examples.filter((e) => !e.features.appTemplate && sameChart(e))
      : role === 'values' || role.startsWith('other:')
        ? examples.filter((e) => e.features.appTemplate === appTemplate)
        : examples;
  const repoWide = new Set<PlannedDoc['role']>();
  const schemaLines = siblingsWriteSchemaLines(ctx, examples);
  return {
    poolOf: (role) => {
      const own = examplesOf(ctx.model, alike(role), role);
      const kind = REPO_WIDE[role];
      if (own.length > 0 || !kind) return own;
      repoWide.add(role);
      return repoExamplesOfKind(ctx.model, kind);
    },
    headed: (role) => (d) =>
      repoWide.has(role) && !schemaLines
        ? { ...d, header: d.header.filter((l) => !l.startsWith('# yaml-language-server:')) }
        : d,
  };
}

/**
 * The document that brings an app its secrets, as the repo does it: a 1Password operator item
 * where its apps use those and it has no store, else an ExternalSecret through its store.
 */
export async function secretDoc(
  ctx: ArgoAppContext,
  app: string,
  /** The Secret it makes (secretNameFor). */
  secretName: string,
  secret: SecretSpec,
  pools: LearningPools,
): Promise<PlannedDoc> {
  if (ctx.secretKind() === 'onepassword-item') {
    const vault = secret.vault ?? ctx.onePasswordVault() ?? '';
    return {
      role: 'other:OnePasswordItem',
      template: render('argocd-apps/onepassword-item.yaml', {
        secretName,
        itemPath: `vaults/${vault}/items/${secret.item}`,
      }),
      compiled: roles.ONEPASSWORD_ITEM,
    };
  }
  const external = await argoExternalSecret(
    ctx.secrets,
    app,
    secretName,
    secret,
    pools.poolOf('externalsecret'),
  );
  return { role: 'externalsecret', template: external.template, compiled: flux.EXTERNAL_SECRET };
}

/** A document's file in the app folder, named as the siblings name theirs. */
export function docFileName(
  role: FileRole,
  conventions: ArgoFolderConventions,
  vocab: Vocabulary,
  umbrella: boolean,
): string {
  // an umbrella chart's manifests are its templates: Helm renders nothing else
  const fallback = `${umbrella ? 'templates/' : ''}${DEFAULT_FILES[role] ?? `${role}.yaml`}`;
  return fillOr(conventions.files[role] ?? '', vocab, fallback);
}

/** One document written as its siblings write theirs: a chart template with Helm's words. */
export function learnFolderDoc(
  doc: PlannedDoc,
  name: string,
  vocab: Vocabulary,
  pools: LearningPools,
  features: FeatureSet,
  umbrella: boolean,
  wrap: (d: DocShape) => DocShape = (d) => d,
): string {
  const template = umbrella && name.startsWith('templates/');
  const after = (d: DocShape) => {
    const shaped = wrap(pools.headed(doc.role)(d));
    return template ? asHelmTemplate(shaped) : shaped;
  };
  const text = learnDocument(
    doc.template,
    vocab,
    pools.poolOf(doc.role),
    doc.compiled,
    features,
    after,
  );
  return template ? helmText(text) : text;
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
