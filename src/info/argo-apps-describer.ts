import { posix } from 'node:path';
import type { RepoContext } from '../engine/generator.ts';
import { ArgoAppContext } from '../engines/argocd/argo-app-context.ts';
import {
  groupOfFolder,
  groupsOf,
  namespaceOfFolder,
  type AppSlot,
} from '../engines/argocd/app-slots.ts';
import { configNamespace } from '../engines/argocd/examples.ts';
import type { EngineInfo, GatewayInfo, GatewaysInfo, GroupInfo } from './info-model.ts';
import { gatewayInfo, ingressClassInfo } from './words.ts';
import { sampleGroupOf } from './flux-commands.ts';
import * as ways from '../engines/argocd/ways-in.ts';
import * as appNamespaces from '../engines/argocd/app-namespaces.ts';

/**
 * An Argo CD repo the Argo CD engine writes apps in (src/engines/argocd), told as the engine
 * reads it: the folders its ApplicationSets pick up, by group, and what a new app's files take
 * from the siblings (the way in, hostnames, the storage class).
 */
export function describeArgoApps(repo: RepoContext, info: EngineInfo): boolean {
  let ctx: ArgoAppContext;
  try {
    ctx = new ArgoAppContext(repo);
  } catch {
    return false; // a shape the engine refuses: the generic reading stays
  }
  if (ctx.mode === 'appset' && describeNotYaml(ctx, info)) return true;
  if (ctx.mode === 'appset') {
    const groups = appSetGroups(ctx);
    info.clusters = info.clusters.map((c) => ({ ...c, groups }));
    if (info.apps) {
      info.apps.count = groups.reduce((n, g) => n + g.apps.length, 0);
      // the ApplicationSets that pick up app folders, not the first the repo has
      info.apps.registration.pickedUpBy = ctx.slots
        .map((s) => `the ApplicationSet ${s.appSet.name} (${s.pattern})`)
        .join('; ');
    }
    info.shape = `Argo CD ApplicationSets (${ctx.slots.map((s) => `${s.appSet.name}: ${s.config ? `${s.pattern}/${s.config.name}` : s.pattern}`).join('; ')}): a new app is ${newApp(ctx)}`;
  }
  info.namespaces = appNamespaces.namespaces(ctx);
  if (info.apps) {
    info.apps.defaultNamespace = defaultNamespace(ctx, info.clusters[0]?.groups ?? []);
    if (ctx.mode === 'appset')
      info.apps.secretSample = secretSample(ctx, info.clusters[0]?.groups ?? []);
  }
  info.gateways = waysIn(ctx);
  const hostname = ways.hostnamePattern(ctx, 'internal');
  if (hostname) info.hostname = hostname.replace(/⟪(app|release)⟫/g, '<app>');
  const storageClass = ctx.storageClass();
  info.storage.classes = storageClass ? [storageClass] : [];
  if (ctx.secretKind() === 'onepassword-item') {
    const vault = ctx.onePasswordVault();
    info.secrets.other = `1Password operator: a OnePasswordItem beside the app's manifests${vault ? ` (vault ${vault})` : ''}`;
    info.secrets.onePasswordItems = { vault: vault ?? null };
  }
  return true;
}

/**
 * A repo whose ApplicationSets pick up apps written in another language than YAML (KCL): said
 * in the shape, with no groups to add to, as `homeops app` refuses them (app-language.ts).
 */
function describeNotYaml(ctx: ArgoAppContext, info: EngineInfo): boolean {
  const slots = ctx.slots.filter((s) => s.folders.length > 0);
  const foreign = ctx.notYaml(slots);
  const [first] = foreign;
  if (!first || foreign.length < slots.length) return false;
  const { slot, found } = first;
  info.shape = `Argo CD ApplicationSets (${foreign.map((f) => `${f.slot.appSet.name}: ${f.slot.pattern}`).join('; ')}) of apps written in ${found.language} (${found.files.join(', ')}), not YAML manifests: homeops app cannot write them; write a new app by hand in ${found.language}, following a sibling (${found.appDir})`;
  // no layout homeops writes fits these apps
  info.layout = null;
  info.clusters = info.clusters.map((c) => ({ ...c, groups: [] }));
  if (info.apps) {
    info.apps.count = foreign.reduce((n, f) => n + f.slot.folders.length, 0);
    info.apps.registration.pickedUpBy = `the ApplicationSet ${slot.appSet.name} (${slot.pattern})`;
    info.apps.writtenIn = { ...found, appSet: slot.appSet.name };
  }
  return true;
}

/** The apps' ways in, as the repo has them: its Gateways, its ingress classes, or its Traefik entry points. */
function waysIn(ctx: ArgoAppContext): GatewaysInfo {
  const named = (name: string | undefined): GatewayInfo | null =>
    name ? { name, namespace: null, sectionName: null } : null;
  const exposure = ways.exposure(ctx);
  if (exposure === 'ingress') return ingressClassInfo(ways.ingressClasses(ctx));
  if (exposure === 'ingressroute') {
    const points = ways.entryPoints(ctx);
    return {
      kind: 'entry-points',
      internal: named(points.internal?.join(',')),
      external: named(points.external?.join(',')),
      all: points.all.flatMap((set) => named(set.join(',')) ?? []),
    };
  }
  const gateways = ways.gateways(ctx);
  return {
    kind: 'gateway',
    internal: gatewayInfo(gateways.internal),
    external: gatewayInfo(gateways.external),
    all: gateways.all.flatMap((g) => gatewayInfo(g) ?? []),
  };
}

/** What a new app's namespace is without `--namespace`, for the group the sample command names. */
function defaultNamespace(ctx: ArgoAppContext, groups: readonly GroupInfo[]): string | null {
  const sampled = sampleGroupOf(groups)?.name;
  // (a namespace folder's entry is no group)
  const group = ctx.groupNames().includes(sampled ?? '') ? sampled : undefined;
  const probe = 'homeops-probe-app';
  const ns = appNamespaces.defaultNamespace(ctx, probe, group);
  if (ns === undefined) return null;
  return ns === probe ? '<app>' : group !== undefined && ns === group ? '<group>' : ns;
}

/** What a new app is, in the words of the slot it goes to. */
function newApp(ctx: ArgoAppContext): string {
  const slot = ctx.slots.find((s) => s.folders.length > 0) ?? ctx.slots[0];
  if (!slot) return 'a folder the pattern matches';
  const place = slot.segments
    .map((s, i) =>
      i === slot.segments.length - 1 ? '<app>' : i === slot.groupIndex ? '<group>' : s,
    )
    .join('/');
  if (!slot.config) return `a folder ${place} the pattern matches`;
  const labels = Object.entries(slot.config.selector).map(([k, v]) => `${k}: "${v}"`);
  return `a folder ${place} with its ${slot.config.name}${labels.length ? ` (${labels.join(', ')})` : ''}`;
}

/** The groups of apps the ApplicationSets pick up: one per group folder, with its apps' namespaces. */
function appSetGroups(ctx: ArgoAppContext): GroupInfo[] {
  const out: GroupInfo[] = [];
  for (const slot of ctx.slots) {
    const names = groupsOf(slot);
    if (names.length === 0 && slot.namespaceFrom.kind === 'segment') {
      // no group level, a namespace level (`apps/pitower/<ns>/<app>`): one entry per namespace folder
      out.push(...namespaceFolders(ctx, slot));
      continue;
    }
    for (const name of names.length ? names : [slot.appSet.name]) {
      const folders = slot.folders.filter(
        (f) => names.length === 0 || groupOfFolder(slot, f.dir) === name,
      );
      const first = folders[0];
      if (!first) continue;
      const namespaces = folders.flatMap((f) => configNamespace(ctx.model, slot, f.dir) ?? []);
      out.push({
        name,
        dir: posix.dirname(first.dir),
        namespace: null,
        listedIn: null,
        apps: folders.map((f) => posix.basename(f.dir)),
        appNamespaces: [...new Set(namespaces)].sort(),
      });
    }
  }
  return out;
}

/** The namespace folders of a slot whose pattern has a namespace level and no group level. */
function namespaceFolders(ctx: ArgoAppContext, slot: AppSlot): GroupInfo[] {
  const byNamespace = new Map<string, AppSlot['folders']>();
  for (const f of slot.folders) {
    const ns = namespaceOfFolder(slot, f.dir) ?? '';
    byNamespace.set(ns, [...(byNamespace.get(ns) ?? []), f]);
  }
  return [...byNamespace].flatMap(([ns, folders]) => {
    const first = folders[0];
    if (!first) return [];
    const namespaces = folders.flatMap((f) => configNamespace(ctx.model, slot, f.dir) ?? []);
    return [
      {
        name: ns,
        dir: posix.dirname(first.dir),
        namespace: ns || null,
        listedIn: null,
        apps: folders.map((f) => posix.basename(f.dir)),
        appNamespaces: [...new Set([ns, ...namespaces].filter(Boolean))].sort(),
      },
    ];
  });
}

const SECRET_KIND = /^kind:\s*["']?(?:ExternalSecret|OnePasswordItem)["']?\s*$/m;

/**
 * The app the printed `homeops secret` command names: the sample group's first that has no
 * secret yet (the command must run as printed), else its first.
 */
function secretSample(ctx: ArgoAppContext, groups: readonly GroupInfo[]): string | null {
  const group = sampleGroupOf(groups);
  if (!group) return null;
  const tree = ctx.repo.tree;
  const hasSecret = (app: string) => {
    const dir = posix.join(group.dir, app);
    return tree
      .children(dir)
      .some(
        (name) => /\.ya?ml$/.test(name) && SECRET_KIND.test(tree.read(posix.join(dir, name)) ?? ''),
      );
  };
  return group.apps.find((a) => !hasSecret(a)) ?? group.apps[0] ?? null;
}
