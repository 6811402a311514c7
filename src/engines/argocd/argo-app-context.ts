import { posix } from 'node:path';
import type { RepoContext } from '../../engine/generator.ts';
import { HomeopsError } from '../../errors.ts';
import type { Problem } from '../../inputs/input-spec.ts';
import { majorityOf } from '../../learn/merge.ts';
import { abstractText } from '../../learn/vocabulary.ts';
import {
  EXTERNAL,
  gatewayObjectsIn,
  learnGateways,
  parentRefsOf,
  type Gateways,
} from '../../repo/gateways.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import {
  chartIngresses,
  declaredIngressClass,
  ingressClassesOf,
  type IngressClasses,
} from '../../repo/ingress-classes.ts';
import { kustomizationFileIn } from '../../repo/graph/kustomize-unit.ts';
import { toData } from '../../learn/tree.ts';
import { SecretsContext } from '../../secrets/secrets-context.ts';
import { ArgoModel, foldersMatching } from './argo-model.ts';
import { chartKey } from './argo-view.ts';
import { appEntries, type AppEntry } from './app-entries.ts';
import { appSlots, groupOfFolder, groupsOf, type AppSlot } from './app-slots.ts';
import { configNamespace, examplesFor, type ArgoExample } from './examples.ts';
import {
  chartUrl,
  learnArgoConventions,
  type ArgoFolderConventions,
} from './folder-conventions.ts';
import { APP_TEMPLATE_URL } from '../../flux/app-template.ts';
import { groupNames, placeApp, type ArgoPlacement } from './placement.ts';

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
  private gatewayCache: Gateways | undefined;
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
    const what = files.length
      ? `ApplicationSet ${files[0]?.name} (${files[0]?.object.file}) with a git files generator whose file name is a pattern`
      : `${this.model.applications.length} Application(s) (app of apps, e.g. ${this.model.applications[0]?.object.file})`;
    return new HomeopsError(
      'LAYOUT',
      `this Argo CD repo deploys its apps through ${what}; homeops writes apps for ApplicationSets whose git generator picks app folders (directories, or one config file of a fixed name in each) and for app-of-apps roots`,
      { fix: 'add the app by hand for now, following a sibling app' },
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
    return placeApp(this.model, slots, name, namespace, group);
  }

  /** The namespace an app of this slot must have, when the ApplicationSet decides it. */
  namespaceProblem(
    slot: AppSlot,
    group: string | undefined,
    name: string,
    namespace: string,
  ): Problem | undefined {
    const from = slot.namespaceFrom;
    const set = `ApplicationSet ${slot.appSet.name} (${slot.appSet.object.file})`;
    if (from.kind === 'app' && namespace !== name)
      return {
        message: `${set} deploys each app to the namespace named after its folder (${slot.appSet.namespaceTemplate})`,
        fix: `leave --namespace out, or pass --namespace=${name}`,
      };
    if (from.kind === 'fixed' && namespace !== from.value && !this.ownNamespaces(group))
      return {
        message: `${set} deploys every app to namespace ${from.value}`,
        fix: `leave --namespace out, or pass --namespace=${from.value}`,
      };
    return undefined;
  }

  /** The namespace an app of this name gets where the ApplicationSets (of its group) decide it. */
  defaultNamespace(name: string, group: string | undefined): string | undefined {
    if (this.mode === 'app-of-apps') {
      const entries = this.entries();
      return entries.length > 0 && entries.every((e) => e.app.namespace === e.app.name)
        ? name
        : undefined;
    }
    const slot = this.slotOf(group);
    const froms = (slot ? [slot] : this.slots).map((s) => s.namespaceFrom);
    const [first] = froms;
    if (froms.every((f) => f.kind === 'app')) return name;
    if (froms.every((f) => f.kind === 'config')) return this.configNamespace(name, group);
    if (
      first?.kind === 'fixed' &&
      froms.every((f) => f.kind === 'fixed' && f.value === first.value)
    )
      // the folders' kustomizations may set their own (`namespace: <app>`), as the siblings' do
      return { app: name, group, none: first.value }[this.ownNamespaces(group) ?? 'none'];
    return undefined;
  }

  /**
   * The namespace the group's app folders set for themselves over the one their ApplicationSet
   * gives, where most set one: each the app's name (`app`) or the group's (`group`).
   */
  private ownNamespaces(group: string | undefined): 'app' | 'group' | undefined {
    const all = this.examples(group);
    const local = all.filter((e) => e.local);
    const pool = local.length ? local : all;
    const relations = pool.map((e) => {
      const ns = folderNamespace(e);
      if (ns === posix.basename(e.dir)) return 'app';
      return e.slot !== undefined && ns === groupOfFolder(e.slot, e.dir) ? 'group' : 'other';
    });
    const relation = majorityOf(relations, (r) => r, true);
    return relation === 'other' ? undefined : relation;
  }

  /**
   * The namespace a config file would give a new app, as most siblings' configs relate theirs to
   * their folders (the group's first): the group's name, the app's, or the one most of them name.
   */
  private configNamespace(name: string, group: string | undefined): string | undefined {
    const all = this.examples(group);
    const local = all.filter((e) => e.local);
    const relations = (local.length ? local : all).map((e) => {
      const own = e.slot && groupOfFolder(e.slot, e.dir);
      if (e.vocab.ns === posix.basename(e.dir)) return 'app';
      return own !== undefined && e.vocab.ns === own ? 'group' : `ns:${e.vocab.ns ?? ''}`;
    });
    const relation = majorityOf(relations, (r) => r);
    if (relation === 'app') return name;
    if (relation === 'group') return group;
    return relation?.startsWith('ns:') ? relation.slice(3) || undefined : undefined;
  }

  /** The slot of a group: the one whose folders are in it, else the only one a new group fits. */
  slotOf(group: string | undefined): AppSlot | undefined {
    const own = this.slots.filter((s) => group !== undefined && groupsOf(s).includes(group));
    if (own.length === 1) return own[0];
    const open = this.slots.filter((s) => s.groupIndex !== undefined);
    if (group !== undefined && own.length === 0 && open.length === 1) return open[0];
    return this.slots.length === 1 ? this.slots[0] : undefined;
  }

  /** The namespaces the slots' apps are in, where a folder segment or a config key is the namespace. */
  namespaces(): string[] {
    const out = new Set<string>();
    for (const slot of this.slots) {
      const from = slot.namespaceFrom;
      if (from.kind === 'config')
        for (const f of slot.folders) out.add(configNamespace(this.model, slot, f.dir) ?? '');
      if (from.kind !== 'segment') continue;
      for (const f of slot.folders) out.add(f.dir.split('/')[from.index] ?? '');
    }
    return [...out].filter(Boolean).sort();
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

  /** The gateways the siblings' routes attach to, and the repo's Gateway objects. */
  gateways(): Gateways {
    if (this.gatewayCache) return this.gatewayCache;
    const examples = this.examples(undefined);
    const refs = examples.flatMap((e) => routesOf(e).flatMap((r) => parentRefsOf(r, e.vocab.ns)));
    const objects = gatewayObjectsIn(this.model.reader, this.repo.tree.yamlFilesUnder(''));
    const learned = learnGateways(
      refs,
      objects.flatMap((o) => {
        const namespace = o.namespace ?? this.namespaceOfFile(o.file);
        return namespace ? [{ ...o, namespace }] : [];
      }),
    );
    const sectionName = majorityOf(refs, (r) => r.sectionName ?? '') || undefined;
    const o = this.repo.config.conventions;
    const pick = (name: string | undefined, fallback: Gateways['internal']) =>
      name
        ? (learned.all.find((g) => g.name === name) ?? {
            name,
            namespace: o.gatewayNamespace ?? fallback?.namespace ?? 'gateway',
            sectionName: undefined,
          })
        : fallback;
    const withSection = (g: Gateways['internal']) =>
      g && { ...g, sectionName: g.sectionName ?? sectionName };
    this.gatewayCache = {
      internal: withSection(pick(o.gatewayInternal, learned.internal)),
      external: withSection(pick(o.gatewayExternal, learned.external)),
      all: learned.all,
    };
    return this.gatewayCache;
  }

  /**
   * The entry points the siblings' Traefik IngressRoutes use: by name where names say it
   * (`public`, `external`), else the most used set is the internal one.
   */
  entryPoints(): { internal?: string[]; external?: string[]; all: string[][] } {
    const sets = this.examples(undefined).flatMap((e) =>
      e.docs
        .filter((d) => d.role === 'other:IngressRoute')
        .map((d) => dig(d.object?.data, 'spec', 'entryPoints'))
        .filter((p): p is string[] => Array.isArray(p) && p.every((x) => typeof x === 'string')),
    );
    const counts = new Map<string, { set: string[]; n: number }>();
    for (const set of sets) {
      const c = counts.get(set.join(',')) ?? { set, n: 0 };
      c.n++;
      counts.set(set.join(','), c);
    }
    const all = [...counts.values()].sort((a, b) => b.n - a.n).map((c) => c.set);
    const external = all.find((s) => s.some((p) => EXTERNAL.test(p)));
    const internal = all.find((s) => s !== external);
    return { internal, external, all };
  }

  /** Whether the siblings reach the tailnet through Tailscale LoadBalancer Services. */
  tailscale(): boolean {
    return this.examples(undefined).some((e) =>
      e.docs.some((d) => d.role === 'other:TailscaleService'),
    );
  }

  /** The ingress classes the siblings' chart `ingress:` values name, which internal, which external. */
  ingressClasses(): IngressClasses {
    const examples = this.examples(undefined);
    return ingressClassesOf(
      examples.flatMap((e) => routesOf(e).map((r) => str(dig(r, 'className')))),
      examples.flatMap((e) => [
        declaredIngressClass(e.values ? toData(e.values.root) : undefined),
        ...e.docs.filter((d) => d.object?.kind === 'IngressClass').map((d) => d.object?.name),
      ]),
    );
  }

  /** How the siblings are reached: HTTPRoutes to Gateways, Traefik IngressRoutes, or chart ingress values. */
  exposure(): 'gateway' | 'ingressroute' | 'ingress' {
    return learnArgoConventions(this.examples(undefined)).exposure;
  }

  /** The namespace a file's objects get: the app folder's, else the nearest kustomization's `namespace:`. */
  private namespaceOfFile(file: string): string | undefined {
    const ex = this.examples(undefined).find((e) => file.startsWith(`${e.dir}/`));
    if (ex?.vocab.ns) return ex.vocab.ns;
    for (let dir = posix.dirname(file); dir !== '.' && dir !== ''; dir = posix.dirname(dir)) {
      const k = kustomizationFileIn(this.repo.tree, dir);
      const ns = k ? str(dig(this.model.reader.data(k), 'namespace')) : undefined;
      if (ns) return ns;
    }
    return undefined;
  }

  /** The hostname the siblings of a route kind write, abstract (`⟪app⟫.lab.example.net`). */
  hostnamePattern(kind: 'internal' | 'external'): string | undefined {
    if (this.repo.config.conventions.domain) return `⟪app⟫.${this.repo.config.conventions.domain}`;
    const ingress = this.exposure() === 'ingress';
    const gateway = ingress ? undefined : this.gateways()[kind];
    const points = this.entryPoints();
    const className = ingress ? this.ingressClasses()[kind] : undefined;
    const hostnames = this.examples(undefined).flatMap((e) =>
      routesOf(e)
        .filter(
          (r) =>
            (className !== undefined && dig(r, 'className') === className) ||
            (dig(r, 'entryPoints') !== undefined &&
              JSON.stringify(dig(r, 'entryPoints')) === JSON.stringify(points[kind])) ||
            parentRefsOf(r, e.vocab.ns).some(
              (p) => !gateway || (p.name === gateway.name && p.namespace === gateway.namespace),
            ),
        )
        .flatMap((r) => {
          const hs = dig(r, 'hostnames');
          return Array.isArray(hs)
            ? hs
                .filter((h): h is string => typeof h === 'string')
                .map((h) => abstractText(h, e.vocab))
            : [];
        }),
    );
    return majorityOf(
      hostnames.filter((h) => h.includes('⟪app⟫') || h.includes('⟪release⟫')),
      (h) => h,
    );
  }

  storageClass(): string | undefined {
    if (this.repo.config.conventions.storageClass) return this.repo.config.conventions.storageClass;
    const classes = this.examples(undefined).flatMap((e) => {
      const files = e.docs
        .filter((d) => d.role === 'claim')
        .map((d) => str(dig(d.object?.data, 'spec', 'storageClassName')));
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

/** An example's routes: its HTTPRoute files' specs, its chart values' `route.*` and `ingress.*`. */
export function routesOf(e: ArgoExample): unknown[] {
  const files = e.docs.filter((d) => d.role === 'route').map((d) => dig(d.object?.data, 'spec'));
  // a Traefik IngressRoute, read as a route: its Host() matches and entry points
  const traefik = e.docs
    .filter((d) => d.role === 'other:IngressRoute')
    .map((d) => {
      const routes = dig(d.object?.data, 'spec', 'routes');
      const hosts = (Array.isArray(routes) ? routes : []).flatMap((r) =>
        [...String(dig(r, 'match') ?? '').matchAll(/Host\(`([^`]+)`\)/g)].map((m) => m[1]),
      );
      return { hostnames: hosts, entryPoints: dig(d.object?.data, 'spec', 'entryPoints') };
    });
  const values = e.values ? toData(e.values.root) : undefined;
  return [
    ...files,
    ...traefik,
    ...chartIngresses(values),
    ...Object.values((dig(values, 'route') ?? {}) as Record<string, unknown>),
  ];
}

/**
 * The namespace an app folder puts its objects in, whatever its ApplicationSet says: its
 * kustomization's `namespace:`, else the Namespace it holds, else the one most of its objects name.
 */
function folderNamespace(e: ArgoExample): string | undefined {
  const kustomization = e.docs.find((d) => d.role === 'kustomization')?.object?.data;
  const set = kustomization?.['namespace'];
  if (typeof set === 'string') return set;
  const namespace = e.docs.find((d) => d.object?.kind === 'Namespace')?.object?.name;
  if (namespace) return namespace;
  return majorityOf(
    e.docs.flatMap((d) => d.object?.namespace ?? []),
    (n) => n,
    true,
  );
}
