import type { ClustertoolContext } from '../../../src/clustertool/clustertool-context.ts';
import { clusterenvStep, ipVariable, variablesIn } from '../../../src/clustertool/clusterenv.ts';
import {
  CLUSTERENV,
  HELM_REPOSITORIES_DIR,
  type HelmRepositoryRef,
} from '../../../src/clustertool/repo-index.ts';
import type { PlanResult } from '../../../src/engine/generator.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { parseImage, type ImageRef } from '../../../src/inputs/checks.ts';
import { render } from '../../../src/render/templates.ts';
import { addItem } from '../../../src/yaml/edit/edit-yaml.ts';
import { isAppTemplate, isTruecharts, repositoryOf } from './chart-kind.ts';
import type { ClustertoolAppAnswers } from './inputs.ts';
import { refuseEntryName } from './refuse-entry-name.ts';
import { answer } from '../../../src/inputs/answers-of.ts';

/**
 * A ClusterTool app: `<layer>/<app>/ks.yaml` and `app/{kustomization,namespace,helm-release}.yaml`,
 * registered in sorted place in the layer's kustomization.yaml; a new HelmRepository in
 * repositories/helm/ when the chart's repository is new. clusterenv.yaml is never written: the
 * variables it lacks are next steps.
 */
export function planClustertoolApp(ctx: ClustertoolContext, a: ClustertoolAppAnswers): PlanResult {
  const { index, repo } = ctx;
  const { name: app, layer } = a;
  refuseEntryName(ctx, a);
  const repository = planRepository(ctx, a);
  const view = appView(ctx, a, repository);
  const folder = index.appFolder(layer, app);
  const files: [string, string][] = [
    [`${folder}/ks.yaml`, render('clustertool/app/ks.yaml', view)],
    [`${folder}/app/kustomization.yaml`, render('clustertool/app/kustomization.yaml', view)],
    [`${folder}/app/namespace.yaml`, render('clustertool/app/namespace.yaml', view)],
    [`${folder}/app/helm-release.yaml`, render('clustertool/app/helm-release.yaml', view)],
  ];
  for (const [path, content] of files) {
    const current = repo.tree.read(path);
    if (current !== undefined && current !== content) {
      throw new HomeopsError(
        'CONFLICT',
        `app ${layer}/${app} already exists and differs from what these inputs generate (${path})`,
        {
          file: path,
          field: 'name',
          fix: 'choose another --name, or remove the existing app first: homeops never overwrites an app',
        },
      );
    }
    repo.tree.create(path, content);
  }
  const layerKustomization = index.layerKustomization(layer);
  repo.tree.write(
    layerKustomization,
    // commented-out entries (disabled apps) count as places: ./whoami/ks.yaml goes after # - ./sonarr/ks.yaml
    addItem(
      repo.tree.read(layerKustomization)!,
      layerKustomization,
      ['resources'],
      `./${app}/ks.yaml`,
      {
        sorted: true,
        among: (item) => item.endsWith('/ks.yaml'),
        commented: true,
      },
    ).text,
  );

  const known = new Set(ctx.clusterenvKeys());
  const used = variablesIn(files.map(([, c]) => c).join('\n'));
  const missing = used.filter((v) => !known.has(v));
  const lbVar = view.loadBalancer ? view.loadBalancer.variable : undefined;
  const warnings: string[] = [];
  if (lbVar && known.has(lbVar))
    warnings.push(
      `${lbVar} is already defined in ${CLUSTERENV}: make sure no other service uses that address`,
    );
  const nextSteps = [
    ...(missing.length
      ? [clusterenvStep(missing, lbVar ? { [lbVar]: '<a free address in METALLB_RANGE>' } : {})]
      : []),
    ...(repository.created
      ? [`check the new HelmRepository ${repository.ref.file} (interval, type)`]
      : []),
    `review the HelmRelease values in ${folder}/app/helm-release.yaml`,
    'commit and push, then: flux reconcile kustomization flux-entry -n flux-system --with-source',
    `watch it: flux get kustomization ${app} -n flux-system; flux get helmrelease ${app} -n ${app}`,
  ];
  return {
    summary: `app ${app} in layer ${layer} (namespace ${app}), chart ${a.chart} ${a.chartVersion} from ${repository.ref.name}${repository.created ? ' (new HelmRepository)' : ''}: ${folder}/`,
    nextSteps,
    warnings,
  };
}

/** The chart's HelmRepository: an existing one, or a new file registered in repositories/helm/. */
function planRepository(
  ctx: ClustertoolContext,
  a: ClustertoolAppAnswers,
): { ref: HelmRepositoryRef; created: boolean } {
  const existing = repositoryOf(ctx, a);
  if (existing) return { ref: existing, created: false };
  const name = answer(a, 'repositoryName');
  const file = `${HELM_REPOSITORIES_DIR}/${name}.yaml`;
  const ref: HelmRepositoryRef = { name, namespace: 'flux-system', url: a.repository, file };
  const view = {
    schemas: ctx.conventions(a.layer).schemas,
    repository: { ...ref, oci: a.repository.startsWith('oci://') },
  };
  ctx.repo.tree.create(
    file,
    render('clustertool/app/helm-repository.yaml', view),
    'HelmRepository file',
  );
  const kustomization = `${HELM_REPOSITORIES_DIR}/kustomization.yaml`;
  const text = ctx.repo.tree.read(kustomization);
  if (text === undefined) {
    throw new HomeopsError(
      'CONFLICT',
      `${kustomization} does not exist, so a new HelmRepository could not be registered`,
      {
        file: kustomization,
        fix: 'add it (listing the repository files), or use an existing --repository',
      },
    );
  }
  ctx.repo.tree.write(
    kustomization,
    addItem(text, kustomization, ['resources'], `./${name}.yaml`, { sorted: true }).text,
  );
  return { ref, created: true };
}

function appView(
  ctx: ClustertoolContext,
  a: ClustertoolAppAnswers,
  repository: { ref: HelmRepositoryRef },
) {
  const c = ctx.conventions(a.layer);
  const answers: Record<string, unknown> = a;
  const appTemplate = isAppTemplate(answers);
  const truecharts = isTruecharts(ctx, answers);
  const ingress =
    a.ingress && a.ingress !== 'none'
      ? {
          className: a.ingress,
          hostname: answer(a, 'hostname'),
          certificateIssuer: c.certificateIssuer,
        }
      : null;
  const variable = ipVariable(a.name);
  const loadBalancer = a.loadBalancer ? { variable, ip: `\${${variable}}` } : null;
  const storage =
    a.storage && a.storage !== 'none'
      ? {
          size: a.storage,
          storageClass: a.storageClass ?? null,
          mountPath: a.mountPath ?? '/config',
        }
      : null;
  const image: ImageRef | null = appTemplate ? (parseImage(answer(a, 'image')) as ImageRef) : null;
  return {
    app: a.name,
    namespace: a.name,
    schemas: c.schemas,
    ks: {
      namespace: c.ks.namespace,
      dependsOn: a.dependsOn,
      interval: c.ks.interval,
      path: `./${ctx.index.appDir(a.layer, a.name)}`,
      sourceRef: c.ks.sourceRef,
      hasWait: c.ks.wait !== null,
      wait: c.ks.wait,
    },
    hr: c.helmRelease,
    chart: {
      name: a.chart,
      version: a.chartVersion,
      repository: repository.ref.name,
      repositoryNamespace: repository.ref.namespace,
    },
    appTemplate,
    truecharts,
    truechartsValues:
      truecharts &&
      (c.timezone !== null || ingress !== null || loadBalancer !== null || storage !== null),
    timezone: c.timezone,
    image,
    port: a.port ?? null,
    ingress,
    loadBalancer,
    storage,
    resources: ['./namespace.yaml', './helm-release.yaml'],
  };
}
