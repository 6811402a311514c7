// A synthetic Flux repo of N apps (100 per namespace), shaped like the fixtures. With `clusters`,
// one tree per cluster (kubernetes/<cluster>/apps, a root Kustomization each) and the apps
// spread over them, as in the multi-cluster repos of the notes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const K = 'https://kubernetes-schemas.pages.dev';

export function makeRepo(root, apps, clusters = []) {
  if (clusters.length === 0) return makeTree(root, 'kubernetes', apps);
  const each = Math.ceil(apps / clusters.length);
  clusters.forEach((c, i) => makeTree(root, `kubernetes/${c}`, Math.min(each, apps - i * each)));
}

function makeTree(root, tree, apps) {
  const perNs = 100;
  const namespaces = Math.max(1, Math.ceil(apps / perNs));
  for (let n = 0; n < namespaces; n++) {
    const ns = n === 0 ? 'default' : `ns-${String(n).padStart(2, '0')}`;
    const names = [];
    for (let a = 0; a < Math.min(perNs, apps - n * perNs); a++) {
      const app = `app-${String(n * perNs + a).padStart(4, '0')}`;
      names.push(app);
      const dir = join(root, tree, 'apps', ns, app);
      mkdirSync(join(dir, 'app'), { recursive: true });
      writeFileSync(
        join(dir, 'ks.yaml'),
        `---\n# yaml-language-server: $schema=${K}/kustomize.toolkit.fluxcd.io/kustomization_v1.json\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: ${app}\nspec:\n  interval: 1h\n  path: ./${tree}/apps/${ns}/${app}/app\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n    namespace: flux-system\n  targetNamespace: ${ns}\n  wait: false\n`,
      );
      writeFileSync(
        join(dir, 'app/kustomization.yaml'),
        `---\n# yaml-language-server: $schema=https://json.schemastore.org/kustomization\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ./helmrelease.yaml\n  - ./ocirepository.yaml\n`,
      );
      writeFileSync(
        join(dir, 'app/ocirepository.yaml'),
        `---\n# yaml-language-server: $schema=${K}/source.toolkit.fluxcd.io/ocirepository_v1.json\napiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata:\n  name: ${app}\nspec:\n  interval: 15m\n  layerSelector:\n    mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip\n    operation: copy\n  ref:\n    tag: ${a % 7 === 0 ? '4.3.0' : '4.4.0'}\n  url: oci://ghcr.io/bjw-s-labs/helm/app-template\n`,
      );
      writeFileSync(
        join(dir, 'app/helmrelease.yaml'),
        `---\n# yaml-language-server: $schema=${K}/helm.toolkit.fluxcd.io/helmrelease_v2.json\napiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata:\n  name: ${app}\nspec:\n  chartRef:\n    kind: OCIRepository\n    name: ${app}\n  interval: 1h\n  values:\n    controllers:\n      ${app}:\n        containers:\n          app:\n            image:\n              repository: ghcr.io/example/${app}\n              tag: 1.0.0\n    defaultPodOptions:\n      securityContext:\n        runAsUser: 1000\n    service:\n      app:\n        ports:\n          http:\n            port: 8080\n`,
      );
    }
    const dir = join(root, tree, 'apps', ns);
    writeFileSync(
      join(dir, 'namespace.yaml'),
      `---\napiVersion: v1\nkind: Namespace\nmetadata:\n  name: _\n  annotations:\n    kustomize.toolkit.fluxcd.io/prune: disabled\n`,
    );
    writeFileSync(
      join(dir, 'kustomization.yaml'),
      `---\n# yaml-language-server: $schema=https://json.schemastore.org/kustomization\napiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: ${ns}\n\nresources:\n  - ./namespace.yaml\n${names.map((a) => `  - ./${a}/ks.yaml\n`).join('')}`,
    );
  }
  mkdirSync(join(root, tree, 'flux/cluster'), { recursive: true });
  writeFileSync(
    join(root, tree, 'flux/cluster/ks.yaml'),
    `---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata:\n  name: cluster-apps\n  namespace: flux-system\nspec:\n  interval: 1h\n  path: ./${tree}/apps\n  prune: true\n  sourceRef:\n    kind: GitRepository\n    name: flux-system\n`,
  );
}
