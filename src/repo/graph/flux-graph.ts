import { posix } from 'node:path';
import { discover, fluxPath, isFluxKustomization } from './discover.ts';
import { fluxInstanceRoots } from './flux-instance.ts';
import {
  kustomizationFileIn,
  readUnit,
  type KustomizeUnit,
  type UnitResource,
} from './kustomize-unit.ts';
import { dig, str, type ObjectReader, type RepoObject } from './objects.ts';
import { inFolder } from '../../tree/in-folder.ts';
import { SYSTEM_NAMESPACES } from '../system-namespaces.ts';
import { escapeRegExp } from '../../text/escape-reg-exp.ts';

/** A Flux Kustomization of the repo. */
export interface FluxKs {
  object: RepoObject;
  name: string;
  /** Where it lives: `metadata.namespace`, else the namespace of the folder that builds it. */
  namespace: string | undefined;
  /** `spec.path`, repo-relative. */
  path: string | undefined;
}

/** A folder one level below a root's tree: a namespace folder, or a group (ClusterTool layer). */
export interface Group {
  root: FluxKs;
  /** Its folder, known before its kustomization is read. */
  readonly dir: string;
  /** Its kustomization, read when first asked for. */
  readonly unit: KustomizeUnit;
  /** How the root's unit lists it (`./media`), or undefined where Flux generates the list. */
  registration: { file: string; entry: string } | undefined;
}

/** An app: a Flux Kustomization registered in a group, and the folder it deploys. */
export interface FluxApp {
  ks: FluxKs;
  group: Group;
  /** The entry of the group's `resources` that includes the file (`./echo/ks.yaml`). */
  registration: UnitResource;
  /** The namespace its workloads run in: `targetNamespace`, else the group's, else its own. */
  namespace: string | undefined;
}

const FLUX_KUSTOMIZATION = /kustomize\.toolkit\.fluxcd\.io\//;

/**
 * The repo as Flux deploys it: its root Kustomizations (found by discover), the folders their
 * trees hold, and the apps registered there. Read lazily: listing a group reads its
 * kustomization.yaml; its apps are parsed only when asked for.
 */
export class FluxGraph {
  readonly roots: FluxKs[];
  /** Every Flux Kustomization discover found, roots or not. */
  readonly found: readonly FluxKs[];
  private readonly units = new Map<string, KustomizeUnit>();
  private readonly groupsOf = new Map<FluxKs, Group[]>();
  private readonly appsOf = new Map<Group, FluxApp[]>();
  private readonly folderNamespaces = new Map<Group, string | undefined>();

  constructor(readonly reader: ObjectReader) {
    const committed = discover(reader).fluxKustomizations.map((o) => toKs(o, undefined));
    // where every Kustomization committed is an app's entry (each deploys a folder beside it), the
    // root is the one a Flux Operator instance syncs, whoever deploys the instance (looked for
    // only then: without git, looking reads every file)
    const instances = committed.every(isAppEntry) ? fluxInstanceRoots(reader) : [];
    const found = [...instances, ...committed];
    this.found = found;
    // a root is what no other found Kustomization deploys (ClusterTool's deploys itself) ...
    const candidates = found.filter(
      (ks) =>
        instances.includes(ks) ||
        !found.some(
          (other) =>
            other !== ks && other.path !== undefined && deploys(other.path, ks.object.file),
        ),
    );
    const roots = withBootstrapRootsPromoted(found, candidates, instances, (dir) => this.unit(dir));
    // ... nor lists as an app: an overlay lists `../../base/<ns>/<app>/ks.yaml` from outside its
    // tree. Only a list that climbs out of its folder (`../`) can do that: the others are not read.
    const listedBy = new Map<string, FluxKs>();
    for (const root of roots) {
      if (roots.length === 1 || root.path === undefined) continue;
      if (!this.reader.tree.isDirectory(root.path)) continue;
      const top = this.unit(root.path);
      const dirs = [root.path, ...top.resources.filter((r) => r.kind === 'dir').map((r) => r.path)];
      for (const dir of dirs) {
        const file = kustomizationFileIn(this.reader.tree, dir);
        if (!file || !(this.reader.tree.read(file) ?? '').includes('../')) continue;
        for (const r of this.unit(dir).resources) if (r.kind === 'file') listedBy.set(r.path, root);
      }
    }
    this.roots = roots.filter((ks) => {
      const by = listedBy.get(ks.object.file);
      return by === undefined || by === ks;
    });
  }

  unit(dir: string): KustomizeUnit {
    let unit = this.units.get(dir);
    if (!unit) this.units.set(dir, (unit = readUnit(this.reader, dir)));
    return unit;
  }

  /** The folders directly in a root's tree that hold apps (namespace folders or groups). */
  groups(root: FluxKs): Group[] {
    let groups = this.groupsOf.get(root);
    if (groups) return groups;
    groups = [];
    if (root.path !== undefined && this.reader.tree.isDirectory(root.path)) {
      const top = this.unit(root.path);
      // the root's own folder lists entry files directly (no namespace folders): it is the group
      if (top.resources.some((r) => r.kind === 'file' && this.holdsKustomization(r.path, root)))
        groups.push({ root, dir: top.dir, unit: top, registration: undefined });
      for (const r of top.resources) {
        if (r.kind !== 'dir') continue;
        const registration = top.file ? { file: top.file, entry: r.entry } : undefined;
        groups.push(this.lazyGroup(root, this.throughOverlay(r.path), registration));
      }
    }
    this.groupsOf.set(root, groups);
    return groups;
  }

  /**
   * The folder a root's entry stands for: the entry itself, or, where it is a cluster's overlay
   * of one namespace folder kept elsewhere (a kustomization listing only
   * `../../../../kubernetes/apps/storage-system/`, with patches), that folder.
   */
  private throughOverlay(dir: string): string {
    const file = kustomizationFileIn(this.reader.tree, dir);
    if (!file || !(this.reader.tree.read(file) ?? '').includes('../')) return dir;
    const unit = this.unit(dir);
    const [only] = unit.resources;
    return only?.kind === 'dir' && unit.resources.length === 1 && !unit.namespace ? only.path : dir;
  }

  private lazyGroup(root: FluxKs, dir: string, registration: Group['registration']): Group {
    const unit = () => this.unit(dir);
    return {
      root,
      dir,
      registration,
      get unit() {
        return unit();
      },
    };
  }

  /** The apps a group registers, in the order it lists them. */
  apps(group: Group): FluxApp[] {
    let apps = this.appsOf.get(group);
    if (!apps) {
      apps = group.unit.resources.flatMap((r) => this.appsIn(group, r));
      this.appsOf.set(group, apps);
    }
    return apps;
  }

  /** The first apps a group registers, reading only as many files as it takes. */
  firstApps(group: Group, limit: number): FluxApp[] {
    const all = this.appsOf.get(group);
    if (all) return all.slice(0, limit);
    const out: FluxApp[] = [];
    for (const r of group.unit.resources) {
      if (out.length >= limit) break;
      out.push(...this.appsIn(group, r));
    }
    return out.slice(0, limit);
  }

  /** The apps of a group named `name`: only the files that mention the name are read. */
  appsNamed(group: Group, name: string): FluxApp[] {
    const all = this.appsOf.get(group);
    if (all) return all.filter((a) => a.ks.name === name);
    const escaped = escapeRegExp(name);
    const mentions = new RegExp(`name:\\s*(?:&\\S+\\s+)?["']?${escaped}["']?\\s*$`, 'm');
    return group.unit.resources
      .flatMap((r) => {
        const files =
          r.kind === 'dir' ? this.entryFolderFiles(r.path) : r.kind === 'file' ? [r.path] : [];
        return files.some((f) => mentions.test(this.reader.tree.read(f) ?? ''))
          ? this.appsIn(group, r)
          : [];
      })
      .filter((a) => a.ks.name === name);
  }

  /**
   * The apps a group's entry registers: the Flux Kustomizations of a file (`./echo/ks.yaml`), or
   * of the files a folder's kustomization lists (`./echo`, whose kustomization.yaml lists
   * `./app.ks.yaml`), each registered by that entry.
   */
  private appsIn(group: Group, r: UnitResource): FluxApp[] {
    if (r.kind === 'dir')
      return this.entryFolderFiles(r.path).flatMap((file) =>
        this.appsIn(group, { ...r, kind: 'file', path: file }).map((a) => ({
          ...a,
          registration: r,
        })),
      );
    if (r.kind !== 'file') return [];
    const apps: FluxApp[] = [];
    for (const o of this.reader.objectsIf(r.path, [FLUX_KUSTOMIZATION])) {
      if (!isFluxKustomization(o) || o.file === group.root.object.file) continue;
      const ks = toKs(o, group.unit.namespace);
      if (ks.name === group.root.name && ks.namespace === group.root.namespace) continue;
      const target = str(dig(o.data, 'spec', 'targetNamespace'));
      apps.push({
        ks,
        group,
        registration: r,
        namespace: target ?? group.unit.namespace ?? ks.namespace,
      });
    }
    return apps;
  }

  /** The files an entry folder lists that declare a Flux Kustomization (none for an app's own manifests). */
  private entryFolderFiles(dir: string): string[] {
    if (!kustomizationFileIn(this.reader.tree, dir)) return [];
    return this.unit(dir)
      .resources.filter(
        (x) => x.kind === 'file' && declaresFluxKustomization(this.reader.tree.read(x.path) ?? ''),
      )
      .map((x) => x.path);
  }

  /**
   * The namespace a group's kustomization sets, read off its `namespace:` line when that line is
   * plain (no parse), else from the parsed file.
   */
  namespaceOf(group: Group): string | undefined {
    const file = kustomizationFileIn(this.reader.tree, group.dir);
    const text = file === undefined ? undefined : this.reader.tree.read(file);
    if (text !== undefined && !this.units.has(group.dir)) {
      if (!text.includes('namespace')) return undefined;
      const line = PLAIN_NAMESPACE_LINE.exec(text);
      if (line) return line[1];
    }
    return group.unit.namespace;
  }

  /**
   * The namespace a group's folder stands for: the one its kustomization sets, else the one
   * Namespace its own folder holds and lists (older repos keep every app's Kustomization in
   * flux-system, with a `targetNamespace`, and no `namespace:` in the folder's kustomization).
   * Undefined for a folder of neither kind: a layer, or an overlay listing several namespaces.
   */
  folderNamespace(group: Group): string | undefined {
    if (this.folderNamespaces.has(group)) return this.folderNamespaces.get(group);
    let found = this.namespaceOf(group);
    if (found === undefined) {
      const names = new Set(
        group.unit.resources
          .filter((r) => r.kind === 'file' && posix.dirname(r.path) === group.dir)
          .flatMap((r) => this.reader.objectsIf(r.path, [NAMESPACE_KIND]))
          .filter((o) => o.kind === 'Namespace' && o.apiVersion === 'v1')
          .flatMap((o) => (o.name ? [o.name] : [])),
      );
      if (names.size === 1) found = [...names][0];
    }
    // a folder named after a namespace every cluster has (default, kube-system) needs no Namespace
    const name = posix.basename(group.dir);
    if (found === undefined && CLUSTER_NAMESPACES.includes(name) && this.registersApps(group))
      found = name;
    this.folderNamespaces.set(group, found);
    return found;
  }

  /**
   * The entries of a group's list that register apps (`./echo/ks.yaml`), in list order: told from
   * each file's `apiVersion` and `kind` lines, without parsing the files.
   */
  appEntries(group: Group): string[] {
    const all = this.appsOf.get(group);
    const entries = all
      ? all.map((a) => a.registration.entry)
      : group.unit.resources
          .filter(
            (r) =>
              (r.kind === 'file' &&
                r.path !== group.root.object.file &&
                declaresFluxKustomization(this.reader.tree.read(r.path) ?? '')) ||
              (r.kind === 'dir' && this.entryFolderFiles(r.path).length > 0),
          )
          .map((r) => r.entry);
    return [...new Set(entries)];
  }

  /** Whether a group registers at least one app (reads its files only until one does). */
  registersApps(group: Group): boolean {
    if (this.appsOf.has(group)) return (this.appsOf.get(group)?.length ?? 0) > 0;
    return group.unit.resources.some(
      (r) =>
        (r.kind === 'file' && this.holdsKustomization(r.path, group.root)) ||
        (r.kind === 'dir' && this.entryFolderFiles(r.path).length > 0),
    );
  }

  /** Whether a file of the tree holds a Flux Kustomization other than the root itself. */
  private holdsKustomization(file: string, root: FluxKs): boolean {
    return this.reader
      .objectsIf(file, [FLUX_KUSTOMIZATION])
      .some((o) => isFluxKustomization(o) && o !== root.object);
  }
}

/** The namespaces a cluster makes itself: a folder of apps for one declares no Namespace. */
const CLUSTER_NAMESPACES = SYSTEM_NAMESPACES.filter((ns) => ns !== 'argocd');
const NAMESPACE_KIND = /^kind:\s*["']?Namespace["']?\s*$/m;
const PLAIN_NAMESPACE_LINE = /^namespace:[ \t]*([a-z0-9][-a-z0-9.]*)[ \t]*(?:#.*)?$/m;
const FLUX_KS_API = /^apiVersion:\s*["']?kustomize\.toolkit\.fluxcd\.io\//m;
const KUSTOMIZATION_KIND = /^kind:\s*["']?Kustomization["']?\s*$/m;
const declaresFluxKustomization = (text: string): boolean =>
  FLUX_KS_API.test(text) && KUSTOMIZATION_KIND.test(text);

/** A Kustomization that deploys a folder below its own file's (`ns/app/ks.yaml` -> `ns/app/app`). */
function isAppEntry(ks: FluxKs): boolean {
  const own = posix.dirname(ks.object.file);
  return ks.path !== undefined && ks.path !== own && inFolder(ks.path, own === '.' ? '' : own);
}

function toKs(o: RepoObject, unitNamespace: string | undefined): FluxKs {
  return {
    object: o,
    name: o.name ?? '',
    namespace: unitNamespace ?? o.namespace,
    path: fluxPath(o),
  };
}

/**
 * A root that deploys its own folder (`cluster`, path `./kubernetes/main/flux`, in
 * `kubernetes/main/flux/config/`) is Flux bootstrapping itself: the Kustomizations in its folder
 * that deploy folders elsewhere (`cluster-apps`, path `./kubernetes/main/apps`) are the roots of
 * the apps, and it is none (its folder's other Kustomizations, its chart repositories, are Flux's
 * own). Where none deploys a folder elsewhere (ClusterTool's root), it is the root.
 */
function withBootstrapRootsPromoted(
  found: readonly FluxKs[],
  candidates: readonly FluxKs[],
  instances: readonly FluxKs[],
  unit: (dir: string) => KustomizeUnit,
): FluxKs[] {
  const out: FluxKs[] = [];
  for (const root of candidates) {
    const tree = root.path;
    // (a Flux Operator instance syncing kubernetes/flux/cluster is such a bootstrap root too)
    if (tree === undefined || (!deploys(tree, root.object.file) && !instances.includes(root))) {
      out.push(root);
      continue;
    }
    const inside = found.filter((k) => k !== root && deploys(tree, k.object.file));
    // deploying elsewhere: outside the root's tree, or inside it where the root's kustomization
    // does not list it (clusters/dev/kustomization.yaml lists ./flux, not ./apps)
    const elsewhere = inside.filter(
      (k) => k.path !== undefined && !inFolder(tree, k.path) && !builds(unit, tree, k.path, 0),
    );
    if (elsewhere.length === 0) out.push(root);
    out.push(...elsewhere.filter((k) => !out.includes(k)));
  }
  return out;
}

/**
 * Whether building `dir` takes in the folder `target`: it is `dir`, or lies under a folder with
 * no kustomization.yaml (Flux takes every file there), or under a folder the lists name.
 */
function builds(
  unit: (dir: string) => KustomizeUnit,
  dir: string,
  target: string,
  depth: number,
): boolean {
  if (dir === target) return true;
  if (!inFolder(target, dir) || depth > 8) return false;
  const u = unit(dir);
  if (!u.file) return true;
  return u.resources.some((r) => r.kind === 'dir' && builds(unit, r.path, target, depth + 1));
}

/** Whether a Kustomization over `path` deploys `file` (the file lies in that folder's tree). */
function deploys(path: string, file: string): boolean {
  return inFolder(posix.dirname(file), path);
}
