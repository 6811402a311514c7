import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { parse } from 'yaml';
import {
  type ExpectedApp,
  type RepoObject,
  type ShapeFixture,
  globToRegExp,
  list,
  parentRefsIn,
  record,
} from './shape-fixtures.ts';

/** The GitOps graph of a fixture, walked the way Argo CD and Flux walk it. Each check lists problems. */

interface GitSource {
  path: string;
  recurse: boolean;
  include?: string;
  exclude?: string;
}

const templated = (s: string) => s.includes('{{');

/** The git sources with a path of an Application (single `source` or `sources`). */
export function gitSources(app: RepoObject): GitSource[] {
  const spec = record(app.body.spec);
  const sources = spec.sources ? list(spec.sources) : [spec.source];
  return sources.map(record).flatMap((s) => {
    if (typeof s.path !== 'string' || s.chart !== undefined) return [];
    const dir = record(s.directory);
    return [
      {
        path: s.path.replace(/^\.\//, '').replace(/\/$/, ''),
        recurse: dir.recurse === true,
        include: typeof dir.include === 'string' ? dir.include : undefined,
        exclude: typeof dir.exclude === 'string' ? dir.exclude : undefined,
      },
    ];
  });
}

/** The files a kustomization folder renders, following `resources:` into sub-folders. */
function kustomizedFiles(fx: ShapeFixture, dir: string, seen = new Set<string>()): string[] {
  const file = ['kustomization.yaml', 'kustomization.yml']
    .map((f) => join(dir, f))
    .find((f) => fx.files.includes(f));
  if (!file || seen.has(dir)) return [];
  seen.add(dir);
  const k = record(parse(readFileSync(join(fx.root, file), 'utf8')));
  return list(k.resources).flatMap((r) => {
    const path = normalize(join(dir, String(r)));
    return fx.files.includes(path) ? [path] : kustomizedFiles(fx, path, seen);
  });
}

/** Whether a git source of an Application deploys this file. */
export function sourceReads(fx: ShapeFixture, source: GitSource, file: string): boolean {
  if (fx.files.includes(join(source.path, 'kustomization.yaml')))
    return kustomizedFiles(fx, source.path).includes(file);
  if (!file.startsWith(`${source.path}/`)) return false;
  const rest = file.slice(source.path.length + 1);
  if (!source.recurse && rest.includes('/')) return false;
  if (source.include && !globToRegExp(source.include).test(rest)) return false;
  return !(source.exclude && globToRegExp(source.exclude).test(rest));
}

const applications = (fx: ShapeFixture) =>
  fx.objects.filter((o) => o.apiVersion.startsWith('argoproj.io/') && o.kind === 'Application');

/** Every Argo CD object outside the hand-applied roots is deployed by some Application. */
export function unreadArgoObjects(fx: ShapeFixture): string[] {
  const roots = new Set((fx.expect.bootstrap?.roots ?? []).map((r) => `${r.file}#${r.name}`));
  const apps = applications(fx);
  return fx.objects
    .filter((o) => o.apiVersion.startsWith('argoproj.io/') && /^Application(Set)?$/.test(o.kind))
    .filter((o) => !roots.has(`${o.file}#${o.name}`))
    .filter((o) => !apps.some((a) => gitSources(a).some((s) => sourceReads(fx, s, o.file))))
    .map((o) => `${o.kind} ${o.name} (${o.file}) is read by no Application`);
}

/** Every literal git path and `$values/` file an Application or ApplicationSet names exists. */
export function missingArgoPaths(fx: ShapeFixture): string[] {
  const problems: string[] = [];
  for (const o of fx.objects.filter((o) => o.apiVersion.startsWith('argoproj.io/'))) {
    const spec =
      o.kind === 'ApplicationSet'
        ? record(record(record(o.body.spec).template).spec)
        : record(o.body.spec);
    const sources = spec.sources ? list(spec.sources) : [spec.source];
    for (const s of sources.map(record)) {
      const path = typeof s.path === 'string' ? s.path : undefined;
      if (path && !templated(path) && !existsSync(join(fx.root, path)))
        problems.push(`${o.file}: source path ${path} does not exist`);
      for (const v of list(record(s.helm).valueFiles).map(String))
        if (v.startsWith('$values/') && !existsSync(join(fx.root, v.slice('$values/'.length))))
          problems.push(`${o.file}: value file ${v} does not exist`);
    }
  }
  return problems;
}

/** The ApplicationSet named by `pickedBy` really generates an Application for the app's folder. */
export function pickProblems(fx: ShapeFixture, app: ExpectedApp): string[] {
  const by = app.pickedBy;
  if (!by) return [];
  const set = fx.objects.find(
    (o) => o.kind === 'ApplicationSet' && o.file === by.file && o.name === by.name,
  );
  if (!set) return [`${app.name}: no ApplicationSet ${by.name} in ${by.file}`];
  // a generator is {git: {...}, selector?: {matchLabels}}: the selector filters the generated params
  const gens = list(record(set.body.spec).generators).map(record);
  const picked = gens.some((gen) => {
    const git = record(gen.git);
    const dirs = list(git.directories).map(record);
    if (dirs.length > 0) {
      const hit = (d: Record<string, unknown>) => globToRegExp(String(d.path)).test(app.dir);
      return (
        dirs.some((d) => d.exclude !== true && hit(d)) &&
        !dirs.some((d) => d.exclude === true && hit(d))
      );
    }
    const labels = record(record(gen.selector).matchLabels);
    return list(git.files).some((f) =>
      fx.files.some((file) => {
        if (dirname(file) !== app.dir || !globToRegExp(String(record(f).path)).test(file))
          return false;
        const config = record(parse(readFileSync(join(fx.root, file), 'utf8')));
        return Object.entries(labels).every(([k, v]) => String(config[k]) === String(v));
      }),
    );
  });
  return picked ? [] : [`${app.name}: ${by.name} (${by.file}) does not pick up ${app.dir}`];
}

/** The root named by `readBy` really reads the app's Application file. */
export function readProblems(fx: ShapeFixture, app: ExpectedApp): string[] {
  const by = app.readBy;
  if (!by) return [];
  const root = applications(fx).find((o) => o.file === by.file && o.name === by.name);
  if (!root) return [`${app.name}: no Application ${by.name} in ${by.file}`];
  if (!app.entry) return [`${app.name}: readBy without entry`];
  const entry = app.entry;
  return gitSources(root).some((s) => sourceReads(fx, s, entry))
    ? []
    : [`${app.name}: ${by.name} (${by.file}) does not read ${entry}`];
}

/** Every parentRef (HTTPRoute, chart values) names a Gateway of the repo. */
export function missingGateways(fx: ShapeFixture): string[] {
  const gateways = fx.objects.filter(
    (o) => o.kind === 'Gateway' && o.apiVersion.startsWith('gateway.networking.k8s.io/'),
  );
  const problems: string[] = [];
  for (const { file, value } of fx.docs)
    for (const ref of parentRefsIn(value)) {
      if (ref.kind !== undefined && ref.kind !== 'Gateway') continue;
      const hit = gateways.some(
        (g) =>
          g.name === ref.name && (ref.namespace === undefined || g.namespace === ref.namespace),
      );
      if (!hit)
        problems.push(
          `${file}: parentRef ${String(ref.name)}/${String(ref.namespace ?? '')} names no Gateway`,
        );
    }
  return problems;
}

/** Flux Kustomizations: every spec.path exists, every dependsOn names a Kustomization. */
export function fluxProblems(fx: ShapeFixture): string[] {
  const ks = fx.objects.filter(
    (o) => o.apiVersion.startsWith('kustomize.toolkit.fluxcd.io/') && o.kind === 'Kustomization',
  );
  const names = new Set(ks.map((k) => k.name));
  return ks.flatMap((k) => {
    const spec = record(k.body.spec);
    const problems: string[] = [];
    const path = typeof spec.path === 'string' ? spec.path : '';
    if (!templated(path) && !path.includes('${') && !existsSync(join(fx.root, path)))
      problems.push(`${k.file}: Kustomization ${k.name} path ${path} does not exist`);
    for (const d of list(spec.dependsOn).map(record))
      if (!names.has(String(d.name)))
        problems.push(`${k.file}: ${k.name} depends on missing ${String(d.name)}`);
    return problems;
  });
}
