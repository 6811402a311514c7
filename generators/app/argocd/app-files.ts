import type { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { parseImage, type ImageRef } from '../../../src/inputs/checks.ts';
import type { ArgocdAppAnswers } from './inputs.ts';
import { answer } from '../../../src/inputs/answers-of.ts';

/** One file to write: repo path, template, view. */
export type PlannedFile = [path: string, template: string, view: object];

/** The files of an app, with the views their templates render. */
export function appFiles(ctx: ArgocdContext, a: ArgocdAppAnswers): PlannedFile[] {
  const conventions = ctx.conventions();
  const manifestsPath = ctx.index.manifestsOf(a.name);
  const ownsNamespace = ctx.ownsNewNamespace(a.namespace, a.name);
  const storage =
    a.storage === 'none'
      ? null
      : {
          size: a.storage,
          storageClass: a.storageClass ?? null,
          mountPath: a.mountPath ?? '/config',
        };
  const helm = a.kind === 'helm';
  const base = { app: a.name, namespace: a.namespace };
  const files: PlannedFile[] = [];

  const manifests: PlannedFile[] = [];
  if (ownsNamespace)
    manifests.push([
      `${manifestsPath}/namespace.yaml`,
      'argocd/namespace/namespace.yaml',
      { ...base, podSecurity: a.podSecurity ?? (helm ? 'baseline' : 'restricted') },
    ]);
  if (!helm) {
    const image = parseImage(answer(a, 'image')) as ImageRef;
    const version = image.tag.replace(/@.*$/, '').slice(0, 63); // the tag without its digest
    manifests.push([
      `${manifestsPath}/deployment.yaml`,
      'argocd/app/deployment.yaml',
      {
        ...base,
        image: a.image,
        version,
        port: a.port,
        healthPath: a.healthPath ?? null,
        podUser: conventions.podUser,
        storage,
      },
    ]);
    manifests.push([`${manifestsPath}/service.yaml`, 'argocd/app/service.yaml', base]);
  }
  if (storage)
    manifests.push([`${manifestsPath}/pvc.yaml`, 'argocd/app/pvc.yaml', { ...base, storage }]);

  const application = {
    ...base,
    git: { repoURL: conventions.repoURL, targetRevision: conventions.targetRevision },
    server: conventions.server,
    helm: helm
      ? {
          chart: a.chart,
          repoURL: a.repoURL,
          version: a.chartVersion,
          valueFile: `$values/${ctx.paths.valuesDir}/${a.name}.yaml`,
        }
      : null,
    manifestsPath: manifests.length > 0 ? manifestsPath : null,
  };
  files.push([`${ctx.paths.appsDir}/${a.name}.yaml`, 'argocd/app/application.yaml', application]);
  if (helm) {
    files.push([
      `${ctx.paths.valuesDir}/${a.name}.yaml`,
      'argocd/app/values.yaml',
      {
        chart: a.chart,
        version: a.chartVersion,
        repoURL: a.repoURL,
        pvc: storage ? a.name : null,
        manifestsPath,
      },
    ]);
  }
  files.push(...manifests);
  if (a.route !== 'none')
    files.push([
      `${ctx.paths.routesDir}/${a.name}-route.yaml`,
      'argocd/app/route.yaml',
      { ...base, route: routeView(ctx, a) },
    ]);
  return files;
}

/** Every file homeops writes for an app of this name, whatever the inputs. */
export function filesAnAppMayHave(ctx: ArgocdContext, name: string): string[] {
  const manifests = ctx.index.manifestsOf(name);
  return [
    `${ctx.paths.appsDir}/${name}.yaml`,
    `${ctx.paths.valuesDir}/${name}.yaml`,
    ...['namespace', 'deployment', 'service', 'pvc'].map((f) => `${manifests}/${f}.yaml`),
    `${ctx.paths.routesDir}/${name}-route.yaml`,
  ];
}

/**
 * Whether `homeops app` made an app of this name before: its Application and its workload (the
 * Deployment, or the chart's values). `homeops namespace` writes an Application alone.
 */
export function appMadeBefore(ctx: ArgocdContext, name: string): boolean {
  const { tree } = ctx.repo;
  return (
    tree.isFile(`${ctx.paths.appsDir}/${name}.yaml`) &&
    (tree.isFile(`${ctx.index.manifestsOf(name)}/deployment.yaml`) ||
      tree.isFile(`${ctx.paths.valuesDir}/${name}.yaml`))
  );
}

function routeView(ctx: ArgocdContext, a: ArgocdAppAnswers) {
  const gateway = ctx.conventions().gateway;
  if (!gateway) {
    throw new HomeopsError(
      'CONFLICT',
      `no HTTPRoute in ${ctx.paths.routesDir} names a Gateway to attach to`,
      {
        field: 'route',
        fix: `pass --route=none, or add the Gateway and a route to ${ctx.paths.routesDir} first`,
      },
    );
  }
  return {
    name: `${a.name}-route`,
    gateway,
    hostname: answer(a, 'hostname'),
    path: a.route === 'path' ? answer(a, 'path').replace(/\/+$/, '') : null,
    service: a.kind === 'helm' ? (a.serviceName ?? a.name) : a.name,
    port: a.kind === 'helm' ? answer(a, 'servicePort') : 80,
    // a backend in another namespace than the route needs the target namespace's permission
    grant: a.namespace === gateway.namespace ? null : `${a.name}-route-grant`,
  };
}
