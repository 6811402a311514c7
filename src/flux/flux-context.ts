import type { RepoContext } from '../engine/generator.ts';
import { mostUsedChartVersion } from './chart-versions.ts';
import { learnFluxConventions, type FluxConventions } from './conventions.ts';
import { FluxRepoIndex } from './repo-index.ts';

/** What the Flux generators know about the repo; each fact is learned once, when first needed. */
export class FluxContext {
  readonly index: FluxRepoIndex;
  private learned: FluxConventions | undefined;
  private readonly chartVersions = new Map<string, Promise<string | undefined>>();

  constructor(readonly repo: RepoContext) {
    this.index = new FluxRepoIndex(repo.tree, repo.layout.appsDir);
  }

  /** Conventions, learned from the apps of `namespace` first (then the others). */
  conventions(namespace?: string): FluxConventions {
    return (this.learned ??= learnFluxConventions(this.index, this.repo.layout, this.repo.config.conventions, namespace));
  }

  chartVersion(url: string): Promise<string | undefined> {
    let found = this.chartVersions.get(url);
    if (!found) this.chartVersions.set(url, (found = mostUsedChartVersion(this.index, url)));
    return found;
  }
}
