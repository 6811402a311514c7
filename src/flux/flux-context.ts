import type { RepoContext } from '../engine/generator.ts';
import { join } from 'node:path';
import { ChartVersions } from './chart-versions.ts';
import { learnFluxConventions, type FluxConventions } from './conventions.ts';
import { FluxRepoIndex } from './repo-index.ts';

/** What the Flux generators know about the repo; each fact is learned once, when first needed. */
export class FluxContext {
  readonly index: FluxRepoIndex;
  private learned: FluxConventions | undefined;
  readonly chartVersions: ChartVersions;

  constructor(readonly repo: RepoContext) {
    this.index = new FluxRepoIndex(repo.tree, repo.layout.appsDir);
    this.chartVersions = new ChartVersions(join(repo.tree.root, repo.layout.appsDir));
  }

  /** Conventions, learned from the apps of `namespace` first (then the others). */
  conventions(namespace?: string): FluxConventions {
    return (this.learned ??= learnFluxConventions(this.index, this.repo.layout, this.repo.config.conventions, namespace));
  }

  /** The chart version the repo uses most for a chart URL. */
  chartVersion(url: string): Promise<string | undefined> {
    return this.chartVersions.mostUsed(url);
  }
}
