import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import {
  globToRegExp,
  isYamlFile,
  list,
  loadShapeFixture,
  record,
  shapeFixtureNames,
  withoutHelmCharts,
  yamlErrors,
} from './support/shape-fixtures.ts';
import {
  fluxProblems,
  missingArgoPaths,
  missingGateways,
  pickProblems,
  readProblems,
  unreadArgoObjects,
} from './support/shape-graph.ts';
import { fluxObjectsIn, fluxReachProblems } from './support/shape-flux-graph.ts';
import { hasKubectl, kustomize } from './support/temp-repo.ts';

// The shape fixtures are the test bed of the repo model: these checks keep them well-formed and their
// expect files true to the tree, so that a learner compared against them is compared against facts.

const names = shapeFixtureNames();

const kustomizeUnrestricted = (dir: string) =>
  execFileSync('kubectl', ['kustomize', '--load-restrictor=LoadRestrictionsNone', dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });

describe.each(names)('shape fixture %s', (name) => {
  const fx = loadShapeFixture(name);
  const yamlFiles = fx.files.filter(isYamlFile);
  const helmTemplate = (f: string) => f.split('/').includes('templates');

  it('has YAML files that parse, start with ---, and indent with spaces', () => {
    expect(yamlFiles.length).toBeGreaterThan(0);
    const problems = yamlFiles
      .filter((f) => !helmTemplate(f))
      .flatMap((f) => yamlErrors(fx.root, f));
    for (const f of yamlFiles) {
      const text = readFileSync(join(fx.root, f), 'utf8');
      if (!text.startsWith('---\n')) problems.push(`${f}: does not start with ---`);
      if (/^\t/m.test(text)) problems.push(`${f}: tab indentation`);
    }
    expect(problems).toEqual([]);
  });

  it('has an expect file that says what the fixture is', () => {
    const e = fx.expect;
    expect(['flux', 'argocd', 'none', 'both']).toContain(e.engine);
    expect(e.shape).toMatch(/\w/);
    expect(Array.isArray(e.clusters)).toBe(true);
    expect(Object.keys(e.conventions ?? {}).length).toBeGreaterThan(0);
    expect(e.apps.length).toBeGreaterThanOrEqual(5);
    expect(e.apps.length).toBeLessThanOrEqual(16);
    expect(new Set(e.apps.map((a) => `${a.cluster ?? ''}/${a.namespace}/${a.name}`)).size).toBe(
      e.apps.length,
    );
    const plain = e.apps.filter((a) => a.plain === true);
    expect(plain.length).toBeGreaterThanOrEqual(3);
    for (const a of plain) {
      expect(a.inputs?.name, `${a.name} inputs.name`).toBe(a.name);
      expect(a.inputs?.namespace, `${a.name} inputs.namespace`).toBe(a.namespace);
      if (e.clusters.length > 0) expect(e.clusters).toContain(a.cluster);
    }
  });

  it('lists for every app the folder, files, entry and registration the tree holds', () => {
    const problems: string[] = [];
    for (const a of fx.expect.apps) {
      const inDir = fx.files
        .filter((f) => f.startsWith(`${a.dir}/`))
        .map((f) => f.slice(a.dir.length + 1));
      if (inDir.length === 0) problems.push(`${a.name}: no folder ${a.dir}`);
      else if (JSON.stringify([...a.files].sort()) !== JSON.stringify(inDir))
        problems.push(
          `${a.name}: files ${a.files.join(',')} but ${a.dir} holds ${inDir.join(',')}`,
        );
      if (a.entry && !fx.files.includes(a.entry)) problems.push(`${a.name}: no entry ${a.entry}`);
      if (a.registeredIn) {
        const text = existsSync(join(fx.root, a.registeredIn))
          ? readFileSync(join(fx.root, a.registeredIn), 'utf8')
          : '';
        const listed = text
          .split('\n')
          .some((l) => l.replace(/^\s*-\s*/, '').trim() === a.registration);
        if (!listed)
          problems.push(`${a.name}: ${a.registeredIn} has no line "- ${a.registration}"`);
      }
      if (fx.expect.engine === 'argocd' && !a.pickedBy && !a.readBy)
        problems.push(`${a.name}: neither pickedBy nor readBy`);
    }
    expect(problems).toEqual([]);
  });

  it('deploys every app through the objects named in the expect file', () => {
    const problems = fx.expect.apps.flatMap((a) => [
      ...pickProblems(fx, a),
      ...readProblems(fx, a),
    ]);
    expect(problems).toEqual([]);
  });

  it('is internally consistent: sources, roots, gateways and Flux paths exist', () => {
    const problems = [
      ...missingArgoPaths(fx),
      ...unreadArgoObjects(fx),
      ...missingGateways(fx),
      ...fluxProblems(fx),
    ];
    expect(problems).toEqual([]);
  });

  it('deploys every Flux app from its roots: entry, registration and spec.path on the walk', () => {
    expect(fluxReachProblems(fx)).toEqual([]);
  });

  it.runIf(fx.expect.engine === 'argocd')('holds no Flux Kustomization (not a Flux repo)', () => {
    expect(fluxObjectsIn(fx)).toEqual([]);
  });

  it('gives every helmCharts entry a chart, repo, version, release and an existing values file', () => {
    const problems: string[] = [];
    for (const f of fx.files.filter((f) => /(^|\/)kustomization\.ya?ml$/.test(f))) {
      const k = record(parse(readFileSync(join(fx.root, f), 'utf8')));
      for (const chart of list(k.helmCharts).map(record)) {
        for (const key of ['name', 'repo', 'version', 'releaseName'])
          if (typeof chart[key] !== 'string')
            problems.push(`${f}: helmCharts entry without ${key}`);
        const values = chart.valuesFile;
        if (typeof values === 'string' && !fx.files.includes(join(dirname(f), values)))
          problems.push(`${f}: valuesFile ${values} does not exist`);
      }
    }
    expect(problems).toEqual([]);
  });

  it.skipIf(!hasKubectl)(
    'builds every kustomization folder with kubectl kustomize (helmCharts set aside)',
    () => {
      const copy = mkdtempSync(join(tmpdir(), `homeops-shape-${name}-`));
      try {
        cpSync(fx.root, copy, { recursive: true });
        const folders: string[] = [];
        for (const f of fx.files.filter((f) => /(^|\/)kustomization\.ya?ml$/.test(f))) {
          const text = readFileSync(join(copy, f), 'utf8');
          if (record(parse(text)).kind === 'Component') continue;
          writeFileSync(join(copy, f), withoutHelmCharts(text));
          folders.push(dirname(f));
        }
        const failures = folders.flatMap((d) => {
          try {
            // kustomize-controller builds with LoadRestrictionsNone (files outside the folder, e.g. overlays)
            if (fx.expect.engine === 'flux') kustomizeUnrestricted(join(copy, d));
            else kustomize(join(copy, d));
            return [];
          } catch (e) {
            return [`${d}: ${String(record(e).stderr ?? e)}`];
          }
        });
        expect(failures).toEqual([]);
      } finally {
        rmSync(copy, { recursive: true, force: true });
      }
    },
  );
});

it('reads globs as Argo CD writes them: * within a folder, **/ across folders, {a,b}', () => {
  expect(globToRegExp('my-apps/*/*').test('my-apps/media/sonarr')).toBe(true);
  expect(globToRegExp('my-apps/*/*').test('my-apps/media/sonarr/extra')).toBe(false);
  expect(globToRegExp('**/k8s/*').test('services/memos/k8s/pvc.yaml')).toBe(true);
  expect(globToRegExp('**/k8s/*').test('k8s/pvc.yaml')).toBe(true);
  expect(globToRegExp('**/k8s/*').test('services/notk8s/pvc.yaml')).toBe(false);
  expect(globToRegExp('{a,b}/*.yaml').test('b/x.yaml')).toBe(true);
  expect(globToRegExp('{a,b}/*.yaml').test('c/x.yaml')).toBe(false);
});

it('finds the shape fixtures', () => {
  expect(names.length).toBeGreaterThan(0);
});
