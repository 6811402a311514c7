import type { RepoContext } from '../engine/generator.ts';
import { HomeopsError } from '../errors.ts';
import { OnePasswordLookup } from '../secrets/onepassword-lookup.ts';
import { dig, MiseAppsIndex, sourcesOf, str, type MiseApp } from './apps-index.ts';
import { learnMiseConventions, type MiseConventions } from './conventions.ts';

/** What the argocd-mise generators know about the repo; each fact is learned once, when first needed. */
export class ArgocdMiseContext {
  readonly index: MiseAppsIndex;
  private learned: MiseConventions | undefined;
  private lookup: OnePasswordLookup | undefined;

  constructor(readonly repo: RepoContext) {
    if (repo.layout.family !== 'argocd-mise') {
      throw new HomeopsError(
        'LAYOUT',
        `this generator variant is for the argocd-mise layout, not ${repo.layout.id}`,
        { fix: 'set "layout:" in .homeops.yaml if the detection is wrong' },
      );
    }
    this.index = new MiseAppsIndex(repo.tree);
  }

  conventions(): MiseConventions {
    return (this.learned ??= learnMiseConventions(this.index, this.repo.config.conventions));
  }

  /** 1Password, asked for names only, opened on first use. */
  get onePassword(): OnePasswordLookup {
    return (this.lookup ??= new OnePasswordLookup(process.env, this.repo.interactive));
  }

  /** The Git repo URL new Applications sync from; refused when the repo has none to learn from. */
  gitRepoURL(): string {
    const url = this.conventions().gitRepoURL;
    if (url) return url;
    throw new HomeopsError(
      'LAYOUT',
      'no Application in src/apps or src/bootstrap syncs a Git path, so the repo URL is unknown',
      {
        file: 'src/bootstrap/argocd/root-app.yaml',
        fix: 'set spec.source.repoURL of the root Application to your Git repo first (see the repo README)',
      },
    );
  }

  /** The one app of this name; undefined when there is none. */
  app(name: string): MiseApp | undefined {
    return this.index.find(name)[0];
  }

  /** The version the repo already uses for a chart from a Helm repo. */
  chartVersion(chart: string, repoURL: string): string | undefined {
    for (const { doc } of this.index.applications()) {
      for (const s of sourcesOf(doc))
        if (s.chart === chart && s.repoURL === repoURL && str(s.targetRevision))
          return String(s.targetRevision);
    }
    return undefined;
  }

  /** Every Application name in the repo (names are unique in Argo CD's namespace). */
  applicationNames(): Map<string, string> {
    return new Map(
      this.index
        .applications()
        .flatMap(({ file, doc }) =>
          str(dig(doc, 'metadata', 'name'))
            ? [[String(dig(doc, 'metadata', 'name')), file] as [string, string]]
            : [],
        ),
    );
  }
}
