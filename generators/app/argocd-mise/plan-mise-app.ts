import { APPS_DIR } from '../../../src/argocd-mise/apps-index.ts';
import type { ArgocdMiseContext } from '../../../src/argocd-mise/argocd-mise-context.ts';
import { ROOT_APP_MISSING, rootAppRecurses } from '../../../src/argocd-mise/root-app.ts';
import type { PlanResult } from '../../../src/engine/generator.ts';
import { sameAppFiles } from '../argocd/same-app-files.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { render } from '../../../src/render/templates.ts';
import { SYSTEM_NAMESPACES } from '../../../src/repo/system-namespaces.ts';
import type { MiseAppAnswers } from './inputs.ts';
import { answer } from '../../../src/inputs/answers-of.ts';

/**
 * An argocd-mise app: `src/apps/<tier>/<app>/application.yaml` and, unless it is a chart alone,
 * its `k8s/` manifests. The root Application recurses over src/apps, so nothing is registered.
 */
export function planMiseApp(ctx: ArgocdMiseContext, a: MiseAppAnswers): PlanResult {
  const dir = `${APPS_DIR}/${a.tier}/${a.name}`;
  const elsewhere = ctx.index.find(a.name).find((app) => app.tier !== a.tier);
  if (elsewhere) {
    throw new HomeopsError(
      'CONFLICT',
      `app ${a.name} already exists in tier ${elsewhere.tier} (${elsewhere.dir})`,
      {
        field: 'tier',
        fix: `choose another --name, or --tier=${elsewhere.tier} to check it against the existing app`,
      },
    );
  }
  if (ctx.repo.tree.isDirectory(dir) && !ctx.repo.tree.isFile(`${dir}/application.yaml`)) {
    throw new HomeopsError(
      'CONFLICT',
      `${dir}/ exists and is not an app (it has no application.yaml)`,
      { file: dir, field: 'name', fix: 'choose another --name' },
    );
  }
  const sharedWith = namespaceUsers(ctx, a.namespace, dir);
  const view = appView(
    ctx,
    a,
    dir,
    sharedWith.length === 0 && !SYSTEM_NAMESPACES.includes(a.namespace),
  );
  if (a.kind === 'helm+manifests' && view.k8sFiles.length === 0) {
    throw new HomeopsError(
      'INVALID_INPUT',
      `kind helm+manifests syncs ${dir}/k8s, but these inputs put nothing there (Argo CD refuses an empty path)`,
      {
        field: 'kind',
        fix: 'pass --route=internal, or use --kind=helm now and add manifests later (homeops secret adds k8s/ and its source)',
      },
    );
  }
  const files: [string, string][] = [
    [`${dir}/application.yaml`, render('argocd-mise/app/application.yaml', view)],
  ];
  for (const file of view.k8sFiles)
    files.push([`${dir}/k8s/${file}`, render(`argocd-mise/app/${file}`, view)]);
  if (ctx.repo.tree.isFile(`${dir}/application.yaml`)) {
    const k8s = ['namespace', 'deployment', 'service', 'pvc', 'httproute'];
    const mayHave = [`${dir}/application.yaml`, ...k8s.map((f) => `${dir}/k8s/${f}.yaml`)];
    sameAppFiles(
      ctx.repo.tree,
      a.name,
      files.map(([path]) => path),
      mayHave,
    );
  }
  for (const [path, content] of files) {
    const existing = ctx.repo.tree.read(path);
    if (existing !== undefined && existing !== content) {
      throw new HomeopsError(
        'CONFLICT',
        `app ${a.name} already exists and differs from what these inputs generate (${path})`,
        {
          file: path,
          field: 'name',
          fix: 'choose another --name, or remove the existing app first: homeops never overwrites an app',
        },
      );
    }
    ctx.repo.tree.create(path, content);
  }

  const warnings: string[] = [];
  if (!rootAppRecurses(ctx.index)) warnings.push(ROOT_APP_MISSING);
  if (view.route && !ctx.conventions().gateway)
    warnings.push(
      `no Gateway or HTTPRoute found in the repo: the route attaches to Gateway ${view.route.gateway.namespace}/${view.route.gateway.name}; check it exists`,
    );
  const declaredIn = (ctx.index.namespaces().get(a.namespace) ?? []).find(
    (o) => o.how === 'manifest' && !o.file.startsWith(`${dir}/`),
  );
  const namespaceNote =
    view.k8sFiles.includes('namespace.yaml') || sharedWith.length === 0
      ? ''
      : declaredIn
        ? ` (namespace declared in ${declaredIn.file})`
        : ` (namespace shared with ${sharedWith.join(', ')}; created by CreateNamespace=true)`;
  return {
    summary: `app ${a.name} (${a.kind}) in namespace ${a.namespace}${namespaceNote}: ${dir}/`,
    nextSteps: [
      ...(a.kind !== 'manifests'
        ? [`fill the chart values in ${dir}/application.yaml (helm.valuesObject)`]
        : [`review ${dir}/k8s/deployment.yaml (resources, probes, env)`]),
      ...(a.kind === 'helm+manifests' && view.route
        ? [
            `check that the chart's Service is named ${a.name} and listens on port ${a.port} (the HTTPRoute's backendRef)`,
          ]
        : []),
      'commit and push: the root Application picks up the new application.yaml by itself',
      `watch it: kubectl -n ${ctx.conventions().argocdNamespace} get application ${a.name} (or argocd app get ${a.name})`,
    ],
    warnings,
  };
}

/** The other apps (and namespace files) that already use a namespace, outside this app's folder. */
function namespaceUsers(ctx: ArgocdMiseContext, namespace: string, dir: string): string[] {
  const origins = ctx.index.namespaces().get(namespace) ?? [];
  const users = origins.map((o) => o.file).filter((f) => !f.startsWith(`${dir}/`));
  return [
    ...new Set(
      users.map((f) => f.match(/^src\/apps\/[^/]+\/([^/]+)\/(application\.yaml|k8s\/)/)?.[1] ?? f),
    ),
  ];
}

function appView(ctx: ArgocdMiseContext, a: MiseAppAnswers, dir: string, ownsNamespace: boolean) {
  const conventions = ctx.conventions();
  const manifests = a.kind === 'manifests';
  const route =
    a.route !== undefined && a.route !== 'none'
      ? {
          hostname: answer(a, 'hostname'),
          gateway: conventions.gateway ?? { name: 'internal', namespace: 'gateway' },
          service: a.name,
        }
      : null;
  const storage =
    manifests && a.storage !== undefined && a.storage !== 'none'
      ? {
          size: a.storage,
          storageClass: a.storageClass ?? null,
          mountPath: a.mountPath ?? '/data',
          claimName: `${a.name}-data`,
        }
      : null;
  const k8sFiles = [
    ...(manifests && ownsNamespace ? ['namespace.yaml'] : []),
    ...(manifests ? ['deployment.yaml', 'service.yaml'] : []),
    ...(storage ? ['pvc.yaml'] : []),
    ...(route ? ['httproute.yaml'] : []),
  ];
  return {
    app: a.name,
    namespace: a.namespace,
    kind: a.kind,
    argocdNamespace: conventions.argocdNamespace,
    project: conventions.project,
    destinationServer: conventions.destinationServer,
    gitRepoURL: a.kind === 'helm' ? null : ctx.gitRepoURL(),
    k8sPath: `${dir}/k8s`,
    chart:
      a.kind === 'manifests'
        ? null
        : {
            name: answer(a, 'chart'),
            repoURL: answer(a, 'repoURL'),
            version: answer(a, 'chartVersion'),
          },
    serverSideApply: a.serverSideApply === true,
    image: a.image ?? null,
    port: a.port ?? null,
    healthPath: a.healthPath ?? null,
    route,
    storage,
    k8sFiles,
  };
}
