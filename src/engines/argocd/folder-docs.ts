import type { Node, DocShape } from '../../learn/tree.ts';
import type { FeatureSet } from '../../learn/role.ts';
import { learnDocument, learnShape } from '../../learn/learn-document.ts';
import { fillText, type Vocabulary } from '../../learn/vocabulary.ts';
import type { AppSpec } from '../../model/app-spec.ts';
import * as flux from '../flux/roles.ts';
import * as roles from './roles.ts';
import { render } from '../../render/templates.ts';
import type { ArgoAppContext } from './argo-app-context.ts';
import type { ArgoView } from './argo-view.ts';
import { examplesOf, repoExamplesOfKind, type ArgoExample } from './examples.ts';
import { argoExternalSecret } from './external-secret.ts';
import type { ArgoFolderConventions } from './folder-conventions.ts';
import { plannedDocs, type PlannedDoc } from './planned-docs.ts';
import { asHelmTemplate, helmText } from './helm-template.ts';
import { underKey } from './umbrella-chart.ts';

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
  if (spec.secret && ctx.secretKind() === 'onepassword-item') {
    const vault = spec.secret.vault ?? ctx.onePasswordVault() ?? '';
    docs.push({
      role: 'other:OnePasswordItem',
      template: render('argocd-apps/onepassword-item.yaml', {
        secretName: `${spec.name}-secret`,
        itemPath: `vaults/${vault}/items/${spec.secret.item}`,
      }),
      compiled: roles.ONEPASSWORD_ITEM,
    });
  } else if (spec.secret) {
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
    // an umbrella chart's manifests are its templates: Helm renders nothing else
    const fallback = `${view.umbrella ? 'templates/' : ''}${DEFAULT_FILES[doc.role] ?? `${doc.role}.yaml`}`;
    const name =
      doc.role === 'values'
        ? (view.chart?.valuesFile ?? 'values.yaml')
        : fill(conventions.files[doc.role] ?? '', vocab, fallback);
    const chartName = view.chart?.name;
    const template = view.umbrella && name.startsWith('templates/');
    const after = (d: DocShape) => {
      const shaped = headed(doc.role)(d);
      if (doc.role === 'values' && view.umbrella && chartName) return underKey(shaped, chartName);
      return template ? asHelmTemplate(shaped) : shaped;
    };
    const text = learnDocument(doc.template, vocab, pool, doc.compiled, features, after);
    files.set(name, template ? helmText(text) : text);
  }
  return { files, inlineValues, features };
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
