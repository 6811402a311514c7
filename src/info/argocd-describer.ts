import { ArgocdContext } from '../argocd/argocd-context.ts';
import { readSecretsTable } from '../argocd/secrets-table.ts';
import { rootAppRecurses } from '../argocd-mise/root-app.ts';
import { ArgocdMiseContext } from '../argocd-mise/argocd-mise-context.ts';
import type { RepoContext } from '../engine/generator.ts';
import { learnGateways, parentRefsOf, type GatewayRef } from '../repo/gateways.ts';
import { dig, ObjectReader, type RepoObject } from '../repo/graph/objects.ts';
import { findSecretStores, otherStoresText } from '../secrets/secret-stores.ts';
import { readArgo } from './argo-objects.ts';
import { argocdCommands } from './argocd-commands.ts';
import { describeArgoApps } from './argo-apps-describer.ts';
import { emptyEngineInfo, type EngineDescriber } from './describer.ts';
import type { EngineInfo } from './info-model.ts';
import { byUse } from '../learn/majority.ts';
import { gatewayInfo } from './words.ts';

/**
 * An Argo CD repo: its roots and apps read from the Argo CD objects (argo-objects.ts); the seed
 * layouts homeops writes today (app of apps, talosctl + mise) add what their contexts learn, and
 * every other shape what the Argo CD engine (src/engines/argocd) reads (argo-apps-describer.ts).
 */
export const argocdDescriber: EngineDescriber = argocdDescriberOver([]);

/** The Argo CD describer, with objects found beyond discover()'s walk (in a Flux tree). */
export function argocdDescriberOver(extra: readonly RepoObject[]): EngineDescriber {
  return {
    engine: 'argocd',
    describe: (repo) => describeArgo(repo, extra),
    commands: argocdCommands,
  };
}

function describeArgo(repo: RepoContext, extra: readonly RepoObject[]): EngineInfo {
  {
    const layout = argoLayout(repo);
    const reader = new ObjectReader(repo.tree);
    const reading = readArgo(reader, extra);
    const sets = reading.roots.filter((r) => r.kind === 'ApplicationSet');
    const apps = reading.roots.filter((r) => r.kind === 'Application');
    // no root at all: the Applications are made outside the repo's YAML (Terraform, a CLI)
    const appOfApps = (then: string) =>
      apps.length
        ? `Argo CD app of apps (${apps.map((a) => `${a.name} reads ${a.paths.join(', ')}`).join('; ')}): a new app is ${then}`
        : 'Argo CD objects, but no Application or ApplicationSet of the repo deploys its app folders (they are made outside its YAML): homeops cannot tell where a new app goes';
    const shape = sets.length
      ? `Argo CD ApplicationSets (${sets.map((s) => `${s.name}: ${s.paths.join(', ')}`).join('; ')}): a new app is a folder the pattern matches`
      : appOfApps('an Application file there');
    const info = emptyEngineInfo('argocd', layout, shape);
    info.clusters = [{ name: null, roots: reading.roots, groups: reading.groups }];
    const count = reading.groups.reduce((n, g) => n + g.apps.length, 0);
    const root = sets[0] ?? apps[0];
    info.apps = {
      count,
      entryFile: sets.length ? null : '<app>.yaml (an Application)',
      appDir: null,
      registration: {
        how: 'none',
        line: null,
        file: null,
        order: null,
        pickedUpBy: root ? `the ${root.kind} ${root.name} (${root.paths.join(', ')})` : null,
      },
      files: {},
      chartSource: null,
    };
    if (layout === 'argocd') seedAppOfApps(repo, info);
    else if (layout === 'argocd-mise') seedMise(repo, info);
    else if (layout !== 'argocd-apps' || !describeArgoApps(repo, info))
      readLoose(repo, reader, info);
    if (!sets.length && info.apps?.entryFile) info.shape = appOfApps(info.apps.entryFile);
    const stores = findSecretStores(repo.tree, ['']);
    info.secrets.stores = stores.onePassword.map((s) => ({
      name: s.name,
      provider: s.provider,
      vaults: s.vaults,
      file: s.file,
    }));
    info.secrets.other ??= otherStoresText(stores.other);
    return info;
  }
}

function argoLayout(repo: RepoContext): 'argocd' | 'argocd-mise' | 'argocd-apps' | null {
  try {
    const id = repo.layout.id;
    return id === 'argocd' || id === 'argocd-mise' || id === 'argocd-apps' ? id : null;
  } catch {
    return null; // a shape the Argo CD generators do not write yet
  }
}

/** Seed 004: Applications in kubernetes/argocd/apps, manifests/<app>, values/<app>.yaml. */
function seedAppOfApps(repo: RepoContext, info: EngineInfo): void {
  const ctx = new ArgocdContext(repo);
  const c = ctx.conventions();
  info.namespaces = ctx.index.namespaces();
  if (info.apps) {
    info.apps.entryFile = `${ctx.paths.appsDir}/<app>.yaml`;
    info.apps.appDir = `${ctx.paths.manifestsDir}/<app>`;
    info.apps.files = {
      values: `${ctx.paths.valuesDir}/<app>.yaml`,
      route: `${ctx.paths.routesDir}/<app>-route.yaml`,
    };
  }
  info.gateways.internal = c.gateway && {
    name: c.gateway.name,
    namespace: c.gateway.namespace,
    sectionName: null,
  };
  info.gateways.all = info.gateways.internal ? [info.gateways.internal] : [];
  info.hostname = c.hostname;
  info.storage.classes = c.storageClass ? [c.storageClass] : [];
  const script = repo.tree.read(ctx.paths.secretsScript);
  if (script !== undefined) {
    const table = readSecretsTable(script, ctx.paths.secretsScript);
    info.secrets.other = `the SECRETS table of ${ctx.paths.secretsScript} (${table.entries.length} Secrets from 1Password${table.vault ? `, vault ${table.vault}` : ''})`;
  }
}

/** Seed 003: src/apps/<tier>/<app>/application.yaml + k8s/, a root that recurses over src/apps. */
function seedMise(repo: RepoContext, info: EngineInfo): void {
  const ctx = new ArgocdMiseContext(repo);
  const c = ctx.conventions();
  info.namespaces = [...new Set(ctx.index.apps().flatMap((a) => a.namespace ?? []))].sort();
  if (info.apps) {
    info.apps.entryFile = 'src/apps/<tier>/<app>/application.yaml';
    info.apps.appDir = 'src/apps/<tier>/<app>/k8s';
    if (!rootAppRecurses(ctx.index)) info.apps.registration.pickedUpBy = null;
  }
  info.gateways.internal = c.gateway
    ? { name: c.gateway.name, namespace: c.gateway.namespace, sectionName: null }
    : null;
  info.gateways.all = info.gateways.internal ? [info.gateways.internal] : [];
  info.hostname = `<app>.${c.hostSuffix}`;
  info.storage.classes = c.storageClass ? [c.storageClass] : [];
  info.secrets.other = `1Password operator: OnePasswordItem in k8s/${c.onePasswordFile}${c.vault ? ` (vault ${c.vault})` : ''}`;
  info.secrets.onePasswordItems = { vault: c.vault ?? null };
}

/** Any other Argo CD shape: stores, gateways and hostnames from the objects the repo holds. */
function readLoose(repo: RepoContext, reader: ObjectReader, info: EngineInfo): void {
  const skip = (name: string) => name.startsWith('.') || name === 'node_modules';
  const objects: RepoObject[] = repo.tree
    .yamlFilesUnder('', skip)
    .flatMap((f) => reader.objectsIf(f, [/kind:\s*["']?(HTTPRoute|Gateway)\b/]));
  const routes = objects.filter((o) => o.kind === 'HTTPRoute');
  const refs: GatewayRef[] = routes.flatMap((r) =>
    parentRefsOf(dig(r.data, 'spec'), r.namespace ?? ''),
  );
  const gateways = learnGateways(
    refs,
    objects.filter((o) => o.kind === 'Gateway'),
  );
  info.gateways = {
    kind: 'gateway',
    internal: gatewayInfo(gateways.internal),
    external: gatewayInfo(gateways.external),
    all: gateways.all.flatMap((g) => gatewayInfo(g) ?? []),
  };
  const hosts = routes.flatMap((r) => {
    const hs = dig(r.data, 'spec', 'hostnames');
    return Array.isArray(hs)
      ? hs.filter((h): h is string => typeof h === 'string' && h.includes('.'))
      : [];
  });
  const domain = byUse(hosts.map((h) => h.slice(h.indexOf('.') + 1)))[0];
  info.hostname = domain ? `<app>.${domain}` : null;
}
