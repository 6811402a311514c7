import { posix } from 'node:path';
import { sampleGroupOf } from './flux-commands.ts';
import type { CommandInfo, EngineInfo } from './info-model.ts';

const IMAGE = '--image=ghcr.io/traefik/whoami:v1.10.4 --port=80';

/** The commands of an Argo CD repo: those of the layouts homeops writes, else what to do by hand. */
export function argocdCommands(info: EngineInfo): CommandInfo[] {
  const route = info.gateways.internal ? ' --route=internal' : '';
  if (info.layout === 'argocd') {
    // this layout routes by host or path on its one Gateway
    const byHost = info.gateways.internal ? ' --route=host' : '';
    return [
      {
        what: 'add an app (an Application, its manifests and route)',
        command: `homeops app --name=<app> --namespace=<app> --kind=manifests ${IMAGE}${byHost}`,
      },
      { what: 'the same, asked question by question', command: 'npx plop app' },
      { what: 'add a namespace', command: 'homeops namespace --name=<namespace>' },
    ];
  }
  if (info.layout === 'argocd-mise') {
    const tier = info.clusters[0]?.groups.find((g) => g.name === 'services')?.name ?? 'services';
    return [
      {
        what: `add an app to the ${tier} tier`,
        command: `homeops app --name=<app> --tier=${tier} --kind=manifests ${IMAGE}${route}`,
      },
      { what: 'the same, asked question by question', command: 'npx plop app' },
      { what: 'add a namespace', command: 'homeops namespace --name=<namespace>' },
    ];
  }
  const foreign = info.apps?.writtenIn;
  if (foreign)
    return [
      {
        what: `add an app by hand in ${foreign.language}, following a sibling (homeops app writes only YAML; ApplicationSet ${foreign.appSet} picks up the folder)`,
        command: `cp -r ${foreign.appDir} ${posix.dirname(foreign.appDir)}/<app>`,
      },
    ];
  if (info.layout === 'argocd-apps') {
    const groups = info.clusters[0]?.groups ?? [];
    const sample = sampleGroupOf(groups);
    // (namespace folders are listed as groups, but --group names only real ones)
    const several = groups.filter((g) => g.namespace === null).length > 1 && sample !== undefined;
    const ns = info.apps?.defaultNamespace === null ? ' --namespace=<namespace>' : '';
    return [
      {
        what: `add an app${several ? ` to the ${sample.name} group` : ''}, written like its siblings`,
        command: `homeops app --name=<app>${several ? ` --group=${sample.name}` : ''}${ns} ${IMAGE}${route}`,
      },
      { what: 'the same, asked question by question', command: 'npx plop app' },
      ...secretCommand(info, info.apps?.secretSample ?? sample?.apps[0]),
    ];
  }
  const group = info.clusters[0]?.groups[0];
  return [
    {
      what: `add an app by hand: ${group?.dir ? `a folder in ${group.dir}/` : 'an Application file'} shaped like its siblings (${group?.apps.slice(0, 3).join(', ') ?? ''}); homeops app does not write this Argo CD shape yet`,
      command: `cp -r ${group?.dir ? `${group.dir}/${group.apps[0] ?? '<sibling>'}` : '<sibling>'} ${group?.dir ?? '.'}/<app>`,
    },
  ];
}

/** A secret from 1Password for an existing app: through the repo's store, or as a 1Password operator item. */
function secretCommand(info: EngineInfo, app: string | undefined): CommandInfo[] {
  if (!app) return [];
  const store = info.secrets.stores[0];
  if (store)
    return [
      {
        what: `add an ExternalSecret from 1Password (store ${store.name}) to an app, e.g. ${app}`,
        command: `homeops secret --app=${app}${info.secrets.stores.length > 1 ? ` --store=${store.name}` : ''} --vault=${store.vaults[0] ?? '<vault>'} --item=<item title> --fields=<field label>`,
      },
    ];
  if (!info.secrets.onePasswordItems) return [];
  return [
    {
      what: `add a 1Password item (OnePasswordItem) to an app, e.g. ${app}`,
      command: `homeops secret --app=${app} --item=<item title>`,
    },
  ];
}
