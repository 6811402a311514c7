import type { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import type { PlanResult } from '../../../src/engine/generator.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { dig, readYamlData } from '../../../src/repo/read-yaml.ts';
import { render } from '../../../src/render/templates.ts';
import { addItem } from '../../../src/yaml/edit/edit-yaml.ts';
import {
  externalSecretReferences,
  isWholeItem,
  literalReferences,
} from '../../../src/secrets/external-secret-references.ts';
import { clustertoolAppSubstituted } from '../../../src/clustertool/substituted-app.ts';
import { escapeForFlux } from '../../../src/flux/substitution.ts';
import type { SecretAnswers } from '../secret-inputs.ts';
import { wireClustertoolEnvFrom } from './wire-env-from.ts';

/**
 * `app/external-secret.yaml` in a ClusterTool app (in the app's namespace: these kustomizations set
 * none), listed last in its kustomization.yaml, its Secret wired into the container as `envFrom`.
 */
export async function planClustertoolSecret(
  ctx: ClustertoolContext,
  app: string,
  answers: SecretAnswers,
): Promise<PlanResult> {
  const { index, repo } = ctx;
  const layer = index.layersOf(app)[0];
  if (layer === undefined)
    throw new HomeopsError('INVALID_INPUT', `no app ${app} in this repo`, {
      field: 'app',
      fix: 'name an existing app, or create it with homeops app',
    });
  const dir = index.appDir(layer, app);
  const namespace = index.appNamespace(layer, app);
  const store = ctx.secrets.pick(answers.store);
  const secretName = `${app}-secret`;
  const found = await externalSecretReferences(ctx.secrets, store, answers);
  // Flux substitutes `${...}` in the app's folder: 1Password names are written escaped
  const substituted = clustertoolAppSubstituted(index, layer, app);
  const refs = substituted ? literalReferences(found, escapeForFlux) : found;
  const view = {
    app,
    namespace,
    schemas: ctx.conventions(layer).schemas,
    refreshInterval: '1h',
    store: store.name,
    target: secretName,
    ...refs,
  };
  const file = `${dir}/external-secret.yaml`;
  const content = render('clustertool/secret/external-secret.yaml', view);
  const existing = repo.tree.read(file);
  if (existing !== undefined && existing !== content) {
    throw new HomeopsError(
      'CONFLICT',
      `app ${app} already has an ExternalSecret with other references`,
      { file, fix: 'edit it by hand, or remove it and run this again' },
    );
  }
  repo.tree.create(file, content);
  const kustomization = `${dir}/kustomization.yaml`;
  repo.tree.write(
    kustomization,
    addItem(repo.tree.read(kustomization)!, kustomization, ['resources'], './external-secret.yaml')
      .text,
  );
  const hrPath = `${dir}/helm-release.yaml`;
  const wired = wireClustertoolEnvFrom(
    repo.tree,
    hrPath,
    app,
    secretName,
    usesTruecharts(ctx, hrPath),
  );

  const warnings =
    refs.wholeItem && refs.duplicates.length
      ? [
          `item fields ${refs.duplicates.join(', ')} occur more than once; a whole-item extract keeps only one of each`,
        ]
      : [];
  if (!wired)
    warnings.push(
      `no app-template or TrueCharts container found in ${hrPath}: reference the Secret ${secretName} from the chart's values yourself`,
    );
  return {
    summary: `ExternalSecret ${app} (Secret ${secretName}) for ${layer}/${app} in namespace ${namespace}, through ClusterSecretStore ${store.name}`,
    nextSteps: [
      `check that 1Password item "${answers.item}" in vault "${answers.vault}" has ${isWholeItem(answers.fields) ? 'the fields the app needs' : `the fields ${answers.fields.join(', ')}`}`,
      'commit and push, then: flux reconcile kustomization flux-entry -n flux-system --with-source',
      `after Flux applied it: kubectl get externalsecret ${app} -n ${namespace} (STATUS should be SecretSynced)`,
    ],
    warnings,
  };
}

/** Whether the app's chart comes from a TrueCharts HelmRepository. */
function usesTruecharts(ctx: ClustertoolContext, hrPath: string): boolean {
  const name = dig(
    readYamlData(ctx.repo.tree, hrPath),
    'spec',
    'chart',
    'spec',
    'sourceRef',
    'name',
  );
  if (typeof name !== 'string') return false;
  return name === 'truecharts' || /truecharts/.test(ctx.index.helmRepository(name)?.url ?? '');
}
