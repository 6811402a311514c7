// Vendor the offline schema validators: the kubernetes-models classes of the kinds homeops writes,
// bundled into vendor/kubernetes-models/ (one module per kind, shared chunks), with their licenses.
//
// Why: the kubernetes-models packages declare engines node >=22, and homeops supports and tests
// Node 20 too. Installed, they print EBADENGINE warnings in `npm ci` of this checkout and in every
// repo that installs homeops-scaffold; vendored, neither installs them, and the validators are
// the same code (this script checks that, see below). The test suite runs them on Node 20.
//
// Update: change a version below, then `node scripts/vendor-validators.mjs` (it installs the
// pinned packages in a temporary folder, needs the npm registry) and commit vendor/.
import { execFileSync } from 'node:child_process';
import { build } from 'esbuild';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';

const PACKAGES = {
  'kubernetes-models': '5.1.0',
  '@kubernetes-models/argo-cd': '4.0.0',
  '@kubernetes-models/external-secrets': '2.0.0',
  '@kubernetes-models/flux-cd': '4.0.0',
  '@kubernetes-models/gateway-api': '2.0.0',
};

/** The kinds validated (src/validate/kind-validators.ts loads each by this name). */
const KINDS = {
  Kustomization: '@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization',
  HelmRelease: '@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease',
  OCIRepository: '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository',
  HelmRepository: '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository',
  GitRepository: '@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/GitRepository',
  HTTPRoute: '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute',
  ReferenceGrant: '@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1beta1/ReferenceGrant',
  ExternalSecret: '@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret',
  Application: '@kubernetes-models/argo-cd/argoproj.io/v1alpha1/Application',
  Namespace: 'kubernetes-models/v1/Namespace',
  PersistentVolumeClaim: 'kubernetes-models/v1/PersistentVolumeClaim',
  Service: 'kubernetes-models/v1/Service',
  ConfigMap: 'kubernetes-models/v1/ConfigMap',
  Deployment: 'kubernetes-models/apps/v1/Deployment',
};

const root = new URL('..', import.meta.url).pathname;
const out = join(root, 'vendor/kubernetes-models');
const work = mkdtempSync(join(tmpdir(), 'homeops-vendor-'));
const specs = Object.entries(PACKAGES).map(([name, version]) => `${name}@${version}`);
execFileSync(
  'npm',
  [
    'install',
    '--no-save',
    '--ignore-scripts',
    '--no-audit',
    '--no-fund',
    '--prefix',
    work,
    ...specs,
  ],
  { stdio: 'inherit' },
);

// one entry per kind, exporting the model class under one name
mkdirSync(join(work, 'entries'));
for (const [kind, spec] of Object.entries(KINDS))
  writeFileSync(
    join(work, 'entries', `${kind}.mjs`),
    `export { ${kind} as Model } from '${spec}';\n`,
  );
rmSync(out, { recursive: true, force: true });
const result = await build({
  entryPoints: Object.keys(KINDS).map((kind) => join(work, 'entries', `${kind}.mjs`)),
  absWorkingDir: work,
  outdir: out,
  entryNames: '[name]',
  chunkNames: 'chunk-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none', // the licenses are in LICENSES.md
  // the idn-hostname format asks for node's punycode, deprecated (Node 22 warns on every run):
  // the npm package of the same code instead
  alias: { punycode: 'punycode/' },
  // CommonJS parts of ajv require node builtins
  banner: {
    js: "import { createRequire as __vendorRequire } from 'node:module'; const require = __vendorRequire(import.meta.url);",
  },
  metafile: true,
  logLevel: 'warning',
});
for (const kind of Object.keys(KINDS))
  writeFileSync(
    join(out, `${kind}.d.mts`),
    `/** ${KINDS[kind]} (kubernetes-models, vendored by scripts/vendor-validators.mjs) */\nexport declare const Model: new (data: unknown) => { validate(): void };\n`,
  );

// every package whose code is in the bundle, with its license text
const bundled = new Set();
for (const input of Object.keys(result.metafile.inputs)) {
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (m) bundled.add(m[1]);
}
const licenses = [...bundled].sort().map((name) => {
  const dir = join(work, 'node_modules', name);
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f));
  const text = file
    ? readFileSync(join(dir, file), 'utf8').trim()
    : `(${pkg.license}: no license file in the package)`;
  return `## ${name} ${pkg.version} (${pkg.license})\n\n\`\`\`\n${text}\n\`\`\`\n`;
});
writeFileSync(
  join(out, 'LICENSES.md'),
  `# Vendored code and its licenses\n\nThe modules of this folder are the validators of ${Object.keys(
    PACKAGES,
  )
    .map((n) => `${n}@${PACKAGES[n]}`)
    .join(
      ', ',
    )}, bundled by scripts/vendor-validators.mjs. They contain code of these packages:\n\n${licenses.join('\n')}`,
);

// the vendored validators must decide exactly as the packages do: every document of these kinds
// in the fixtures and the example repo, and each one broken in many ways (a field removed, a
// value of another type), gives the same verdict and the same message from both
const corpus = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (/\.ya?ml$/.test(entry.name))
      for (const doc of parseAllDocuments(readFileSync(path, 'utf8'))) {
        const data = doc.errors.length ? undefined : doc.toJS();
        if (data && typeof data === 'object' && data.kind in KINDS) corpus.push(data);
      }
  }
};
for (const dir of ['test/fixtures', 'test/golden', 'examples'])
  if (existsSync(join(root, dir))) walk(join(root, dir));
const variants = (data) => {
  const found = [data];
  const visit = (node, path) => {
    if (!node || typeof node !== 'object') return;
    for (const key of Object.keys(node)) {
      const at = [...path, key];
      found.push(
        edit(data, at, undefined),
        edit(data, at, 42),
        edit(data, at, 'x'),
        edit(data, at, {}),
      );
      visit(node[key], at);
    }
  };
  visit(data.spec ?? {}, ['spec']);
  visit(data.metadata ?? {}, ['metadata']);
  return found;
};
const edit = (data, path, value) => {
  const copy = structuredClone(data);
  let node = copy;
  for (const key of path.slice(0, -1)) node = node[key];
  if (value === undefined) delete node[path.at(-1)];
  else node[path.at(-1)] = value;
  return copy;
};
const verdict = (Model, data) => {
  try {
    new Model(data).validate();
    return 'valid';
  } catch (error) {
    return String(error.message);
  }
};
let cases = 0;
let invalid = 0;
for (const data of corpus) {
  const spec = KINDS[data.kind];
  const original = (await import(pathToFileURL(join(work, 'node_modules', `${spec}.js`)).href))[
    data.kind
  ];
  const vendored = (await import(pathToFileURL(join(out, `${data.kind}.mjs`)).href)).Model;
  for (const variant of variants(data)) {
    const [a, b] = [verdict(original, variant), verdict(vendored, variant)];
    if (a !== b) throw new Error(`the vendored ${data.kind} decides otherwise:\n${a}\n${b}`);
    cases++;
    if (a !== 'valid') invalid++;
  }
}
rmSync(work, { recursive: true, force: true });
console.log(
  `vendor/kubernetes-models: ${Object.keys(KINDS).length} kinds; ${cases} documents (${corpus.length} from the repos, the rest broken from them) get the same verdict as from the packages, ${invalid} of them refused`,
);
