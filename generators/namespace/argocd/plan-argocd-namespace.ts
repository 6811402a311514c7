import type { ArgocdContext } from '../../../src/argocd/argocd-context.ts';
import type { PlanResult } from '../../../src/engine/generator.ts';
import { HomeopsError } from '../../../src/errors.ts';
import { render } from '../../../src/render/templates.ts';
import { SYSTEM_NAMESPACES } from '../../../src/repo/system-namespaces.ts';

export type ArgocdNamespaceAnswers = {
  name: string;
  podSecurity: 'restricted' | 'baseline' | 'privileged';
};

export function planArgocdNamespace(
  ctx: ArgocdContext,
  { name, podSecurity }: ArgocdNamespaceAnswers,
): PlanResult {
  const { index, paths } = ctx;
  const dir = index.manifestsOf(name);
  const appFile = `${paths.appsDir}/${name}.yaml`;
  const users = index
    .applications()
    .filter((a) => a.namespace === name)
    .map((a) => a.name);
  const declaredIn = index.declaredNamespaces().get(name);
  if (SYSTEM_NAMESPACES.includes(name) || users.length > 0 || declaredIn) {
    const why = SYSTEM_NAMESPACES.includes(name)
      ? 'it is a system namespace'
      : declaredIn
        ? `${declaredIn} declares it`
        : `Argo CD creates it for ${users.join(', ')} (CreateNamespace=true)`;
    const next =
      declaredIn || SYSTEM_NAMESPACES.includes(name)
        ? []
        : [`to give it labels, add a Namespace to the manifests of ${users[0]}`];
    return { summary: `namespace ${name} already exists: ${why}`, nextSteps: next, warnings: [] };
  }
  const conventions = ctx.conventions();
  const files: [string, string][] = [
    [
      appFile,
      render('argocd/app/application.yaml', {
        app: name,
        namespace: name,
        git: { repoURL: conventions.repoURL, targetRevision: conventions.targetRevision },
        server: conventions.server,
        helm: null,
        manifestsPath: dir,
      }),
    ],
    [
      `${dir}/namespace.yaml`,
      render('argocd/namespace/namespace.yaml', { app: name, namespace: name, podSecurity }),
    ],
  ];
  for (const [path, content] of files) {
    const current = ctx.repo.tree.read(path);
    if (current !== undefined && current !== content) {
      throw new HomeopsError('CONFLICT', `${path} already exists with other content`, {
        file: path,
        field: 'name',
        fix: 'choose another --name, or edit the existing file by hand',
      });
    }
    ctx.repo.tree.create(path, content);
  }
  return {
    summary: `namespace ${name} (Pod Security ${podSecurity}): ${dir}/namespace.yaml, synced by the Application in ${appFile}`,
    nextSteps: [
      `add apps to it: homeops app --namespace=${name} ... (or --name=${name} to fill ${dir}/)`,
      `commit and push; the app of apps picks up ${appFile} by itself`,
    ],
    warnings: [],
  };
}
