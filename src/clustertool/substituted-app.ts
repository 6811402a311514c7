import { isFluxKustomization } from '../flux/kustomizations.ts';
import { substitutedBy } from '../flux/substitution.ts';
import { readYamlAll, readYamlData } from '../repo/read-yaml.ts';
import type { ClustertoolRepoIndex } from './repo-index.ts';

/**
 * Whether Flux substitutes variables in an app's folder: its ks.yaml's postBuild, or the one the
 * flux-entry Kustomizations patch into every Kustomization they deploy (ClusterTool's default,
 * `substituteFrom: cluster-config`).
 */
export function clustertoolAppSubstituted(
  index: ClustertoolRepoIndex,
  layer: string,
  app: string,
): boolean {
  const entries = [...new Set(index.entryKustomizations().map((e) => e.file))].flatMap((file) =>
    readYamlAll(index.tree, file).filter((doc) => isFluxKustomization(doc)),
  );
  return substitutedBy(readYamlData(index.tree, index.ksPath(layer, app)), entries);
}
