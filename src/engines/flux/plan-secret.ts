import { posix } from 'node:path';
import { isSeq, parseAllDocuments } from 'yaml';
import type { PlanResult } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import { learnDocument } from '../../learn/learn-document.ts';
import { majorityOf } from '../../learn/majority.ts';
import { abstractText, fillText } from '../../learn/vocabulary.ts';
import type { SecretSpec } from '../../model/app-spec.ts';
import type { FluxCluster } from '../../repo/flux-model.ts';
import { appDocs } from '../../repo/graph/app-files.ts';
import type { FluxApp } from '../../repo/graph/flux-graph.ts';
import { dig } from '../../repo/graph/objects.ts';
import { appTemplateContainer, wireEnvFrom } from '../../secrets/env-from.ts';
import { editYaml } from '../../yaml/edit/edit-yaml.ts';
import { shapeOf, type AppExample } from './examples.ts';
import { describesWholeItem, externalSecretTemplate, storeDependency } from './external-secret.ts';
import type { FluxAppContext } from './flux-app-context.ts';
import { registerEntry } from './register-entry.ts';
import { appSubstituted } from './substituted-folder.ts';
import * as roles from './roles.ts';

/** The app a secret is for: registered in the cluster, living in that namespace. */
export function findApp(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  namespace: string,
  name: string,
): FluxApp | undefined {
  return ctx.model
    .groups(cluster)
    .flatMap((g) => ctx.model.apps(g))
    .find((a) => a.ks.name === name && (a.namespace ?? a.ks.namespace) === namespace);
}

/** The apps of a namespace, by name, for the `app` prompt. */
export function appsOf(ctx: FluxAppContext, cluster: FluxCluster, namespace: string): string[] {
  return ctx.model
    .groups(cluster)
    .flatMap((g) => ctx.model.apps(g))
    .filter((a) => (a.namespace ?? a.ks.namespace) === namespace && a.ks.path !== undefined)
    .map((a) => a.ks.name)
    .sort();
}

/**
 * An ExternalSecret for an existing app, written as the repo's others are (file name, style,
 * keys), listed in the app's kustomization, its Secret wired into the app-template container
 * (named as the siblings name theirs), and the app's Kustomization made to wait for the store
 * where the repo's other such apps do. References are names only; no value is read.
 */
export async function planFluxSecret(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  app: FluxApp,
  secret: SecretSpec,
): Promise<PlanResult> {
  const dir = app.ks.path;
  const namespace = app.namespace ?? app.ks.namespace ?? '';
  if (dir === undefined)
    throw new HomeopsError('INVALID_INPUT', `app ${namespace}/${app.ks.name} deploys no folder`, {
      field: 'app',
      fix: 'name an app whose Kustomization has a spec.path',
    });
  const placement = ctx.place(cluster, namespace, undefined, app.ks.name);
  const { examples, conventions } = ctx.learn(placement, undefined);
  const vocab = { app: app.ks.name, ns: namespace };
  const { template, store, secretName, warnings } = await externalSecretTemplate(
    ctx,
    cluster,
    app.ks.name,
    secret,
    examples,
    appSubstituted(app),
  );
  const withSecret = examples.flatMap((e) => {
    const doc = e.docs.find((d) => d.role === 'externalsecret');
    const shape = doc && shapeOf(ctx.model, e, doc);
    return shape ? [{ shape, features: e.features, local: e.local }] : [];
  });
  const text = learnDocument(template, vocab, withSecret, roles.EXTERNAL_SECRET, { secret: true });
  const docs = appDocs(ctx.model.reader, dir);
  const existing = docs.find((d) => d.role === 'externalsecret');
  const file =
    existing?.file ??
    `${dir}/${fillText(conventions.files.externalsecret ?? '', vocab) || 'externalsecret.yaml'}`;
  const current = ctx.repo.tree.read(file);
  if (current !== undefined && current !== text) {
    throw new HomeopsError(
      'CONFLICT',
      `app ${namespace}/${app.ks.name} already has an ExternalSecret with other references`,
      {
        file,
        fix: 'edit it by hand, or remove it and run this again',
      },
    );
  }
  ctx.repo.tree.create(file, text);
  const kustomization = docs.find((d) => d.role === 'kustomization')?.file;
  if (kustomization) {
    const listed = (
      (dig(docs.find((d) => d.role === 'kustomization')?.object?.data, 'resources') ??
        []) as unknown[]
    ).filter((x): x is string => typeof x === 'string');
    registerEntry(
      ctx.repo.tree,
      kustomization,
      `${conventions.resourcePrefix}${posix.relative(dir, file)}`,
      listed,
    );
  }
  const helmRelease = docs.find((d) => d.role === 'helmrelease')?.file;
  const envName = envFromName(examples, app.ks.name, secretName);
  const wired =
    helmRelease !== undefined &&
    wireEnvFrom(ctx.repo.tree, helmRelease, appTemplateContainer(app.ks.name), [envName]);
  if (!wired)
    warnings.push(
      `no app-template container found in ${helmRelease ?? dir}: reference the Secret ${secretName} from the chart's values yourself`,
    );
  const dependency = dependOnStore(ctx, app, storeDependency(ctx, cluster, store.file, examples));
  return {
    summary: `ExternalSecret ${app.ks.name} (Secret ${secretName}) for ${namespace}/${app.ks.name}, through ClusterSecretStore ${store.name}`,
    nextSteps: [
      ...(dependency ? [dependency] : []),
      `check that 1Password item "${secret.item}" in vault "${secret.vault}" has ${describesWholeItem(secret.fields) ? 'the fields the app needs' : `the fields ${secret.fields.join(', ')}`}`,
      `after Flux applied it: kubectl get externalsecret ${app.ks.name} -n ${namespace} (STATUS should be SecretSynced)`,
    ],
    warnings,
  };
}

/** The Secret's name in `envFrom`, as the siblings write theirs (`{{ .Release.Name }}-secret`). */
function envFromName(examples: readonly AppExample[], app: string, secretName: string): string {
  const names = examples.flatMap((e) => {
    const controllers = Object.values(
      (dig(e.helmRelease?.data, 'spec', 'values', 'controllers') ?? {}) as Record<string, unknown>,
    );
    return controllers.flatMap((c) =>
      Object.values((dig(c, 'containers') ?? {}) as Record<string, unknown>).flatMap((container) =>
        ((dig(container, 'envFrom') ?? []) as unknown[]).flatMap((ref) => {
          const name = dig(ref, 'secretRef', 'name');
          return typeof name === 'string' ? [abstractText(name, { app: e.vocab.app })] : [];
        }),
      ),
    );
  });
  const form = majorityOf(names, (n) => n);
  return (form && form.includes('⟪') ? fillText(form, { app }) : undefined) ?? secretName;
}

/**
 * Make the app's Kustomization wait for the store's, in its own file: added to a block dependsOn
 * list, or as a new key in sorted place; for a shape it cannot splice byte for byte, the next step.
 */
function dependOnStore(
  ctx: FluxAppContext,
  app: FluxApp,
  ref: { name: string; namespace: string | undefined } | undefined,
): string | undefined {
  const own = app.ks.namespace;
  if (!ref || (ref.name === app.ks.name && ref.namespace === own)) return undefined; // the store's own app
  const path = app.ks.object.file;
  const source = ctx.repo.tree.read(path) ?? '';
  const docs = parseAllDocuments(source);
  const doc = 'empty' in docs ? undefined : docs[app.ks.object.index];
  const entry = {
    name: ref.name,
    ...(ref.namespace !== own && ref.namespace ? { namespace: ref.namespace } : {}),
  };
  const list = doc?.getIn(['spec', 'dependsOn'], true);
  const present =
    isSeq(list) &&
    (list.toJSON() as { name?: string; namespace?: string }[]).some(
      (d) => d?.name === ref.name && (d.namespace ?? own) === ref.namespace,
    );
  if (present) return undefined;
  const step = `make ${path} depend on the secret store's Kustomization, as the other apps with an ExternalSecret do: spec.dependsOn: - { name: ${entry.name}${'namespace' in entry ? `, namespace: ${entry.namespace}` : ''} }`;
  if (
    !doc ||
    'empty' in docs ||
    docs.length !== 1 ||
    (list !== undefined && (!isSeq(list) || list.flow))
  )
    return step;
  const edit = editYaml(
    source,
    path,
    [
      list
        ? { kind: 'item', path: ['spec', 'dependsOn'], value: doc.createNode(entry) }
        : {
            kind: 'key',
            path: ['spec'],
            key: 'dependsOn',
            value: doc.createNode([entry]),
            place: 'sorted',
          },
    ],
    { rerender: true },
  );
  if (!edit.exact) return step;
  ctx.repo.tree.write(path, edit.text);
  return undefined;
}
