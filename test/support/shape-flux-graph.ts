import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, normalize } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { type ShapeFixture, list, record } from './shape-fixtures.ts';

/**
 * The Flux graph of a shape fixture, walked as kustomize-controller walks it: from each root named in
 * the expect file through spec.path, kustomization.yaml resources (or, in a folder without one, every
 * manifest below it, as Flux generates), into every Flux Kustomization found on the way.
 */

interface Reached {
  /** Files applied by some Kustomization, each with the cluster whose roots reach it. */
  files: Map<string, Set<string>>;
  /** Flux Kustomizations reached: file, name, spec.path (repo-relative, no ./). */
  kustomizations: { file: string; name: string; path: string; cluster: string }[];
}

const FLUX_KS = 'kustomize.toolkit.fluxcd.io/';
const repoPath = (p: string) => normalize(p.replace(/^\.\//, '')).replace(/\/$/, '');

function manifestsBelow(root: string, dir: string): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  if (existsSync(join(abs, 'kustomization.yaml'))) return [join(dir, 'kustomization.yaml')];
  return readdirSync(abs)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(join(root, path)).isDirectory()) return manifestsBelow(root, path);
      return /\.ya?ml$/.test(name) ? [path] : [];
    });
}

function walk(fx: ShapeFixture, start: string, cluster: string, out: Reached, seen: Set<string>) {
  const visit = (file: string) => {
    if (seen.has(`${cluster}:${file}`)) return;
    seen.add(`${cluster}:${file}`);
    const clusters = out.files.get(file) ?? new Set<string>();
    out.files.set(file, clusters.add(cluster));
    const text = readFileSync(join(fx.root, file), 'utf8');
    if (file.endsWith('kustomization.yaml')) {
      const k = record(parse(text));
      const dir = file.slice(0, -'/kustomization.yaml'.length);
      for (const r of list(k.resources).map(String)) {
        const target = normalize(join(dir, r));
        if (fx.files.includes(target)) visit(target);
        else manifestsBelow(fx.root, target).forEach(visit);
      }
      return;
    }
    for (const doc of parseAllDocuments(text)) {
      const o = record(doc.toJS());
      if (!String(o.apiVersion).startsWith(FLUX_KS) || o.kind !== 'Kustomization') continue;
      const path = repoPath(String(record(o.spec).path ?? ''));
      out.kustomizations.push({ file, name: String(record(o.metadata).name), path, cluster });
      manifestsBelow(fx.root, path).forEach(visit);
    }
  };
  manifestsBelow(fx.root, start).forEach(visit);
}

/** What the roots of the expect file's bootstrap reach (a FluxInstance root syncs its path). */
export function walkFlux(fx: ShapeFixture): Reached {
  const out: Reached = { files: new Map(), kustomizations: [] };
  const seen = new Set<string>();
  for (const root of list(record(fx.expect.bootstrap).roots).map(record)) {
    if (typeof root.path !== 'string') continue; // the GitRepository: a source, not a root path
    walk(fx, repoPath(root.path), String(root.cluster ?? ''), out, seen);
  }
  return out;
}

/**
 * Every app of a Flux fixture is deployed from its cluster's roots: its entry is applied, the entry holds a
 * Kustomization whose spec.path is the app's folder (or, in the flat shape, is itself applied by a root),
 * and its registration file is applied too.
 */
export function fluxReachProblems(fx: ShapeFixture): string[] {
  if (fx.expect.engine !== 'flux') return [];
  const reached = walkFlux(fx);
  const problems: string[] = [];
  const reachedIn = (file: string, cluster: string) =>
    reached.files.get(file)?.has(cluster) ?? false;
  for (const a of fx.expect.apps) {
    const cluster = a.cluster ?? '';
    const label = `${cluster ? `${cluster}/` : ''}${a.namespace}/${a.name}`;
    if (!a.entry) {
      problems.push(`${label}: no entry`);
      continue;
    }
    if (!reachedIn(a.entry, cluster)) problems.push(`${label}: ${a.entry} is reached by no root`);
    if (a.registeredIn && !reachedIn(a.registeredIn, cluster))
      problems.push(`${label}: ${a.registeredIn} is reached by no root`);
    const deploysDir = reached.kustomizations.some(
      (k) => k.file === a.entry && k.cluster === cluster && k.path === a.dir,
    );
    const flat = a.entry.startsWith(`${a.dir}/`) && !a.registeredIn;
    if (!deploysDir && !flat)
      problems.push(`${label}: no Kustomization in ${a.entry} has spec.path ./${a.dir}`);
  }
  return problems;
}

/** No object of an Argo CD fixture is a Flux Kustomization (it must not be taken for a Flux repo). */
export function fluxObjectsIn(fx: ShapeFixture): string[] {
  return fx.objects
    .filter((o) => o.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/'))
    .map((o) => `${o.file}: ${o.kind} ${o.name}`);
}
