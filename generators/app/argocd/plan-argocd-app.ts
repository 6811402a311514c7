import type { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import type { PlanResult } from '../../../src/engine/generator.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { render } from '../../../src/render/templates.ts';
import { appFiles, appMadeBefore, filesAnAppMayHave } from './app-files.ts';
import { sameAppFiles } from './same-app-files.ts';
import type { ArgocdAppAnswers } from './inputs.ts';

/**
 * An Argo CD app: `apps/<app>.yaml` (picked up by the app of apps: nothing to register), its
 * manifests (`manifests/<app>/`) or chart values (`values/<app>.yaml`), and a route to the Gateway
 * (`<routes>/<app>-route.yaml`, with the ReferenceGrant a cross-namespace backend needs).
 */
export function planArgocdApp(ctx: ArgocdContext, a: ArgocdAppAnswers): PlanResult {
  const { index, repo } = ctx;
  const appFile = `${ctx.paths.appsDir}/${a.name}.yaml`;
  // the app's Application would replace one of that name anywhere in the repo (the app of apps too)
  const existing = index
    .everyApplication()
    .find((app) => app.name === a.name && app.file !== appFile);
  if (existing) {
    const what =
      existing.file === ctx.paths.rootApp
        ? ' (the app of apps, which syncs every app of the repo)'
        : '';
    throw new HomeopsError(
      'CONFLICT',
      `an Application named ${a.name} already exists in ${existing.file}${what}`,
      { field: 'name', file: existing.file, fix: 'choose another --name' },
    );
  }
  const files = appFiles(ctx, a);
  // an app made before (not a namespace's Application, which an app may fill): same files or none
  if (appMadeBefore(ctx, a.name))
    sameAppFiles(
      repo.tree,
      a.name,
      files.map(([path]) => path),
      filesAnAppMayHave(ctx, a.name),
    );
  for (const [path, template, view] of files) {
    const content = render(template, view);
    const current = repo.tree.read(path);
    if (current !== undefined && current !== content) {
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
    repo.tree.create(path, content);
  }

  const written = files.map(([path]) => path);
  const warnings: string[] = [];
  const nextSteps: string[] = [];
  const conventions = ctx.conventions();
  if (a.kind === 'helm') {
    nextSteps.push(
      `fill in the chart's values in ${ctx.paths.valuesDir}/${a.name}.yaml (resources, security context, persistence)`,
    );
    if (a.storage !== 'none')
      nextSteps.push(
        `point the chart's persistence at the PersistentVolumeClaim ${a.name} (${index.manifestsOf(a.name)}/pvc.yaml)`,
      );
    // the route's backend is a guess: the Service a chart names after its release
    if (a.route !== 'none')
      nextSteps.push(
        `check that the chart's Service is named ${a.name} and listens on port ${a.servicePort} (the route's backendRef)`,
      );
  }
  if (a.route === 'host' && a.hostname !== conventions.hostname) {
    nextSteps.push(
      `make ${a.hostname} reach the Gateway: DNS and the Cloudflare tunnel's ingress (it serves ${conventions.hostname ?? 'the existing hostnames'} today)`,
    );
  }
  nextSteps.push(
    `commit and push; the app of apps (${ctx.paths.rootApp}) picks up ${appFile} by itself`,
  );
  nextSteps.push(`watch it: kubectl get application ${a.name} -n argocd`);
  if (a.route !== 'none')
    nextSteps.push(`then: curl https://${a.hostname}${a.route === 'path' ? `${a.path}/` : '/'}`);
  return {
    summary: `app ${a.name} (${a.kind === 'helm' ? `chart ${a.chart} ${a.chartVersion}` : a.image}) in namespace ${a.namespace}: ${written.length} files`,
    nextSteps,
    warnings,
  };
}
