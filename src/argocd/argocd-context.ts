import type { RepoContext } from '../engine/generator.ts';
import { HomeopsError } from '../errors.ts';
import { SYSTEM_NAMESPACES } from '../repo/system-namespaces.ts';
import { OnePasswordLookup } from '../secrets/onepassword-lookup.ts';
import { ArgocdIndex } from './argocd-index.ts';
import { APP_OF_APPS_PATHS, type ArgocdPaths } from './argocd-paths.ts';
import { learnArgocdConventions, type ArgocdConventions } from './conventions.ts';

/** What the Argo CD (app of apps) generators know about the repo; each fact learned once, when needed. */
export class ArgocdContext {
  readonly index: ArgocdIndex;
  private learned: ArgocdConventions | undefined;
  private lookup: OnePasswordLookup | undefined;

  constructor(
    readonly repo: RepoContext,
    readonly paths: ArgocdPaths = APP_OF_APPS_PATHS,
  ) {
    if (repo.layout.family !== 'argocd') {
      throw new HomeopsError(
        'LAYOUT',
        `this generator is for the argocd layout, not ${repo.layout.id} (${repo.layout.title})`,
        {
          fix: 'set "layout:" in .homeops.yaml if the detection is wrong',
        },
      );
    }
    this.index = new ArgocdIndex(repo.tree, paths);
  }

  conventions(): ArgocdConventions {
    return (this.learned ??= learnArgocdConventions(this.index, this.repo.config.conventions));
  }

  /** 1Password as a source of names (never values), opened on first use. */
  get onePassword(): OnePasswordLookup {
    return (this.lookup ??= new OnePasswordLookup(process.env, this.repo.interactive));
  }

  /**
   * Whether `app` should declare its namespace (manifests/<app>/namespace.yaml): only a namespace
   * that no other Application deploys to or declares, and not a system one. Two Applications that
   * both declare a Namespace fight over it (Argo CD's SharedResourceWarning).
   */
  ownsNewNamespace(namespace: string, app: string): boolean {
    if (SYSTEM_NAMESPACES.includes(namespace)) return false;
    if (this.index.applications().some((a) => a.name !== app && a.namespace === namespace))
      return false;
    const declaredIn = this.index.declaredNamespaces().get(namespace);
    return declaredIn === undefined || declaredIn.startsWith(`${this.index.manifestsOf(app)}/`);
  }
}
