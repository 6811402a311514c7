import type { Problem } from '../../inputs/input-spec.ts';
import { posix } from 'node:path';
import type { FluxCluster } from '../../repo/flux-model.ts';
import type { FluxApp } from '../../repo/graph/flux-graph.ts';
import { flatApps } from './flat-apps.ts';
import type { FeatureSet } from '../../learn/role.ts';
import { dig, str } from '../../repo/graph/objects.ts';
import type { AppExample } from './examples.ts';
import type { FluxAppContext } from './flux-app-context.ts';

/** A Flux Kustomization by name and the namespace it lives in. */
export interface KsRef {
  name: string;
  namespace: string | undefined;
}

/**
 * The Kustomization a `dependsOn` input names: `app` or `namespace/app`, matched against the
 * Kustomizations the cluster's groups register (by their name, and the namespace they live or
 * deploy in). Several matches: the input must say which.
 */
export function lookUpDependency(
  ctx: FluxAppContext,
  cluster: FluxCluster,
  input: string,
): { ref: KsRef } | { problem: Problem } {
  const parts = input.split('/');
  if (parts.length > 2 || parts.some((part) => part === ''))
    return {
      problem: {
        message: `"${input}" is not app or namespace/app`,
        fix: 'name each dependency as app or namespace/app',
      },
    };
  const [folder, name] = parts.length === 2 ? [parts[0], parts[1]] : [undefined, parts[0]];
  if (ctx.flat(cluster)) {
    // a flat repo's apps are HelmReleases: `namespace/name` of one
    const found = flatApps(ctx.model, cluster).filter(
      (a) => a.name === name && (folder === undefined || a.namespace === folder),
    );
    const [only] = found;
    if (found.length === 1 && only) return { ref: { name: only.name, namespace: only.namespace } };
    return {
      problem: {
        message: found.length
          ? `"${input}" names several HelmReleases (${found.map((a) => `${a.namespace}/${a.name}`).join(', ')})`
          : `no app "${input}" in this repo (no HelmRelease of that name)`,
        fix: found.length
          ? `name one as namespace/app, e.g. --dependsOn=${only?.namespace}/${name}`
          : 'name an existing app as app or namespace/app',
      },
    };
  }
  // `namespace/app`: the namespace folder, or the namespace the app deploys to (per-cluster lists)
  const apps = ctx.model
    .groups(cluster)
    .flatMap((g) =>
      ctx.model
        .apps(g)
        .filter(
          (a) =>
            folder === undefined || ctx.model.groupName(g) === folder || a.namespace === folder,
        ),
    );
  // an app folder of that name: its Kustomization named after it, or its only one
  const byFolder = new Map<string, FluxApp[]>();
  for (const a of apps)
    if (appFolderOf(a) === name)
      byFolder.set(a.ks.object.file, [...(byFolder.get(a.ks.object.file) ?? []), a]);
  const inFolders = [...byFolder.values()].flatMap((all) => {
    const named = all.filter((a) => a.ks.name === name);
    return named.length ? named : all;
  });
  const found = inFolders.length ? inFolders : apps.filter((a) => a.ks.name === name);
  if (found.length === 0)
    return {
      problem: {
        message: `no app "${input}" in this repo (no app folder and no Flux Kustomization of that name)`,
        fix: 'name an existing app as app or namespace/app',
      },
    };
  if (found.length > 1) {
    const first = found[0];
    return {
      problem: {
        message: `"${input}" names several Flux Kustomizations (${found.map((a) => `${a.ks.namespace}/${a.ks.name}`).join(', ')})`,
        fix: `name one of them by its namespace folder and name: --dependsOn=${first ? `${ctx.model.groupName(first.group)}/${first.ks.name}` : name}`,
      },
    };
  }
  const [only] = found;
  return only
    ? { ref: { name: only.ks.name, namespace: only.ks.namespace } }
    : { problem: { message: 'unreachable', fix: '' } };
}

/** The folder an app's entry sits in (`dragonfly` for `./dragonfly/ks.yaml`), or its file's name (`./echo.yaml`). */
function appFolderOf(app: FluxApp): string {
  const rel = posix.relative(app.group.dir, app.ks.object.file);
  return rel.includes('/') ? (rel.split('/')[0] ?? rel) : rel.replace(/\.ya?ml$/, '');
}

/**
 * What the new app depends on as its siblings do: the dependsOn entries most of its nearest
 * siblings have (alike in chart, storage, secrets and route), and those that go with storage (the
 * backup operator): entries most apps with storage have and most without it lack, both counted
 * among apps alike in secrets (among all apps where none of those has storage).
 */
export function learnedDependencies(
  examples: readonly AppExample[],
  features: FeatureSet,
): KsRef[] {
  const alike = (e: AppExample, keys: readonly string[]) =>
    keys.every((k) => (e.features[k] === true) === (features[k] === true));
  // apps unlike the new one in storage or secrets depend on other things: never learned from
  const levels = [
    ['appTemplate', 'storage', 'secret', 'route'],
    ['appTemplate', 'storage', 'secret'],
    ['storage', 'secret'],
  ];
  const pool =
    levels.map((keys) => examples.filter((e) => alike(e, keys))).find((p) => p.length >= 2) ?? [];
  const refs = new Map(majorityDeps(pool).map((r) => [keyOf(r), r]));
  // (a secret's store is found by where it is deployed: see storeDependency)
  for (const feature of ['storage']) {
    if (features[feature] !== true) continue;
    const others = ['storage', 'secret'].filter((f) => f !== feature);
    // where no app alike in secrets has storage (all apps with data also have a secret), all
    // apps, but then only the operator of a component they take (volsync for components/volsync):
    // the rest may go with their secrets
    const alikePeers = examples.filter((e) => alike(e, others));
    const alikeHasIt = alikePeers.some((e) => e.features[feature] === true);
    const peers = alikeHasIt ? alikePeers : examples;
    const operators = alikeHasIt
      ? undefined
      : componentNames(peers.filter((e) => e.features[feature] === true));
    const withIt = majorityDeps(peers.filter((e) => e.features[feature] === true));
    const without = new Set(
      peers.filter((e) => e.features[feature] !== true).length
        ? majorityDeps(
            peers.filter((e) => e.features[feature] !== true),
            true,
          ).map(keyOf)
        : [],
    );
    for (const r of withIt)
      if (!without.has(keyOf(r)) && (!operators || operators.has(r.name))) refs.set(keyOf(r), r);
  }
  return [...refs.values()];
}

/** The last folder names of the components the apps' Kustomizations take. */
function componentNames(apps: readonly AppExample[]): Set<string> {
  const paths = apps.flatMap((e) => {
    const list = dig(e.app.ks.object.data, 'spec', 'components');
    return Array.isArray(list) ? list.filter((c): c is string => typeof c === 'string') : [];
  });
  return new Set(paths.map((p) => posix.basename(p.replace(/\/+$/, ''))));
}

const keyOf = (r: KsRef) => `${r.namespace ?? ''}/${r.name}`;

/** The dependsOn entries more than half of `apps` have (with `half`: at least half). */
function majorityDeps(apps: readonly AppExample[], half = false): KsRef[] {
  const counts = new Map<string, { ref: KsRef; n: number }>();
  for (const e of apps) {
    for (const r of new Map(dependsOnOf(e).map((d) => [keyOf(d), d])).values()) {
      const c = counts.get(keyOf(r)) ?? { ref: r, n: 0 };
      c.n++;
      counts.set(keyOf(r), c);
    }
  }
  return [...counts.values()]
    .filter((c) => (half ? c.n * 2 >= apps.length : c.n * 2 > apps.length))
    .map((c) => c.ref);
}

function dependsOnOf(e: AppExample): KsRef[] {
  const list = dig(e.app.ks.object.data, 'spec', 'dependsOn');
  return (Array.isArray(list) ? list : []).flatMap((d) => {
    const name = str(dig(d, 'name'));
    return name ? [{ name, namespace: str(dig(d, 'namespace')) ?? e.app.ks.namespace }] : [];
  });
}
