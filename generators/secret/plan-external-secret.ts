import { isSeq, parseAllDocuments } from 'yaml';
import type { PlanResult } from '../../src/engine/generator.ts';
import { HomeopsError } from '../../src/errors.ts';
import type { FluxContext } from '../../src/flux/flux-context.ts';
import { kustomizationNamespace } from '../../src/flux/kustomizations.ts';
import { storeDependency } from '../../src/flux/secret-dependencies.ts';
import { dig, readYamlAll } from '../../src/repo/read-yaml.ts';
import { render } from '../../src/render/templates.ts';
import {
  externalSecretReferences,
  isWholeItem,
} from '../../src/secrets/external-secret-references.ts';
import { appTemplateContainer, wireEnvFrom } from '../../src/secrets/env-from.ts';
import { pickStore } from '../../src/secrets/secret-stores.ts';
import { insertSorted } from '../../src/yaml/insert-sorted.ts';
import { addToYaml } from '../../src/yaml/splice.ts';
import type { SecretAnswers } from './secret-inputs.ts';

export interface ExternalSecretTarget {
  namespace: string;
  app: string;
}

/**
 * `externalsecret.yaml` in the app's folder, registered in its kustomization, its Secret wired
 * into the app-template container as `envFrom`. References are names only; no value is read.
 */
export async function planExternalSecret(
  ctx: FluxContext,
  target: ExternalSecretTarget,
  answers: SecretAnswers,
): Promise<PlanResult> {
  const { index, repo } = ctx;
  const dir = index.appDir(target.namespace, target.app);
  if (!repo.tree.isFile(`${dir}/kustomization.yaml`)) {
    throw new HomeopsError(
      'INVALID_INPUT',
      `no app ${target.namespace}/${target.app} (${dir}/kustomization.yaml)`,
      { field: 'app', fix: 'name an existing app, or create it with homeops app' },
    );
  }
  const store = pickStore(ctx.secrets.stores(), answers.store);
  const secretName = `${target.app}-secret`;
  const view = {
    app: target.app,
    schemas: ctx.conventions(target.namespace).schemas,
    refreshInterval: learnedRefreshInterval(ctx, target.namespace),
    store: store.name,
    target: secretName,
    ...(await externalSecretReferences(ctx.secrets, store, answers)),
  };
  const file = `${dir}/externalsecret.yaml`;
  const content = render('flux/secret/externalsecret.yaml', view);
  const existing = repo.tree.read(file);
  if (existing !== undefined && existing !== content) {
    throw new HomeopsError(
      'CONFLICT',
      `app ${target.namespace}/${target.app} already has an ExternalSecret with other references`,
      {
        file,
        fix: 'edit it by hand, or remove it and run this again',
      },
    );
  }
  repo.tree.create(file, content);
  const kustomization = `${dir}/kustomization.yaml`;
  repo.tree.write(
    kustomization,
    insertSorted(
      repo.tree.read(kustomization)!,
      kustomization,
      'resources',
      './externalsecret.yaml',
    ).text,
  );
  const wired = wireEnvFrom(
    repo.tree,
    `${dir}/helmrelease.yaml`,
    appTemplateContainer(target.app),
    [secretName],
  );
  const dependency = dependOnStore(ctx, target, store.file);

  const warnings =
    view.wholeItem && view.duplicates.length
      ? [
          `item fields ${view.duplicates.join(', ')} occur more than once; a whole-item extract keeps only one of each`,
        ]
      : [];
  if (!wired)
    warnings.push(
      `no app-template container found in ${dir}/helmrelease.yaml: reference the Secret ${secretName} from the chart's values yourself`,
    );
  return {
    summary: `ExternalSecret ${target.app} (Secret ${secretName}) for ${target.namespace}/${target.app}, through ClusterSecretStore ${store.name}`,
    nextSteps: [
      ...(dependency ? [dependency] : []),
      `check that 1Password item "${answers.item}" in vault "${answers.vault}" has ${isWholeItem(answers.fields) ? 'the fields the app needs' : `the fields ${answers.fields.join(', ')}`}`,
      `after Flux applied it: kubectl get externalsecret ${target.app} -n ${target.namespace} (STATUS should be SecretSynced)`,
    ],
    warnings,
  };
}

/**
 * Make the app's Kustomization depend on the one that deploys the store, as the repo's other apps
 * with an ExternalSecret do: added to a block dependsOn list, or as a new key in sorted place;
 * for a shape it cannot splice byte for byte, the next step it returns instead.
 */
function dependOnStore(
  ctx: FluxContext,
  target: ExternalSecretTarget,
  storeFile: string,
): string | undefined {
  const ref = storeDependency(ctx.index, storeFile);
  const own = kustomizationNamespace(ctx.index, target.namespace);
  if (!ref || (ref.name === target.app && ref.namespace === own)) return undefined; // the store's own app
  const path = ctx.index.ksPath(target.namespace, target.app);
  const source = ctx.repo.tree.read(path)!;
  const docs = parseAllDocuments(source);
  const doc =
    'empty' in docs
      ? undefined
      : docs.find(
          (d) => d.get('kind') === 'Kustomization' && d.getIn(['metadata', 'name']) === target.app,
        );
  const entry = { name: ref.name, ...(ref.namespace !== own && { namespace: ref.namespace }) };
  const list = doc?.getIn(['spec', 'dependsOn'], true);
  const present =
    isSeq(list) &&
    (list.toJSON() as { name?: string; namespace?: string }[]).some(
      (d) => d?.name === ref.name && (d.namespace ?? own) === ref.namespace,
    );
  if (present) return undefined;
  const step = `make ${path} depend on the secret store's Kustomization, as the other apps with an ExternalSecret do: spec.dependsOn: - { name: ${entry.name}${entry.namespace ? `, namespace: ${entry.namespace}` : ''} }`;
  if (
    !doc ||
    'empty' in docs ||
    docs.length !== 1 ||
    (list !== undefined && (!isSeq(list) || list.flow))
  )
    return step;
  const edit = addToYaml(source, doc, [
    list
      ? { kind: 'item', path: ['spec', 'dependsOn'], value: doc.createNode(entry) }
      : {
          kind: 'key',
          path: ['spec'],
          key: 'dependsOn',
          value: doc.createNode([entry]),
          sorted: true,
        },
  ]);
  if (!edit.exact) return step;
  ctx.repo.tree.write(path, edit.text);
  return undefined;
}

/** The refreshInterval of the repo's own ExternalSecrets, else 1h. */
function learnedRefreshInterval(ctx: FluxContext, namespace: string): string {
  for (const [ns, app] of ctx.index.sample(namespace, 12)) {
    for (const doc of readYamlAll(
      ctx.repo.tree,
      `${ctx.index.appDir(ns, app)}/externalsecret.yaml`,
    )) {
      const interval = dig(doc, 'spec', 'refreshInterval');
      if (typeof interval === 'string') return interval;
    }
  }
  return '1h';
}
