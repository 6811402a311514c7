import { posix } from 'node:path';
import { applicationName } from './app-slots.ts';
import { HomeopsError } from '../../errors.ts';
import { discover, fluxPath } from '../../repo/graph/discover.ts';
import type { ArgoModel } from './argo-model.ts';
import { inFolder } from '../../tree/in-folder.ts';

/**
 * What deploys a new app folder, walked through the repo's objects: the ApplicationSet whose
 * pattern matches it, and whether an Application deploys that ApplicationSet (else it was applied
 * by hand, and the summary says so). Never claims a pick-up the objects do not make.
 */
export function pickupOf(
  model: ArgoModel,
  dir: string,
): { text: string; namespace: string; application: string | undefined; warnings: string[] } {
  const picker = model.pickerOf(dir);
  if (!picker)
    throw new HomeopsError('CONFLICT', `no ApplicationSet of this repo picks up ${dir}`, {
      fix: 'choose a folder an ApplicationSet pattern matches (see homeops info)',
    });
  const set = picker.appSet;
  const file = set.object.file;
  // an Application reads its file, or another ApplicationSet picks up its folder
  const parent = model.pickerOf(posix.dirname(file));
  const readers = [
    ...model.readersOf(file),
    ...(parent && parent.appSet !== set ? [parent.appSet] : []),
  ];
  // an ApplicationSet a Flux Kustomization applies (a repo with both engines) is deployed too
  const flux = readers.length
    ? undefined
    : discover(model.reader).fluxKustomizations.find((k) => {
        const path = fluxPath(k);
        return path !== undefined && inFolder(file, path);
      });
  const warnings =
    readers.length || flux
      ? []
      : [
          `ApplicationSet ${set.name} (${set.object.file}) is deployed by no Application of this repo: it picks up ${dir} once it is applied to the cluster`,
        ];
  const config = picker.config;
  const labels = Object.entries(config?.selector ?? {}).map(([k, v]) => `${k} is "${v}"`);
  const reads = config
    ? `${picker.pattern}/${config.name}${labels.length ? ` where ${labels.join(' and ')}` : ''}`
    : picker.pattern;
  return {
    text: `ApplicationSet ${set.name} (${set.object.file}, ${reads})`,
    namespace: set.object.namespace ?? 'argocd',
    application: applicationName(set.nameTemplate, dir),
    warnings,
  };
}
