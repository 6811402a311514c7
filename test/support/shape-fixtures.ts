import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { isMap, parse, parseAllDocuments } from 'yaml';
import { ROOT } from './temp-repo.ts';

/** The shape fixtures: synthetic repos of the shapes real home-ops repos take (test/fixtures/shapes/). */
export const SHAPES = join(ROOT, 'test/fixtures/shapes');

export interface ExpectedApp {
  name: string;
  namespace: string;
  cluster?: string;
  group?: string;
  entry?: string;
  registeredIn?: string;
  registration?: string;
  pickedBy?: { file: string; name: string };
  readBy?: { file: string; name: string };
  dir: string;
  files: string[];
  /** Where one entry file holds several Flux Kustomizations: their names (the apps info lists). */
  kustomizations?: string[];
  chart: string;
  plain: boolean;
  inputs?: Record<string, unknown>;
}

export interface Expectation {
  engine: string;
  shape: string;
  clusters: string[];
  bootstrap?: { roots?: { file: string; name: string }[] };
  apps: ExpectedApp[];
  conventions: Record<string, unknown>;
}

/** One Kubernetes-style object of the fixture, with the file it is in. */
export interface RepoObject {
  file: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace?: string;
  body: Record<string, unknown>;
}

export interface ShapeFixture {
  name: string;
  root: string;
  expect: Expectation;
  /** Every file of the repo, relative to its root, sorted. */
  files: string[];
  /** Every parsed YAML document of every .yaml/.yml file (objects or not). */
  docs: { file: string; value: unknown }[];
  objects: RepoObject[];
}

export function shapeFixtureNames(): string[] {
  if (!existsSync(SHAPES)) return [];
  return readdirSync(SHAPES)
    .filter((f) => f.endsWith('.expect.yaml'))
    .map((f) => f.slice(0, -'.expect.yaml'.length))
    .sort();
}

export function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  walk(root);
  return out.sort();
}

export const isYamlFile = (file: string) => /\.ya?ml$/.test(file);

/** Parse errors of a YAML file, as "file: message" lines (empty when it parses). */
export function yamlErrors(root: string, file: string): string[] {
  const docs = parseAllDocuments(readFileSync(join(root, file), 'utf8'));
  const list = Array.isArray(docs) ? docs : [docs];
  return list.flatMap((d) => [...d.errors, ...d.warnings].map((e) => `${file}: ${e.message}`));
}

/** A shape fixture (or a copy of one at `root`, changed by a test), read with its expect file. */
export function loadShapeFixture(name: string, root = join(SHAPES, name)): ShapeFixture {
  const expect = parse(readFileSync(join(SHAPES, `${name}.expect.yaml`), 'utf8')) as Expectation;
  const files = listFiles(root);
  const docs: ShapeFixture['docs'] = [];
  for (const file of files.filter(isYamlFile)) {
    const parsed = parseAllDocuments(readFileSync(join(root, file), 'utf8'));
    for (const doc of Array.isArray(parsed) ? parsed : [parsed]) {
      // a Helm template (umbrella chart) is not YAML until rendered: keep it out of the objects
      if (file.split('/').includes('templates') && doc.errors.length > 0) continue;
      docs.push({ file, value: doc.toJS() });
    }
  }
  // an object without metadata.namespace takes the `namespace:` of the kustomization above it
  const kustomizeNamespace = (file: string): string | undefined => {
    for (let dir = dirname(file); dir !== '.' && dir !== '/'; dir = dirname(dir)) {
      const k = join(dir, 'kustomization.yaml');
      if (!files.includes(k)) continue;
      const ns = record(parse(readFileSync(join(root, k), 'utf8'))).namespace;
      if (typeof ns === 'string') return ns;
    }
    return undefined;
  };
  // ... or the namespace its Application deploys it to (the app's, in the expect file)
  const appNamespace = (file: string) =>
    expect.apps.find((a) => file.startsWith(`${a.dir}/`))?.namespace;
  const objects = docs.flatMap(({ file, value }) => {
    const o = record(value);
    const meta = record(o.metadata);
    if (typeof o.kind !== 'string' || typeof o.apiVersion !== 'string') return [];
    return [
      {
        file,
        apiVersion: o.apiVersion,
        kind: o.kind,
        name: String(meta.name ?? ''),
        namespace:
          typeof meta.namespace === 'string'
            ? meta.namespace
            : (kustomizeNamespace(file) ?? appNamespace(file)),
        body: o,
      },
    ];
  });
  return { name, root, expect, files, docs, objects };
}

export function record(value: unknown): Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A glob as Argo CD and kustomize write them: `*` within a segment, `**` across, `{a,b}`. */
export function globToRegExp(glob: string): RegExp {
  let re = '';
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob.charAt(i);
    if (c === '*' && glob[i + 1] === '*') {
      i++;
      // `**/` is any number of whole folders (none included); a trailing `**` is anything
      if (glob.charAt(i + 1) === '/') {
        re += '(?:.*/)?';
        i++;
      } else re += '.*';
    } else if (c === '*') re += '[^/]*';
    else if (c === '?') re += '[^/]';
    else if (c === '{') {
      re += '(?:';
      braces++;
    } else if (c === '}' && braces > 0) {
      re += ')';
      braces--;
    } else if (c === ',' && braces > 0) re += '|';
    else re += c.replace(/[.+^$()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** Every `parentRefs` list anywhere in a value (HTTPRoutes, chart values, valuesInline, valuesObject). */
export function parentRefsIn(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(parentRefsIn);
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === 'parentRefs' ? list(v).map(record) : parentRefsIn(v),
  );
}

/** The kustomization.yaml of a folder without its helmCharts (which need Helm and the network). */
export function withoutHelmCharts(text: string): string {
  const doc = parseAllDocuments(text);
  const first = Array.isArray(doc) ? doc[0] : doc;
  if (first && isMap(first.contents)) {
    first.contents.delete('helmCharts');
    first.contents.delete('helmGlobals');
  }
  return first ? first.toString() : text;
}
