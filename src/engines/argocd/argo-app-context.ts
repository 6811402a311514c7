import { posix } from 'node:path';
import type { RepoContext } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import { majorityOf } from '../../learn/majority.ts';
import { provisionedClaimClasses } from '../../repo/claim-classes.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import { toData } from '../../learn/tree.ts';
import { SecretsContext } from '../../secrets/secrets-context.ts';
import { ArgoModel, foldersMatching } from './argo-model.ts';
import { chartKey } from './argo-view.ts';
import { appEntries, type AppEntry } from './app-entries.ts';
import { appSlots, groupsOf, type AppSlot } from './app-slots.ts';
import { examplesFor, type ArgoExample } from './examples.ts';
import {
  chartUrl,
  learnArgoConventions,
  type ArgoFolderConventions,
} from './folder-conventions.ts';
import { APP_TEMPLATE_URL } from '../../flux/app-template.ts';
import { groupNames, placeApp, type ArgoPlacement } from './placement.ts';
import { appLanguageOf, notYamlError, type AppLanguage } from './app-language.ts';

/**
 * What the Argo CD generators know about a repo, read from its Applications and ApplicationSets
 * when first needed: where apps go (the folders the ApplicationSets pick up), and by counting
 * over the sibling apps, how a new one is written.
 */
export class ArgoAppContext {
  readonly model: ArgoModel;
  readonly slots: AppSlot[];
  private readonly learned = new Map<
    string,
    { examples: ArgoExample[]; conventions: ArgoFolderConventions }
  >();
  private secretsContext: SecretsContext | undefined;

  constructor(readonly repo: RepoContext) {
    this.model = new ArgoModel(repo.tree);
    if (!this.model.isArgo)
      throw new HomeopsError(
        'LAYOUT',
        `no Argo CD Application or ApplicationSet (argoproj.io) found in ${repo.tree.root}`,
        { fix: 'run it in an Argo CD repo, or pass --dest with the path of one' },
      );
    this.slots = appSlots(this.model);
    if (this.slots.length === 0 && this.entries().length === 0) throw this.unsupported();
  }

  /** How new apps are deployed: folders an ApplicationSet picks up, or Applications a root reads. */
  get mode(): 'appset' | 'app-of-apps' {
    return this.slots.length > 0 ? 'appset' : 'app-of-apps';
  }

  private entryCache: AppEntry[] | undefined;

  /** The app-of-apps entries (Applications a root Application reads). */
  entries(): AppEntry[] {
    return (this.entryCache ??= appEntries(this.model));
  }

  /** What the repo deploys apps through when no ApplicationSet picks up folders. */
  private unsupported(): HomeopsError {
    const files = this.model.appSets.filter((s) => s.generators.some((g) => g.kind === 'files'));
    // a directories generator of fixed folders: each folder is one Application of many apps
    const fixed = this.model.appSets.flatMap((s) =>
      s.generators.flatMap((g) =>
        g.kind === 'directories' &&
        g.include.length > 0 &&
        g.include.every((p) => !/[*?{[]/.test(p))
          ? [{ set: s, folders: g.include }]
          : [],
      ),
    );
    const [first] = fixed;
    const what = files.length
      ? `ApplicationSet ${files[0]?.name} (${files[0]?.object.file}) with a git files generator whose file name is a pattern`
      : first
        ? `ApplicationSet ${first.set.name} (${first.set.object.file}), whose git generator names fixed folders (${first.folders.join(', ')}): each is one Application, whose kustomization.yaml lists its apps`
        : `${this.model.applications.length} Application(s) (app of apps, e.g. ${this.model.applications[0]?.object.file ?? 'none found'})`;
    const fix = first
      ? `add the app's folder by hand in one of ${first.folders.join(', ')} and its line to that folder's kustomization.yaml, following a sibling app`
      : 'add the app by hand for now, following a sibling app';
    return new HomeopsError(
      'LAYOUT',
      `this Argo CD repo deploys its apps through ${what}; homeops writes apps for ApplicationSets whose git generator picks app folders (directories, or one config file of a fixed name in each) and for app-of-apps roots`,
      { fix },
    );
  }

  /**
   * A folder of this name a files generator leaves out, its config not having the selector's
   * labels (an app switched off with `enabled: "false"`): the name is still taken.
   */
  switchedOff(name: string): { dir: string; config: string; labels: string } | undefined {
    for (const slot of this.slots) {
      const config = slot.config;
      if (!config) continue;
      const dir = foldersMatching(this.repo.tree, slot.pattern).find(
        (d) => posix.basename(d) === name && this.repo.tree.isFile(posix.join(d, config.name)),
      );
      if (dir && !slot.folders.some((f) => f.dir === dir))
        return {
          dir,
          config: config.name,
          labels: Object.entries(config.selector)
            .map(([k, v]) => `${k}: "${v}"`)
            .join(', '),
        };
    }
    return undefined;
  }

  /** Literal folder names of the slots' patterns (`apps/home/*\/*` -> apps, home): a cluster given must be one. */
  clusterSegments(): string[] {
    const all = this.slots.flatMap((s) => s.segments.slice(0, -1).filter((x) => !/[*?{[]/.test(x)));
    return [...new Set(all)].sort();
  }

  groupNames(): string[] {
    if (this.mode === 'app-of-apps')
      return [...new Set(this.entries().flatMap((e) => e.group ?? []))].sort();
    return groupNames(this.slots);
  }

  place(
    name: string,
    namespace: string,
    group: string | undefined,
    clusters: readonly string[] = [],
  ): ArgoPlacement {
    const slots = this.slots.filter((s) => clusters.every((c) => s.segments.includes(c)));
    if (slots.length === 0)
      throw new HomeopsError(
        'INVALID_INPUT',
        `no ApplicationSet of this repo picks up folders of cluster ${clusters.join(', ')}`,
        { field: 'cluster', fix: 'leave --cluster out, or name a folder its paths have' },
      );
    // homeops writes YAML: the slots whose apps are written in another language take none
    const foreign = this.notYaml(slots);
    const yaml = slots.filter((s) => !foreign.some((f) => f.slot === s));
    const refused =
      yaml.length === 0
        ? foreign[0]
        : foreign.find(
            (f) =>
              group !== undefined &&
              groupsOf(f.slot).includes(group) &&
              !yaml.some((s) => groupsOf(s).includes(group)),
          );
    if (refused) throw notYamlError(refused.slot, refused.found);
    return placeApp(this.model, yaml, name, namespace, group);
  }

  private languages = new Map<AppSlot, AppLanguage | undefined>();

  /** The slots whose apps are written in another language than YAML (KCL, a config-management plugin's), with it. */
  notYaml(slots: readonly AppSlot[]): { slot: AppSlot; found: AppLanguage }[] {
    return slots.flatMap((slot) => {
      if (!this.languages.has(slot)) this.languages.set(slot, appLanguageOf(this.model, slot));
      const found = this.languages.get(slot);
      return found ? [{ slot, found }] : [];
    });
  }

  /** The slot of a group: the one whose folders are in it, else the only one a new group fits. */
  slotOf(group: string | undefined): AppSlot | undefined {
    const own = this.slots.filter((s) => group !== undefined && groupsOf(s).includes(group));
    if (own.length === 1) return own[0];
    const open = this.slots.filter((s) => s.groupIndex !== undefined);
    if (group !== undefined && own.length === 0 && open.length === 1) return open[0];
    return this.slots.length === 1 ? this.slots[0] : undefined;
  }

  learn(placement: ArgoPlacement): {
    examples: ArgoExample[];
    conventions: ArgoFolderConventions;
  } {
    const key = `${placement.group ?? ''}\n${placement.dir}`;
    let found = this.learned.get(key);
    if (!found) {
      const examples = examplesFor(this.model, this.slots, placement.group, placement.dir);
      found = { examples, conventions: learnArgoConventions(examples) };
      this.learned.set(key, found);
    }
    return found;
  }

  /** Every sibling app (the learning pool without a placement), the group's first. */
  examples(group: string | undefined): ArgoExample[] {
    if (this.mode === 'app-of-apps') {
      const all = this.entries();
      return [...all.filter((e) => e.group === group), ...all.filter((e) => e.group !== group)].map(
        (e) => e.example,
      );
    }
    return examplesFor(this.model, this.slots, group, undefined);
  }

  storageClass(): string | undefined {
    if (this.repo.config.conventions.storageClass) return this.repo.config.conventions.storageClass;
    const classes = this.examples(undefined).flatMap((e) => {
      const files = provisionedClaimClasses(e.docs);
      const persistence = Object.values(
        (dig(e.values ? toData(e.values.root) : undefined, 'persistence') ?? {}) as Record<
          string,
          unknown
        >,
      ).map((p) => str(dig(p, 'storageClass')));
      return [...files, ...persistence].filter((c): c is string => !!c);
    });
    return majorityOf(classes, (c) => c);
  }

  /** The chart most sibling apps inflate (the group's first), or none where most are plain manifests. */
  defaultChart(group: string | undefined): string {
    const examples = this.examples(group);
    if (examples.length === 0) return APP_TEMPLATE_URL;
    return learnArgoConventions(examples).chart?.url ?? 'none';
  }

  /** The version of a chart most of the sibling apps that inflate it pin. */
  chartVersion(url: string, group: string | undefined): string | undefined {
    const using = this.examples(group).filter((e) => e.chart && chartUrl(e) === chartKey(url));
    return majorityOf(
      using.flatMap((e) => (e.chart?.version ? [e.chart.version] : [])),
      (v) => v,
    );
  }

  /**
   * How the siblings get their secrets: ExternalSecrets through the repo's 1Password store, or
   * the 1Password operator's OnePasswordItems where the repo has no store and its apps use those.
   */
  secretKind(): 'external-secret' | 'onepassword-item' {
    if (this.secrets.stores().length > 0) return 'external-secret';
    const items = this.examples(undefined).some((e) =>
      e.docs.some((d) => d.role === 'other:OnePasswordItem'),
    );
    return items ? 'onepassword-item' : 'external-secret';
  }

  /** The vault the siblings' OnePasswordItems read from (`vaults/<vault>/items/...`). */
  onePasswordVault(): string | undefined {
    const vaults = this.examples(undefined).flatMap((e) =>
      e.docs.flatMap((d) => {
        if (d.role !== 'other:OnePasswordItem') return [];
        const path = str(dig(d.object?.data, 'spec', 'itemPath'));
        const m = path && /^vaults\/([^/]+)\/items\//.exec(path);
        return m && m[1] ? [m[1]] : [];
      }),
    );
    return majorityOf(vaults, (v) => v);
  }

  get secrets(): SecretsContext {
    return (this.secretsContext ??= new SecretsContext(this.repo, ['']));
  }
}
