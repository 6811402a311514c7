import { ClustertoolContext } from '../clustertool/clustertool-context.ts';
import { CLUSTERENV, KUBERNETES_DIR } from '../clustertool/repo-index.ts';
import type { RepoContext } from '../engine/generator.ts';
import { emptyEngineInfo, type EngineDescriber } from './describer.ts';
import type { CommandInfo, EngineInfo } from './info-model.ts';

/** A TrueCharts ClusterTool repo, read through ClustertoolContext: layers, apps, HelmRepositories. */
export const clustertoolDescriber: EngineDescriber = {
  engine: 'flux',
  describe(repo: RepoContext): EngineInfo {
    const ctx = new ClustertoolContext(repo);
    const { index } = ctx;
    const conventions = ctx.conventions();
    const info = emptyEngineInfo(
      'flux',
      repo.layout.id,
      `TrueCharts ClusterTool (Flux): one cluster, main; layer folders under ${KUSTOMIZATION_ROOT}/<layer>/, an app is <layer>/<app>/ks.yaml deploying <app>/app/ with a namespace of its own; HelmRepositories in repositories/helm/`,
    );
    const layers = index.layers();
    info.clusters = [
      {
        name: null,
        roots: index.entryKustomizations().map((e) => ({
          kind: 'Kustomization',
          name: e.name,
          file: e.file,
          paths: [],
        })),
        groups: layers.map((layer) => ({
          name: layer,
          dir: `${KUBERNETES_DIR}/${layer}`,
          namespace: null,
          listedIn: index.layerKustomization(layer),
          apps: index.apps(layer),
          appNamespaces: index.apps(layer).map((app) => index.appNamespace(layer, app)),
        })),
      },
    ];
    const apps = index.allApps();
    info.namespaces = [
      ...new Set(apps.map(([layer, app]) => index.appNamespace(layer, app))),
    ].sort();
    info.apps = {
      count: apps.length,
      entryFile: '<app>/ks.yaml',
      appDir: `${KUBERNETES_DIR}/<layer>/<app>/app`,
      registration: {
        how: 'list',
        line: './<app>/ks.yaml',
        file: `${KUBERNETES_DIR}/<layer>/kustomization.yaml`,
        order: 'sorted',
        pickedUpBy: null,
      },
      files: {
        helmrelease: 'helm-release.yaml',
        kustomization: 'kustomization.yaml',
        namespace: 'namespace.yaml',
      },
      chartSource: conventions.repository
        ? `HelmRepository ${conventions.repository} (chart.spec), the one most apps use`
        : null,
    };
    info.chartSources = index.helmRepositories().map((r) => ({
      kind: 'HelmRepository',
      name: r.name,
      namespace: r.namespace,
      url: r.url,
      version: null,
      file: r.file,
      where: 'repository',
    }));
    info.hostname = `<app>.${conventions.domain}`;
    info.gateways = {
      kind: 'ingress-class',
      internal: null,
      external: null,
      all: conventions.ingressClasses.map((name) => ({
        name,
        namespace: null,
        sectionName: null,
      })),
    };
    info.storage = {
      classes: conventions.storageClass ? [conventions.storageClass] : [],
      claims: 'values',
      backupComponent: null,
    };
    const keys = ctx.clusterenvKeys().length;
    info.secrets = {
      stores: ctx.secrets.stores().map((s) => ({
        name: s.name,
        provider: s.provider,
        vaults: s.vaults,
        file: s.file,
      })),
      other: `SOPS: ${CLUSTERENV} (${keys} variable${keys === 1 ? '' : 's'}, encrypted; homeops reads only their names) and *.secret.yaml files`,
      onePasswordItems: null,
    };
    return info;
  },
  commands(info: EngineInfo): CommandInfo[] {
    const group =
      info.clusters[0]?.groups.find((g) => g.name === 'apps') ?? info.clusters[0]?.groups[0];
    const layer = group?.name ?? 'apps';
    const out: CommandInfo[] = [
      {
        what: `add an app to the ${layer} layer, a chart of ${info.apps?.chartSource ?? 'a HelmRepository'} (ingress classes: ${info.gateways.all.map((g) => g.name).join(', ') || 'none'})`,
        command: `homeops app --name=<app> --layer=${layer} --chart=<chart> --chartVersion=<version>`,
      },
      { what: 'the same, asked question by question', command: 'npx plop app' },
      { what: 'add a layer folder', command: 'homeops namespace --name=<layer>' },
    ];
    if (group?.apps.length && info.secrets.stores[0])
      out.push({
        what: `add an ExternalSecret from 1Password (store ${info.secrets.stores[0].name})`,
        command: `homeops secret --app=<app> --vault=${info.secrets.stores[0].vaults[0] ?? '<vault>'} --item=<item title> --fields=<field label>`,
      });
    return out;
  },
};

const KUSTOMIZATION_ROOT = KUBERNETES_DIR;
