import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { homeops } from '../support/temp-repo.ts';

/** A repo of app folders whose Applications are made outside its YAML (Terraform): one Application of its own deploys one folder. */
function appsMadeElsewhere(): string {
  const repo = mkdtempSync(join(tmpdir(), 'homeops-argocd-no-root-'));
  const files: Record<string, string> = {
    'apps/site/application.yaml':
      '---\napiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: site-bootstrap\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: https://github.com/example/lab.git\n    targetRevision: HEAD\n    path: apps/site/bootstrap\n  destination:\n    name: in-cluster\n    namespace: site\n',
    'apps/site/bootstrap/kustomization.yaml':
      '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./configmap.yaml\n',
    'apps/site/bootstrap/configmap.yaml':
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: site\ndata:\n  a: b\n',
    'apps/affine/kustomization.yaml':
      '---\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./deployment.yaml\n',
    'apps/affine/deployment.yaml':
      '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: affine\nspec:\n  selector:\n    matchLabels:\n      app: affine\n  template:\n    metadata:\n      labels:\n        app: affine\n    spec:\n      containers:\n        - name: app\n          image: ghcr.io/example/affine:1.0.0\n',
  };
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(repo, file)), { recursive: true });
    writeFileSync(join(repo, file), text);
  }
  return repo;
}

describe('homeops info in an Argo CD repo with no root of its app folders', () => {
  it('says no Application or ApplicationSet of the repo deploys them, not "app of apps ()"', async () => {
    const run = await homeops('info', '--dest', appsMadeElsewhere());
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(
      'Shape      Argo CD objects, but no Application or ApplicationSet of the repo deploys its app folders',
    );
    expect(run.stdout).not.toContain('()');
  });
});
