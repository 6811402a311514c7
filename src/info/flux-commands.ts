import type { CommandInfo, EngineInfo, GroupInfo } from './info-model.ts';

const names = (apps: readonly string[]) =>
  apps.length > 3 ? `${apps.slice(0, 3).join(', ')}, ...` : apps.join(', ');

/** Namespaces of the cluster's own machinery: a new app rarely goes there. */
const INFRA = new Set(['kube-system', 'kube-public', 'kube-node-lease', 'flux-system', 'argocd']);

/**
 * The group the sample commands name and conventions are shown for: one with apps, of the
 * cluster's own machinery only where there is no other, most apps first, and not one whose apps
 * are named like it (their files cannot tell the app's name from the namespace's).
 */
export function sampleGroupOf(groups: readonly GroupInfo[]): GroupInfo | undefined {
  const score = (g: GroupInfo) =>
    (INFRA.has(g.namespace ?? g.name) ? 0 : 2) + (g.apps.includes(g.namespace ?? g.name) ? 0 : 1);
  return groups
    .filter((g) => g.apps.length > 0)
    .sort((a, b) => score(b) - score(a) || b.apps.length - a.apps.length)[0];
}

const sampleGroup = (info: EngineInfo) => sampleGroupOf(info.clusters[0]?.groups ?? []);

const IMAGE = '--image=ghcr.io/traefik/whoami:v1.10.4 --port=80';

/** The commands of a Flux repo, with its own cluster, namespace, app and store names. */
export function fluxCommands(info: EngineInfo): CommandInfo[] {
  const group = sampleGroup(info);
  const several = info.clusters.length > 1;
  const cluster = several && info.clusters[0]?.name ? ` --cluster=${info.clusters[0].name}` : '';
  const groups = (info.clusters[0]?.groups ?? []).filter((g) => g.namespace === null);
  // --group only where the repo's folders are layers and there are several to pick from
  const layers = group !== undefined && group.namespace === null && groups.length > 1;
  const ns =
    group?.namespace ??
    group?.appNamespaces.find((n) => !INFRA.has(n)) ??
    group?.appNamespaces[0] ??
    info.namespaces[0] ??
    'default';
  const place = `${layers ? ` --group=${group.name}` : ''} --namespace=${ns}`;
  const route = info.gateways.internal ? ' --route=internal' : '';
  const out: CommandInfo[] = [
    {
      what: `add an app${layers ? ` to the ${group.name} layer,` : ''} in namespace ${ns}`,
      command: `homeops app --name=<app>${cluster}${place} ${IMAGE}${route}`,
    },
    { what: 'the same, asked question by question', command: 'npx plop app' },
  ];
  if (info.apps?.registration.how !== 'none' && group?.namespace)
    out.push({
      what: 'add a namespace folder',
      command: `homeops namespace --name=<namespace>${cluster}`,
    });
  const store = info.secrets.stores[0];
  if (store && group?.apps.length)
    out.push({
      what: `add an ExternalSecret from 1Password (store ${store.name}) to an app of ${ns} (${names(group?.apps ?? [])})`,
      command: `homeops secret${cluster} --namespace=${ns} --app=<app>${info.secrets.stores.length > 1 ? ` --store=${store.name}` : ''} --vault=${store.vaults[0] ?? '<vault>'} --item=<item title> --fields=<field label>`,
    });
  return out;
}
