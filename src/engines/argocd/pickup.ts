import { HomeopsError } from '../../errors.ts';
import type { ArgoModel } from './argo-model.ts';

/**
 * What deploys a new app folder, walked through the repo's objects: the ApplicationSet whose
 * pattern matches it, and whether an Application deploys that ApplicationSet (else it was applied
 * by hand, and the summary says so). Never claims a pick-up the objects do not make.
 */
export function pickupOf(
  model: ArgoModel,
  dir: string,
): { text: string; namespace: string; warnings: string[] } {
  const picker = model.pickerOf(dir);
  if (!picker)
    throw new HomeopsError('CONFLICT', `no ApplicationSet of this repo picks up ${dir}`, {
      fix: 'choose a folder an ApplicationSet pattern matches (see homeops info)',
    });
  const set = picker.appSet;
  const readers = model.readersOf(set.object.file);
  const warnings = readers.length
    ? []
    : [
        `ApplicationSet ${set.name} (${set.object.file}) is deployed by no Application of this repo: it picks up ${dir} once it is applied to the cluster`,
      ];
  return {
    text: `ApplicationSet ${set.name} (${set.object.file}, ${picker.pattern})`,
    namespace: set.object.namespace ?? 'argocd',
    warnings,
  };
}
