import type { PlanResult } from '../../src/engine/generator.ts';
import { HomeopsError } from '../../src/errors.ts';
import { APP_TEMPLATE_URL } from '../../src/flux/app-template.ts';
import type { FluxConventions } from '../../src/flux/conventions.ts';
import { lookUpDependency } from '../../src/flux/dependencies.ts';
import {
  definedElsewhere,
  kustomizationNamespace,
  type KustomizationRef,
} from '../../src/flux/kustomizations.ts';
import { storeDependency } from '../../src/flux/secret-dependencies.ts';
import { pickStore } from '../../src/secrets/secret-stores.ts';
import type { FluxContext } from '../../src/flux/flux-context.ts';
import { planFluxNamespace } from '../../src/flux/plan-namespace.ts';
import { parseImage, type ImageRef } from '../../src/inputs/checks.ts';
import { readYamlData } from '../../src/repo/read-yaml.ts';
import { render } from '../../src/render/templates.ts';
import { insertSorted } from '../../src/yaml/insert-sorted.ts';
import { planExternalSecret } from '../secret/plan-external-secret.ts';
import type { SecretAnswers } from '../secret/secret-inputs.ts';
import type { AppWithSecretAnswers } from './inputs.ts';

/**
 * A Flux app: `<ns>/<app>/ks.yaml` and `app/` (kustomization, HelmRelease, chart source, and the
 * PVC and HTTPRoute files where the repo keeps them as files), registered in sorted place in the
 * namespace's kustomization.yaml.
 */
export async function planFluxApp(
  ctx: FluxContext,
  answers: AppWithSecretAnswers,
): Promise<PlanResult> {
  const { index, repo } = ctx;
  const { name: app, namespace } = answers;
  const createdNamespace = planFluxNamespace(ctx, namespace);
  const conventions = ctx.conventions(namespace);
  // where the new Kustomization lives: what the namespace folder's kustomization.yaml sets
  const ownNamespace = kustomizationNamespace(index, namespace);
  const view = appView(ctx, conventions, answers, ownNamespace);
  const dir = `${index.appsDir}/${namespace}/${app}`;
  const taken = definedElsewhere(index, { name: app, namespace: ownNamespace }, namespace, app);
  if (taken) {
    throw new HomeopsError(
      'CONFLICT',
      `a Flux Kustomization ${ownNamespace}/${app} already exists (${taken}): a new app of that name would replace it`,
      {
        file: taken.includes('/') ? taken : undefined,
        field: 'name',
        fix: 'choose another --name',
      },
    );
  }
  const files: [string, string][] = [
    [`${dir}/ks.yaml`, render('flux/app/ks.yaml', view)],
    [`${dir}/app/kustomization.yaml`, render('flux/app/kustomization.yaml', view)],
  ];
  for (const resource of view.resources) {
    const file = resource.slice('./'.length);
    if (file === 'externalsecret.yaml') continue; // written by planExternalSecret below
    files.push([`${dir}/app/${file}`, render(`flux/app/${file}`, view)]);
  }
  for (const [path, content] of files) {
    repo.tree.create(path, content, {
      message: `app ${namespace}/${app} already exists and differs from what these inputs generate (${path})`,
      field: 'name',
      fix: 'choose another --name, or remove the existing app first: homeops never overwrites an app',
    });
  }
  const kustomizationPath = index.namespaceKustomization(namespace);
  const registered = insertSorted(
    repo.tree.read(kustomizationPath)!,
    kustomizationPath,
    'resources',
    `${registrationPrefix(ctx, kustomizationPath)}${app}/ks.yaml`,
    (item) => item.endsWith('/ks.yaml'),
  );
  repo.tree.write(kustomizationPath, registered.text);

  const secret = answers.secret
    ? await planExternalSecret(
        ctx,
        { namespace, app },
        answers as AppWithSecretAnswers & SecretAnswers,
      )
    : undefined;
  const warnings: string[] = [...(secret?.warnings ?? [])];
  if (index.namespacesOf(app).some((ns) => ns !== namespace))
    warnings.push(
      `an app named ${app} also exists in ${index
        .namespacesOf(app)
        .filter((ns) => ns !== namespace)
        .join(', ')}`,
    );
  return {
    summary: `app ${app} in namespace ${namespace}${createdNamespace ? ' (new namespace)' : ''}${secret ? ', with an ExternalSecret from 1Password' : ''}: ${dir}/`,
    nextSteps: [
      ...(secret?.nextSteps.slice(0, 1) ?? []),
      `review the HelmRelease values in ${dir}/app/helmrelease.yaml (resources, probes, env)`,
      'commit and push, then: flux reconcile kustomization cluster-apps -n flux-system --with-source',
      `watch it: flux get kustomization ${app} -n ${namespace}; flux get helmrelease ${app} -n ${namespace}`,
    ],
    warnings,
  };
}

function appView(
  ctx: FluxContext,
  conventions: FluxConventions,
  a: AppWithSecretAnswers,
  ownNamespace: string,
) {
  const appTemplate = a.chart === APP_TEMPLATE_URL;
  const shared = appTemplate ? conventions.sharedChartSource : null;
  const hasStorage = appTemplate && a.storage !== 'none';
  const route =
    a.route === 'none' ? null : { hostname: a.hostname!, gateway: conventions.gateways[a.route] };
  const routeInValues = route !== null && appTemplate && conventions.routeIn === 'values';
  const storage = hasStorage
    ? {
        size: a.storage,
        storageClass: a.storageClass ?? null,
        mountPath: a.mountPath ?? '/config',
        inValues: conventions.storageIn === 'values',
      }
    : null;
  const resources = [
    'helmrelease.yaml',
    ...(route && !routeInValues ? ['httproute.yaml'] : []),
    ...(shared ? [] : ['ocirepository.yaml']),
    ...(storage && !storage.inValues ? ['pvc.yaml'] : []),
    ...(a.secret ? ['externalsecret.yaml'] : []),
  ]
    .sort()
    .map((f) => `./${f}`);
  const image: ImageRef | null = appTemplate ? (parseImage(a.image!) as ImageRef) : null;
  return {
    app: a.name,
    namespace: a.namespace,
    schemas: conventions.schemas,
    ks: {
      components: conventions.ks.components,
      dependsOn: dependencies(
        ctx,
        a,
        ownNamespace,
        a.secret
          ? storeDependency(ctx.index, pickStore(ctx.secrets.stores(), a.store).file)
          : undefined,
      ),
      interval: conventions.ks.interval,
      path: `./${ctx.index.appDir(a.namespace, a.name)}`,
      substituteFrom: conventions.ks.substituteFrom,
      sourceRef: conventions.ks.sourceRef,
      targetNamespace: conventions.ks.targetNamespace,
      hasWait: conventions.ks.wait !== null,
      wait: conventions.ks.wait,
    },
    chart: {
      url: a.chart,
      version: a.chartVersion,
      sourceName: shared?.name ?? a.name,
      sourceNamespace: shared?.namespace ?? null,
    },
    appTemplate,
    image,
    port: a.port ?? null,
    probe: { path: a.healthPath ?? null },
    envFrom: a.secret ? [`${a.name}-secret`] : [],
    security: {
      podOptionsKey: 'defaultPodOptions',
      user: conventions.podUser,
      group: conventions.podUser,
      seccompProfile: conventions.seccompProfile,
      flow: conventions.flowSecurity,
    },
    route,
    routeInValues,
    storage,
    /** A ReadWriteOnce volume cannot be attached to the old and the new pod at once. */
    recreate: storage !== null,
    resources,
  };
}

/** `./`, or nothing when the namespace's other entries are written `echo/ks.yaml`. */
function registrationPrefix(ctx: FluxContext, kustomizationPath: string): string {
  const resources = readYamlData(ctx.repo.tree, kustomizationPath)?.resources;
  const entries = (Array.isArray(resources) ? resources : []).filter(
    (r): r is string => typeof r === 'string' && r.endsWith('/ks.yaml'),
  );
  const bare = entries.filter((r) => !r.startsWith('./')).length;
  return entries.length > 0 && bare * 2 > entries.length ? '' : './';
}

/** The dependsOn entries, each once: a namespace only where it differs from the new Kustomization's own. */
function dependencies(
  ctx: FluxContext,
  a: AppWithSecretAnswers,
  own: string,
  store: KustomizationRef | undefined,
): { name: string; namespace: string | null }[] {
  const refs = new Map<string, { name: string; namespace: string | null }>();
  for (const dep of a.dependsOn) {
    const found = lookUpDependency(ctx.index, dep);
    if ('problem' in found)
      throw new Error(`dependsOn ${dep} was validated: ${found.problem.message}`);
    refs.set(`${found.ref.namespace}/${found.ref.name}`, {
      name: found.ref.name,
      namespace: found.ref.namespace === own ? null : found.ref.namespace,
    });
  }
  // an app with an ExternalSecret waits for its store, as the repo's others do
  if (store && !(store.name === a.name && store.namespace === own))
    refs.set(`${store.namespace}/${store.name}`, {
      name: store.name,
      namespace: store.namespace === own ? null : store.namespace,
    });
  return [...refs.values()];
}
