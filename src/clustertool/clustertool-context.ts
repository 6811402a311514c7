import type { RepoContext } from '../engine/generator.ts';
import { HomeopsError } from '../errors.ts';
import { mostCommon } from '../repo/most-common.ts';
import { dig, readYamlData } from '../repo/read-yaml.ts';
import { SecretsContext } from '../secrets/secrets-context.ts';
import { clusterenvKeys } from './clusterenv.ts';
import { learnClustertoolConventions, type ClustertoolConventions } from './conventions.ts';
import { ClustertoolRepoIndex, KUBERNETES_DIR } from './repo-index.ts';

/** What the ClusterTool generators know about the repo; each fact is learned once, when first needed. */
export class ClustertoolContext {
  readonly index: ClustertoolRepoIndex;
  /** Conventions by the layer whose apps were preferred ('' for none). */
  private readonly learned = new Map<string, ClustertoolConventions>();
  private secretsContext: SecretsContext | undefined;
  private envKeys: string[] | undefined;

  constructor(readonly repo: RepoContext) {
    if (repo.layout.family !== 'clustertool') {
      throw new HomeopsError(
        'LAYOUT',
        `this generator is for the clustertool layout, not ${repo.layout.id}`,
        { fix: 'set "layout:" in .homeops.yaml if the detection is wrong' },
      );
    }
    this.index = new ClustertoolRepoIndex(repo.tree);
  }

  /** Conventions, learned from the apps of `layer` first (then the others), once per layer. */
  conventions(layer?: string): ClustertoolConventions {
    const key = layer ?? '';
    let learned = this.learned.get(key);
    if (!learned) {
      learned = learnClustertoolConventions(this.index, this.repo.config.conventions, layer);
      this.learned.set(key, learned);
    }
    return learned;
  }

  /** The repo's 1Password stores (anywhere under clusters/main/kubernetes) and a 1Password lookup. */
  get secrets(): SecretsContext {
    return (this.secretsContext ??= new SecretsContext(this.repo, [KUBERNETES_DIR]));
  }

  /** Variable names defined in clusterenv.yaml (keys only: the values are encrypted). */
  clusterenvKeys(): string[] {
    return (this.envKeys ??= clusterenvKeys(this.repo.tree));
  }

  /** The version the repo uses most for a chart of a HelmRepository. */
  chartVersion(repository: string, chart: string): string | undefined {
    return mostCommon(
      this.index
        .chartUses()
        .filter((u) => u.repository === repository && u.chart === chart)
        .map((u) => u.version),
    );
  }

  /** Kustomizations every app of the layer depends on: what a new app of the layer most likely needs too. */
  layerDependencies(layer: string): string[] {
    const lists = this.index.apps(layer).map((app) => this.dependsOn(layer, app));
    const [first, ...rest] = lists;
    if (!first) return []; // a layer without apps
    return first.filter((dep) => rest.every((l) => l.includes(dep)));
  }

  /** The dependsOn names of an app's ks.yaml. */
  dependsOn(layer: string, app: string): string[] {
    const deps = dig(
      readYamlData(this.repo.tree, this.index.ksPath(layer, app)),
      'spec',
      'dependsOn',
    );
    return Array.isArray(deps)
      ? deps.map((d) => dig(d, 'name')).filter((n): n is string => typeof n === 'string')
      : [];
  }
}
