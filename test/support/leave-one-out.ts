import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, homeops, snapshotFiles } from './temp-repo.ts';

/** An app of a shape fixture, as its expect file describes it. */
export interface ExpectedApp {
  /** In a repo with both engines: the one that deploys it. */
  engine?: string;
  name: string;
  namespace: string;
  cluster?: string;
  entry?: string;
  registeredIn?: string;
  registration?: string;
  dir: string;
  files: string[];
  /** A chart values file kept outside the app's folder (an app of apps' `values/<app>.yaml`). */
  valuesFile?: string;
  plain?: boolean;
  inputs: Record<string, unknown>;
}

export interface FixtureTruth {
  engine: string;
  clusters: string[];
  apps: ExpectedApp[];
}

export function readTruth(fixture: string): FixtureTruth {
  return parse(
    readFileSync(join(ROOT, 'test/fixtures/shapes', `${fixture}.expect.yaml`), 'utf8'),
  ) as FixtureTruth;
}

/** One file of a reconstructed app: what the repo had, what homeops wrote. */
export interface FileComparison {
  path: string;
  original: string | undefined;
  generated: string | undefined;
  /** Share of lines both have (1: identical). */
  similarity: number;
}

export interface Reconstruction {
  app: ExpectedApp;
  code: number;
  stderr: string;
  files: FileComparison[];
}

/**
 * Take an app out of a copy of its fixture (its folder, its entry file, its registration line),
 * regenerate it with `homeops app` from the inputs the expect file gives, and compare what was
 * written with what the repo had, file by file.
 */
export async function reconstruct(
  fixture: string,
  app: ExpectedApp,
  others: readonly ExpectedApp[],
): Promise<Reconstruction> {
  const repo = mkdtempSync(join(tmpdir(), `homeops-loo-${fixture}-`));
  cpSync(join(ROOT, 'test/fixtures/shapes', fixture), repo, { recursive: true });
  // a repo with both engines says in its config which one the app is for
  if (app.engine) writeFileSync(join(repo, '.homeops.yaml'), `engine: ${app.engine}\n`);
  const original = snapshotFiles(repo);
  // an app deployed to several clusters is one folder and an entry per cluster: all of it goes
  const records = others.filter(
    (o) => o.dir === app.dir && o.namespace === app.namespace && o.name === app.name,
  );
  const all = records.length ? records : [app];
  const own = [
    ...new Set(
      all.flatMap((r) =>
        ownedFiles(
          r,
          others.filter((o) => !all.includes(o)),
        ),
      ),
    ),
  ];
  for (const file of own) rmSync(join(repo, file), { force: true });
  for (const r of all) {
    if (!r.registeredIn || !r.registration) continue;
    const path = join(repo, r.registeredIn);
    const lines = readFileSync(path, 'utf8').split('\n');
    const at = lines.findIndex(
      (l) => l.replace(/^\s*-\s*/, '').replace(/\s+#.*$/, '') === r.registration,
    );
    if (at >= 0) lines.splice(at, 1);
    writeFileSync(path, lines.join('\n'));
  }
  const clusters = [...new Set(all.flatMap((r) => (r.cluster ? [r.cluster] : [])))];
  const inputs = clusters.length > 1 ? { ...app.inputs, cluster: clusters } : app.inputs;
  const flags = Object.entries(inputs).flatMap(([key, value]) =>
    value === undefined
      ? []
      : [`--${key}=${Array.isArray(value) ? value.join(',') : String(value)}`],
  );
  const secret = app.inputs.secret === true ? ['--source=offline'] : [];
  const run = await homeops('app', '--dest', repo, '--yes', ...flags, ...secret);
  const after = snapshotFiles(repo);
  const paths = new Set([...own, ...all.flatMap((r) => (r.registeredIn ? [r.registeredIn] : []))]);
  for (const [path, text] of Object.entries(after))
    if (original[path] !== text && path !== '.homeops.yaml') paths.add(path);
  const files = [...paths].sort().map((path) => ({
    path,
    original: original[path],
    generated: after[path],
    similarity: similarity(original[path], after[path]),
  }));
  rmSync(repo, { recursive: true, force: true });
  return { app, code: run.code, stderr: run.stderr, files };
}

/** The files that are the app's alone: its folder's, and its entry file unless another app shares it. */
function ownedFiles(app: ExpectedApp, others: readonly ExpectedApp[]): string[] {
  const files = app.files.map((f) => `${app.dir}/${f}`);
  if (app.valuesFile) files.push(app.valuesFile);
  if (
    app.entry &&
    !files.includes(app.entry) &&
    !others.some((o) => o !== app && o.entry === app.entry)
  )
    files.push(app.entry);
  return files;
}

/** The share of lines two texts have in common, in order (a longest common subsequence). */
export function similarity(a: string | undefined, b: string | undefined): number {
  if (a === b) return 1;
  if (a === undefined || b === undefined) return 0;
  const x = a.split('\n');
  const y = b.split('\n');
  const row = new Array<number>(y.length + 1).fill(0);
  for (let i = 1; i <= x.length; i++) {
    let prev = 0;
    for (let j = 1; j <= y.length; j++) {
      const tmp = row[j] ?? 0;
      row[j] = x[i - 1] === y[j - 1] ? prev + 1 : Math.max(row[j] ?? 0, row[j - 1] ?? 0);
      prev = tmp;
    }
  }
  return (2 * (row[y.length] ?? 0)) / (x.length + y.length);
}

export const exists = (p: string): boolean => existsSync(p);
export const folderOf = dirname;
