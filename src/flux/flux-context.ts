import type { RepoContext } from '../engine/generator.ts';
import { HomeopsError } from '../errors.ts';
import type { FluxLayout, Layout } from '../layouts/layout.ts';
import { SecretsContext } from '../secrets/secrets-context.ts';
import { join } from 'node:path';
import { ChartVersions } from './chart-versions.ts';
import { learnFluxConventions, type FluxConventions } from './conventions.ts';
import { FluxRepoIndex } from './repo-index.ts';

/** What the Flux generators know about the repo; each fact is learned once, when first needed. */
export class FluxContext {
  readonly index: FluxRepoIndex;
  private readonly learned = new Map<string, FluxConventions>();
  readonly chartVersions: ChartVersions;
  private secretsContext: SecretsContext | undefined;

  readonly layout: FluxLayout;

  constructor(readonly repo: RepoContext) {
    if (repo.layout.family !== 'flux') throw unsupported(repo.layout);
    this.layout = repo.layout;
    this.index = new FluxRepoIndex(repo.tree, repo.layout.appsDir);
    this.chartVersions = new ChartVersions(join(repo.tree.root, this.layout.appsDir));
  }

  /** Conventions, learned from the apps of `namespace` first (then the others). */
  conventions(namespace?: string): FluxConventions {
    const key = namespace ?? '';
    let found = this.learned.get(key);
    if (!found)
      this.learned.set(
        key,
        (found = learnFluxConventions(
          this.index,
          this.layout,
          this.repo.config.conventions,
          namespace,
        )),
      );
    return found;
  }

  /** The repo's 1Password stores and a 1Password lookup, made on first use. */
  get secrets(): SecretsContext {
    return (this.secretsContext ??= new SecretsContext(this.repo, [
      this.layout.appsDir,
      this.layout.componentsDir,
    ]));
  }

  /** The chart version the repo uses most for a chart URL. */
  chartVersion(url: string): Promise<string | undefined> {
    return this.chartVersions.mostUsed(url);
  }
}

function unsupported(layout: Layout): HomeopsError {
  return new HomeopsError(
    'LAYOUT',
    `this generator does not support the ${layout.id} layout (${layout.title}) yet`,
    {
      fix: 'use it in a Flux repo (flux or flux-operator layout), or set "layout:" in .homeops.yaml if the detection is wrong',
    },
  );
}
